import { createLogger } from '@daena/platform';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MaintenanceSchedule } from './maintenance.js';

const log = createLogger('knowledge-test', 'silent');

afterEach(() => {
  vi.useRealTimers();
});

describe('the maintenance schedule', () => {
  it('runs a round every interval, one at a time, until stopped', async () => {
    vi.useFakeTimers();
    const rounds: Date[] = [];
    const schedule = new MaintenanceSchedule(async (now) => rounds.push(now), 1_000, log);
    schedule.start();
    expect(rounds).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(rounds).toHaveLength(3);
    await schedule.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(rounds).toHaveLength(3);
  });

  it('keeps going after a failed round', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const schedule = new MaintenanceSchedule(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('neo4j is restarting');
      },
      1_000,
      log,
    );
    schedule.start();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toBe(2);
    await schedule.stop();
  });

  it('never runs with an interval of 0', async () => {
    vi.useFakeTimers();
    const round = vi.fn(async () => undefined);
    const schedule = new MaintenanceSchedule(round, 0, log);
    schedule.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(round).not.toHaveBeenCalled();
    await schedule.stop();
  });
});
