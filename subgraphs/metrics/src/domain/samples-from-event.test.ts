import { type DomainEvent } from '@daena/platform/domain';
import { Events } from '@daena/contracts';
import { describe, expect, it } from 'vitest';
import {
  MalformedEventError,
  MetricName,
  recordedEvents,
  samplesFromEvent,
} from './samples-from-event.js';

const at = new Date('2026-11-24T10:00:00.000Z');
const proposalId = '7d1f3c0e-2b1a-4c7e-9f00-000000000001';
const departmentId = '7d1f3c0e-2b1a-4c7e-9f00-000000000002';
const agentId = '7d1f3c0e-2b1a-4c7e-9f00-000000000003';

describe('samplesFromEvent', () => {
  it.each([
    {
      event: Events.voteCast.create({ proposalId, voteId: 'v1', agentId, round: 2 }, at),
      name: MetricName.votesCast,
      value: 1,
      labels: { proposalId, agentId, round: 2 },
    },
    {
      event: Events.proposalOpened.create({ proposalId, departmentId, status: 'OPEN' }, at),
      name: MetricName.proposalsOpened,
      value: 1,
      labels: { proposalId, departmentId },
    },
    {
      event: Events.proposalClosed.create({ proposalId, departmentId, status: 'APPROVED' }, at),
      name: MetricName.proposalsClosed,
      value: 1,
      labels: { proposalId, departmentId, status: 'APPROVED' },
    },
    {
      event: Events.outcomeRecorded.create(
        {
          proposalId,
          departmentId,
          kind: 'BRAND',
          status: 'REJECTED',
          outcome: 'APPROVE',
          correct: false,
        },
        at,
      ),
      name: MetricName.outcomesRecorded,
      value: 1,
      labels: {
        proposalId,
        departmentId,
        kind: 'BRAND',
        status: 'REJECTED',
        outcome: 'APPROVE',
        correct: false,
      },
    },
    {
      // Closed without a decision: the outcome confirms or regrets nothing.
      event: Events.outcomeRecorded.create(
        {
          proposalId,
          departmentId,
          kind: 'BRAND',
          status: 'NO_CONSENSUS',
          outcome: 'REJECT',
          correct: null,
        },
        at,
      ),
      name: MetricName.outcomesRecorded,
      value: 1,
      labels: {
        proposalId,
        departmentId,
        kind: 'BRAND',
        status: 'NO_CONSENSUS',
        outcome: 'REJECT',
        correct: 'undecided',
      },
    },
    {
      event: Events.agentMessageSent.create(
        {
          messageId: 'm1',
          topic: 'DIRECT',
          fromAgentId: agentId,
          fromDepartmentId: departmentId,
          crossesCells: true,
          recipientAgentIds: ['a2'],
          viaAgentIds: ['b1', 'b2'],
        },
        at,
      ),
      name: MetricName.messagesSent,
      value: 1,
      labels: {
        messageId: 'm1',
        topic: 'DIRECT',
        fromAgentId: agentId,
        fromDepartmentId: departmentId,
        crossesCells: true,
        hops: 2,
      },
    },
    {
      // Within the cell: crossesCells false.
      event: Events.agentMessageSent.create(
        {
          messageId: 'm2',
          topic: 'CELL',
          fromAgentId: agentId,
          fromDepartmentId: departmentId,
          crossesCells: false,
          recipientAgentIds: ['a2', 'a3'],
          viaAgentIds: [],
        },
        at,
      ),
      name: MetricName.messagesSent,
      value: 1,
      labels: {
        messageId: 'm2',
        topic: 'CELL',
        fromAgentId: agentId,
        fromDepartmentId: departmentId,
        crossesCells: false,
        hops: 0,
      },
    },
    {
      event: Events.agentsSeeded.create({ departments: 8, agents: 64 }, at),
      name: MetricName.seededAgents,
      value: 64,
      labels: { departments: 8 },
    },
    {
      event: Events.knowledgeEntryCreated.create({ entryId: 'e1', departmentSlug: 'legal' }, at),
      name: MetricName.entriesCreated,
      value: 1,
      labels: { entryId: 'e1', departmentSlug: 'legal' },
    },
  ])('maps $event.type to one $name sample', ({ event, name, value, labels }) => {
    expect(samplesFromEvent(event)).toEqual([
      { name, value, labels, eventId: event.id, recordedAt: at },
    ]);
  });

  it('records a router drift alarm as the agents router publishes it (JSON over Redis)', () => {
    // Captured from subgraphs/agents/test/router-deadline.test.ts, where real calls trip it.
    const published = JSON.parse(
      '{"id":"d91f0a64-a019-4a24-8ded-547b34dd611a","type":"router.drift.detected","version":1,' +
        '"occurredAt":"2026-12-03T07:01:48.954Z","data":{"model":"solo","taskType":"extraction",' +
        '"metric":"quality","direction":"worse","observations":53,' +
        '"statistic":10.484753451575003,"threshold":10}}',
    ) as DomainEvent;
    expect(Events.routerDriftDetected.is(published)).toBe(true);
    expect(samplesFromEvent(published)).toEqual([
      {
        name: MetricName.routerDrift,
        value: 10.484753451575003,
        labels: {
          model: 'solo',
          taskType: 'extraction',
          metric: 'quality',
          direction: 'worse',
          threshold: 10,
        },
        eventId: 'd91f0a64-a019-4a24-8ded-547b34dd611a',
        recordedAt: new Date('2026-12-03T07:01:48.954Z'),
      },
    ]);
  });

  it('covers every contract of the catalogue', () => {
    expect(recordedEvents.map((contract) => contract.type).sort()).toEqual(
      Object.values(Events)
        .map((contract) => contract.type)
        .sort(),
    );
  });

  it('records nothing for an event type it does not measure', () => {
    const event: DomainEvent = { ...Events.voteCast.create({} as never), type: 'other.thing' };
    expect(samplesFromEvent(event)).toEqual([]);
  });

  it('keeps only scalar labels, leaving out missing and nested fields', () => {
    const event = Events.proposalOpened.create({
      proposalId,
      departmentId: { nested: true },
    } as never);
    expect(samplesFromEvent(event)[0]?.labels).toEqual({ proposalId });
  });

  const valid = Events.agentsSeeded.create({ departments: 8, agents: 64 }, at);
  it.each([
    { problem: 'a non-UUID id', event: { ...valid, id: 'not-a-uuid' } },
    { problem: 'an unparseable occurredAt', event: { ...valid, occurredAt: 'yesterday' } },
    { problem: 'a null payload', event: { ...valid, data: null } },
    { problem: 'a non-numeric value', event: { ...valid, data: { departments: 8 } } },
    { problem: 'an infinite value', event: { ...valid, data: { agents: Infinity } } },
    { problem: 'an unknown version', event: { ...valid, version: 2 } },
  ])('rejects an event with $problem', ({ event }) => {
    expect(() => samplesFromEvent(event as DomainEvent)).toThrow(MalformedEventError);
  });
});
