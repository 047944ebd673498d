import { Writable } from 'node:stream';
import { InProcessEventBus, type DomainEvent } from '@daena/platform';
import { Events } from '@daena/contracts';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { MetricSampleDraft } from '../domain/samples-from-event.js';
import { SampleRecorder } from './sample-recorder.js';

/** A stand-in writer that records each batch and can hold or fail a write on demand. */
function fakeWriter() {
  const batches: string[][] = [];
  let hold: Promise<void> | undefined;
  let release = () => {};
  let failWhen: (eventIds: string[]) => boolean = () => false;
  return {
    batches,
    holdNextWrite() {
      hold = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
    failWhen(predicate: (eventIds: string[]) => boolean) {
      failWhen = predicate;
    },
    async write(samples: readonly MetricSampleDraft[]): Promise<number> {
      const eventIds = samples.map((sample) => sample.eventId);
      const held = hold;
      hold = undefined;
      await held;
      if (failWhen(eventIds)) throw new Error('connection refused');
      batches.push(eventIds);
      return eventIds.length;
    },
  };
}

function capturedLogger() {
  const lines: { level: number; msg: string; eventId?: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
      done();
    },
  });
  return { log: pino({ level: 'warn' }, stream), lines };
}

const opened = () =>
  Events.proposalOpened.create({ proposalId: 'p', departmentId: 'd', status: 'OPEN' });

describe('SampleRecorder', () => {
  it('writes in delivery order, grouping events that arrive during a write', async () => {
    const writer = fakeWriter();
    const recorder = new SampleRecorder(writer.write, capturedLogger().log);
    const [a, b, c] = [opened(), opened(), opened()];
    writer.holdNextWrite();
    recorder.accept(a);
    recorder.accept(b);
    recorder.accept(c);
    writer.release();
    await recorder.stop();
    expect(writer.batches).toEqual([[a.id], [b.id, c.id]]);
  });

  it('logs a failed write instead of throwing, and records the events after it', async () => {
    const writer = fakeWriter();
    const { log, lines } = capturedLogger();
    const recorder = new SampleRecorder(writer.write, log);
    const [down, up] = [opened(), opened()];
    writer.failWhen((ids) => ids.includes(down.id));
    recorder.accept(down);
    await recorder.stop();
    recorder.accept(up);
    await recorder.stop();
    expect(writer.batches).toEqual([[up.id]]);
    expect(lines).toMatchObject([{ level: 50, eventId: down.id }]);
  });

  it('retries a failed batch event by event, so one bad event loses only itself', async () => {
    const writer = fakeWriter();
    const recorder = new SampleRecorder(writer.write, capturedLogger().log);
    const [first, poison, last] = [opened(), opened(), opened()];
    writer.failWhen((ids) => ids.includes(poison.id));
    writer.holdNextWrite();
    recorder.accept(first);
    recorder.accept(poison);
    recorder.accept(last);
    writer.release();
    await recorder.stop();
    expect(writer.batches).toEqual([[first.id], [last.id]]);
  });

  it('warns about and skips malformed events', async () => {
    const writer = fakeWriter();
    const { log, lines } = capturedLogger();
    const recorder = new SampleRecorder(writer.write, log);
    recorder.accept({ ...opened(), id: 'not-a-uuid' } as DomainEvent);
    await recorder.stop();
    expect(writer.batches).toEqual([]);
    expect(lines).toMatchObject([{ level: 40, eventId: 'not-a-uuid' }]);
  });

  it('consumes the bus between start and stop only', async () => {
    const writer = fakeWriter();
    const bus = new InProcessEventBus(capturedLogger().log);
    const recorder = new SampleRecorder(writer.write, capturedLogger().log);
    const [before, during, after] = [opened(), opened(), opened()];
    await bus.publish(before);
    recorder.start(bus);
    recorder.start(bus);
    await bus.publish(during);
    await recorder.stop();
    await bus.publish(after);
    await recorder.stop();
    expect(writer.batches).toEqual([[during.id]]);
  });
});
