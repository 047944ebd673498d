import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessEventBus, RedisEventBus, type EventBus } from './bus.js';
import { defineEvent, type DomainEvent } from './events.js';

// Events of the bus's own tests, shaped like the decisions subgraph's (packages/contracts).
interface VoteTallyChanged {
  proposalId: string;
  voteId: string;
  agentId: string;
  round: number;
}
const Events = {
  voteCast: defineEvent<VoteTallyChanged>('decisions.vote.cast'),
  proposalOpened: defineEvent<{ proposalId: string }>('decisions.proposal.opened'),
};

const log = pino({ level: 'silent' });
// The same default as @daena/testing's testStores; `npm test` sets TEST_REDIS_URL (issue 21).
const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const opened: EventBus[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((bus) => bus.close()));
});

function nextEvent(bus: EventBus): Promise<DomainEvent<VoteTallyChanged>> {
  return new Promise((resolve) => {
    const stop = bus.subscribe(Events.voteCast, (event) => {
      stop();
      resolve(event);
    });
  });
}

const payload = { proposalId: 'p1', voteId: 'v1', agentId: 'a1', round: 1 };

describe('InProcessEventBus', () => {
  it('delivers typed events to subscribers of that type only', async () => {
    const bus = new InProcessEventBus(log);
    opened.push(bus);
    const other: string[] = [];
    bus.subscribe(Events.proposalOpened, (event) => void other.push(event.type));
    const received = nextEvent(bus);
    await bus.publish(Events.voteCast.create(payload));
    expect((await received).data).toEqual(payload);
    expect(other).toEqual([]);
  });
});

describe('RedisEventBus (real Redis)', () => {
  it('carries an event from one process-like bus to another', async () => {
    const publisher = new RedisEventBus(redisUrl, log);
    const subscriber = new RedisEventBus(redisUrl, log);
    opened.push(publisher, subscriber);
    const received = nextEvent(subscriber);
    await Promise.all([publisher.ready(), subscriber.ready()]);
    const event = Events.voteCast.create(payload);
    await publisher.publish(event);
    expect(await received).toEqual(event);
  });
});
