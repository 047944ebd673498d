import { randomUUID } from 'node:crypto';
import { InProcessEventBus, type RunningService } from '@daena/platform';
import { Events } from '@daena/contracts';
import {
  createTestDatabase,
  graphql,
  silentLogger,
  waitFor,
  type TestDatabase,
} from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricName } from '../src/domain/samples-from-event.js';
import { samplesOf, startMetrics } from './start-metrics.js';

let database: TestDatabase;
let bus: InProcessEventBus;
let service: RunningService;

beforeAll(async () => {
  database = await createTestDatabase('metrics');
  bus = new InProcessEventBus(silentLogger());
  service = await startMetrics(database.url, bus);
});
afterAll(async () => {
  await service?.close();
  await bus?.close();
  await database?.drop();
});

const minute = 60_000;
const t0 = Date.parse('2026-11-24T10:00:00.000Z');
const at = (minutes: number) => new Date(t0 + minutes * minute);
const department = randomUUID();

interface SummaryView {
  count: number;
  sum: number;
  min: number | null;
  max: number | null;
  avg: number | null;
  firstRecordedAt: string | null;
  lastRecordedAt: string | null;
}

async function summaryOf(name: string, since?: string): Promise<SummaryView> {
  const result = await graphql<{ metricSummary: SummaryView }>(
    service.url,
    `
      query ($name: String!, $since: DateTimeISO) {
        metricSummary(name: $name, since: $since) {
          count
          sum
          min
          max
          avg
          firstRecordedAt
          lastRecordedAt
        }
      }
    `,
    { name, since },
  );
  expect(result.body.errors).toBeUndefined();
  const summary = result.body.data?.metricSummary;
  if (!summary) throw new Error('metricSummary returned no data');
  return summary;
}

describe('metrics subgraph on real Postgres with the in-process bus', () => {
  it('records one sample per vote, labelled, at the time the vote happened, newest first', async () => {
    const proposalId = randomUUID();
    const votes = [1, 2, 3].map((minutes) =>
      Events.voteCast.create(
        { proposalId, voteId: randomUUID(), agentId: randomUUID(), round: 1 },
        at(minutes),
      ),
    );
    for (const vote of votes) await bus.publish(vote);

    const samples = await waitFor(async () => {
      const found = await samplesOf(service, MetricName.votesCast);
      expect(found).toHaveLength(3);
      return found;
    });
    expect(samples.map((s) => s.recordedAt)).toEqual([at(3), at(2), at(1)].map(toIso));
    expect(samples[0]).toMatchObject({
      name: 'decisions.votes_cast',
      value: 1,
      labels: { proposalId, agentId: votes[2]?.data.agentId, round: 1 },
    });

    const recent = await samplesOf(service, MetricName.votesCast, { since: toIso(at(2)) });
    expect(recent.map((s) => s.recordedAt)).toEqual([at(3), at(2)].map(toIso));
    const newest = await samplesOf(service, MetricName.votesCast, { limit: 1 });
    expect(newest.map((s) => s.id)).toEqual([samples[0]?.id]);
  });

  it('records a redelivered event once', async () => {
    const opened = Events.proposalOpened.create({
      proposalId: randomUUID(),
      departmentId: department,
      status: 'OPEN',
    });
    const later = Events.proposalOpened.create({
      proposalId: randomUUID(),
      departmentId: department,
      status: 'OPEN',
    });
    await bus.publish(opened);
    await bus.publish(opened);
    // Samples are written in delivery order, so once `later` is visible both deliveries of
    // `opened` have been handled.
    await bus.publish(later);

    const samples = await waitFor(async () => {
      const found = await samplesOf(service, MetricName.proposalsOpened);
      expect(found.map((s) => s.labels?.['proposalId'])).toContain(later.data.proposalId);
      return found;
    });
    expect(samples.map((s) => s.labels?.['proposalId']).sort()).toEqual(
      [opened.data.proposalId, later.data.proposalId].sort(),
    );
  });

  it("records decisions' recorded outcomes and counts their accuracy on /metrics", async () => {
    const outcome = Events.outcomeRecorded.create({
      proposalId: randomUUID(),
      departmentId: department,
      kind: 'DATA_PRIVACY',
      status: 'ACCEPTED',
      outcome: 'REJECT',
      correct: false,
    });
    await bus.publish(outcome);
    const [sample] = await waitFor(async () => {
      const found = await samplesOf(service, MetricName.outcomesRecorded);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(sample?.labels).toMatchObject({
      kind: 'DATA_PRIVACY',
      status: 'ACCEPTED',
      correct: false,
    });
    // What Prometheus and the embedded evaluator scrape for daena:kpi_cmp_accuracy_ratio.
    const text = await (await fetch(new URL('/metrics', service.url))).text();
    expect(text).toContain(
      'daena_cmp_outcomes_total{kind="DATA_PRIVACY",decision="ACCEPTED",correct="false",service="metrics"} 1',
    );
  });

  it('summarizes a series in Postgres, whole or from a point in time', async () => {
    const runs = [
      Events.agentsSeeded.create({ departments: 8, agents: 64 }, at(10)),
      Events.agentsSeeded.create({ departments: 1, agents: 8 }, at(20)),
      Events.agentsSeeded.create({ departments: 2, agents: 16 }, at(30)),
    ];
    for (const run of runs) await bus.publish(run);

    const summary = await waitFor(async () => {
      const found = await summaryOf(MetricName.seededAgents);
      expect(found.count).toBe(3);
      return found;
    });
    expect(summary).toEqual({
      count: 3,
      sum: 88,
      min: 8,
      max: 64,
      avg: 88 / 3,
      firstRecordedAt: toIso(at(10)),
      lastRecordedAt: toIso(at(30)),
    });
    expect(await summaryOf(MetricName.seededAgents, toIso(at(15)))).toEqual({
      count: 2,
      sum: 24,
      min: 8,
      max: 16,
      avg: 12,
      firstRecordedAt: toIso(at(20)),
      lastRecordedAt: toIso(at(30)),
    });
  });

  it('answers an unknown series with no samples and a zero summary', async () => {
    expect(await samplesOf(service, 'no.such_metric')).toEqual([]);
    expect(await summaryOf('no.such_metric')).toEqual({
      count: 0,
      sum: 0,
      min: null,
      max: null,
      avg: null,
      firstRecordedAt: null,
      lastRecordedAt: null,
    });
  });

  it.each([0, 1001, -5])('rejects limit %i with BAD_USER_INPUT', async (limit) => {
    const result = await graphql(
      service.url,
      'query ($limit: Int) { metricSamples(name: "decisions.votes_cast", limit: $limit) { id } }',
      { limit },
    );
    expect(result.body.data).toBeNull();
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'LIMIT_OUT_OF_RANGE',
    });
  });

  it('drops a malformed event and keeps recording the next ones', async () => {
    const valid = Events.knowledgeEntryCreated.create({ entryId: 'e-1', departmentSlug: 'legal' });
    await bus.publish({ ...valid, id: 'not-a-uuid' });
    await bus.publish({ ...valid, id: randomUUID(), occurredAt: 'not a time' });
    await bus.publish(valid);

    const samples = await waitFor(async () => {
      const found = await samplesOf(service, MetricName.entriesCreated);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(samples[0]?.labels).toEqual({ entryId: 'e-1', departmentSlug: 'legal' });
  });

  it('lists the names of every recorded series, sorted', async () => {
    const closed = Events.proposalClosed.create({
      proposalId: randomUUID(),
      departmentId: department,
      status: 'APPROVED',
    });
    await bus.publish(closed);
    await waitFor(async () =>
      expect(await samplesOf(service, MetricName.proposalsClosed)).toHaveLength(1),
    );

    const result = await graphql<{ metricNames: string[] }>(service.url, '{ metricNames }');
    expect(result.body.data?.metricNames).toEqual([
      'agents.seeded_agents',
      'decisions.outcomes_recorded',
      'decisions.proposals_closed',
      'decisions.proposals_opened',
      'decisions.votes_cast',
      'knowledge.entries_created',
    ]);
  });

  it('resolves federation references by id, null for unknown or malformed ids', async () => {
    const [newest, oldest] = await samplesOf(service, MetricName.votesCast, { limit: 2 });
    const result = await graphql<{ _entities: ({ id: string; name: string } | null)[] }>(
      service.url,
      `
        query ($reps: [_Any!]!) {
          _entities(representations: $reps) {
            ... on MetricSample {
              id
              name
              value
            }
          }
        }
      `,
      {
        reps: [oldest?.id, '999999999', 'not-a-number', newest?.id].map((id) => ({
          __typename: 'MetricSample',
          id,
        })),
      },
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?._entities).toEqual([
      { id: oldest?.id, name: 'decisions.votes_cast', value: 1 },
      null,
      null,
      { id: newest?.id, name: 'decisions.votes_cast', value: 1 },
    ]);
  });
});

function toIso(date: Date): string {
  return date.toISOString();
}
