import { randomUUID } from 'node:crypto';
import { RedisEventBus, type RunningService } from '@daena/platform';
import { Events } from '@daena/contracts';
import {
  createTestDatabase,
  silentLogger,
  testStores,
  waitFor,
  type TestDatabase,
} from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricName } from '../src/domain/samples-from-event.js';
import { samplesOf, startMetrics } from './start-metrics.js';

let database: TestDatabase;
let publisher: RedisEventBus;
let subscriber: RedisEventBus;
let service: RunningService;

beforeAll(async () => {
  database = await createTestDatabase('metrics_redis');
  publisher = new RedisEventBus(testStores.redisUrl, silentLogger());
  subscriber = new RedisEventBus(testStores.redisUrl, silentLogger());
  service = await startMetrics(database.url, subscriber);
  // The service subscribed when Postgres connected; ready() answers once Redis has confirmed it.
  await Promise.all([publisher.ready(), subscriber.ready()]);
});
afterAll(async () => {
  await service?.close();
  await Promise.all([publisher?.close(), subscriber?.close()]);
  await database?.drop();
});

// Other suites may publish on the same Redis at the same time: look only at this test's proposals.
const closedFor = (proposalId: string) =>
  Events.proposalClosed.create({ proposalId, departmentId: randomUUID(), status: 'REJECTED' });
const proposalIdsOf = async () =>
  (await samplesOf(service, MetricName.proposalsClosed, { limit: 1000 })).map(
    (sample) => sample.labels?.['proposalId'],
  );

describe('metrics subgraph consuming events through Redis', () => {
  it('records an event published by another process', async () => {
    const closed = closedFor(randomUUID());
    await publisher.publish(closed);

    const [sample] = await waitFor(async () => {
      const found = (await samplesOf(service, MetricName.proposalsClosed, { limit: 1000 })).filter(
        (s) => s.labels?.['proposalId'] === closed.data.proposalId,
      );
      expect(found).toHaveLength(1);
      return found;
    });
    expect(sample).toMatchObject({
      value: 1,
      recordedAt: closed.occurredAt,
      labels: { departmentId: closed.data.departmentId, status: 'REJECTED' },
    });
  });

  it('records an event redelivered through Redis once', async () => {
    const twice = closedFor(randomUUID());
    const after = closedFor(randomUUID());
    await publisher.publish(twice);
    await publisher.publish(twice);
    // One connection and one channel keep order, and samples are written in delivery order.
    await publisher.publish(after);

    const ids = await waitFor(async () => {
      const found = await proposalIdsOf();
      expect(found).toContain(after.data.proposalId);
      return found;
    });
    expect(ids.filter((id) => id === twice.data.proposalId)).toHaveLength(1);
  });
});
