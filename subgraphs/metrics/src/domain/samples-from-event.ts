import { BadInputError, type DomainEvent, type EventContract } from '@daena/platform/domain';
import { Events } from '@daena/contracts';

/** Label values are scalars so a series can be filtered and grouped by them. */
export type LabelValue = string | number | boolean;
export type Labels = Record<string, LabelValue>;

/** One point of one metric series, as a domain event produced it (the store assigns the id). */
export interface MetricSampleDraft {
  readonly name: string;
  readonly value: number;
  readonly labels: Labels;
  /** The event the sample came from: (eventId, name) is unique, so redelivery is a no-op. */
  readonly eventId: string;
  /** When it happened (the event's occurredAt), not when we heard of it. */
  readonly recordedAt: Date;
}

/** The metric series recorded from domain events. */
export const MetricName = {
  votesCast: 'decisions.votes_cast',
  proposalsOpened: 'decisions.proposals_opened',
  proposalsClosed: 'decisions.proposals_closed',
  proposalTransitions: 'decisions.proposal_transitions',
  outcomesRecorded: 'decisions.outcomes_recorded',
  seededAgents: 'agents.seeded_agents',
  agentStatusChanges: 'agents.status_changes',
  departmentChanges: 'agents.department_changes',
  agentChanges: 'agents.agent_changes',
  agentLoad: 'agents.load',
  agentBudgetUsed: 'agents.budget_used_usd',
  messagesSent: 'agents.messages_sent',
  entriesCreated: 'knowledge.entries_created',
  entryChanges: 'knowledge.entry_changes',
  shares: 'knowledge.shares',
  routerSelections: 'router.selections',
  routerDrift: 'router.drift_detected',
  routerModelChanges: 'router.model_changes',
  alertTransitions: 'metrics.alert_transitions',
  taskUpdates: 'agents.task_updates',
  runSteps: 'agents.run_steps',
} as const;
export type MetricName = (typeof MetricName)[keyof typeof MetricName];

type SampleValue = Pick<MetricSampleDraft, 'name' | 'value' | 'labels'>;

interface SampleRule {
  readonly contract: EventContract<unknown>;
  readonly toSamples: (data: Record<string, unknown>) => SampleValue[];
}

/** Binds a rule to its contract so the rule body sees the contract's payload type. */
function rule<T>(contract: EventContract<T>, toSamples: (data: T) => SampleValue[]): SampleRule {
  // The payload came over the wire: `labelsOf` and the value check below guard its shape.
  return { contract, toSamples: (data) => toSamples(data as T) };
}

/** Copies the named fields that hold scalars; anything else (missing, nested) is left out. */
function labelsOf<T extends object>(data: T, keys: readonly (keyof T & string)[]): Labels {
  const labels: Labels = {};
  for (const key of keys) {
    const value: unknown = data[key];
    if (typeof value === 'string' || typeof value === 'boolean') labels[key] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) labels[key] = value;
  }
  return labels;
}

/** Event → samples, one rule per contract of the catalogue (a table, not an `if` chain). */
const rules: readonly SampleRule[] = [
  rule(Events.voteCast, (data) => [
    {
      name: MetricName.votesCast,
      value: 1,
      labels: labelsOf(data, ['proposalId', 'agentId', 'round']),
    },
  ]),
  rule(Events.proposalOpened, (data) => [
    {
      name: MetricName.proposalsOpened,
      value: 1,
      labels: labelsOf(data, ['proposalId', 'departmentId']),
    },
  ]),
  rule(Events.proposalClosed, (data) => [
    {
      name: MetricName.proposalsClosed,
      value: 1,
      labels: labelsOf(data, ['proposalId', 'departmentId', 'status']),
    },
  ]),
  // `to` says which lifecycle step (OPEN → ACCEPTED, ESCALATED…): alerts can count escalations.
  rule(Events.proposalTransitioned, (data) => [
    {
      name: MetricName.proposalTransitions,
      value: 1,
      labels: labelsOf(data, ['proposalId', 'departmentId', 'from', 'to', 'round']),
    },
  ]),
  // Decision quality: `correct` says whether the closing decision was right by its outcome,
  // `undecided` when the proposal closed without one (NO_CONSENSUS, ESCALATED …).
  rule(Events.outcomeRecorded, (data) => [
    {
      name: MetricName.outcomesRecorded,
      value: 1,
      labels: {
        ...labelsOf(data, ['proposalId', 'departmentId', 'kind', 'status', 'outcome']),
        correct: typeof data.correct === 'boolean' ? data.correct : 'undecided',
      },
    },
  ]),
  // One seeding run is one sample whose value is how many agents it created.
  rule(Events.agentsSeeded, (data) => [
    { name: MetricName.seededAgents, value: data.agents, labels: labelsOf(data, ['departments']) },
  ]),
  rule(Events.agentStatusChanged, (data) => [
    {
      name: MetricName.agentStatusChanges,
      value: 1,
      labels: labelsOf(data, ['agentId', 'departmentId', 'status', 'previousStatus']),
    },
  ]),
  rule(Events.departmentChanged, (data) => [
    {
      name: MetricName.departmentChanges,
      value: 1,
      labels: labelsOf(data, ['departmentId', 'slug', 'change']),
    },
  ]),
  rule(Events.agentChanged, (data) => [
    {
      name: MetricName.agentChanges,
      value: 1,
      labels: labelsOf(data, ['agentId', 'departmentId', 'change']),
    },
  ]),
  // State reports are gauges: each sample is the agent's load or spend at that moment.
  rule(Events.agentStateChanged, (data) => [
    {
      name: MetricName.agentLoad,
      value: data.load,
      labels: labelsOf(data, ['agentId', 'departmentId', 'status']),
    },
    {
      name: MetricName.agentBudgetUsed,
      value: data.budgetUsedUsd,
      labels: labelsOf(data, ['agentId', 'departmentId']),
    },
  ]),
  rule(Events.agentMessageSent, (data) => [
    {
      name: MetricName.messagesSent,
      value: 1,
      labels: {
        // crossesCells: whether it left the sender's cell (the collaboration counter).
        ...labelsOf(data, [
          'messageId',
          'topic',
          'fromAgentId',
          'fromDepartmentId',
          'crossesCells',
        ]),
        hops: Array.isArray(data.viaAgentIds) ? data.viaAgentIds.length : 0,
      },
    },
  ]),
  rule(Events.routerSelectionMade, (data) => [
    {
      name: MetricName.routerSelections,
      value: 1,
      labels: labelsOf(data, ['decisionId', 'taskType', 'model']),
    },
  ]),
  // Drift alarms are what alerts watch: the statistic says how far past its threshold it went.
  rule(Events.routerDriftDetected, (data) => [
    {
      name: MetricName.routerDrift,
      value: data.statistic,
      labels: labelsOf(data, ['model', 'taskType', 'metric', 'direction', 'threshold']),
    },
  ]),
  rule(Events.routerModelChanged, (data) => [
    { name: MetricName.routerModelChanges, value: 1, labels: labelsOf(data, ['name', 'change']) },
  ]),
  // Task outcomes (status DONE, FAILED …): the agent task success rate counts these.
  rule(Events.taskUpdated, (data) => [
    {
      name: MetricName.taskUpdates,
      value: 1,
      labels: labelsOf(data, ['taskId', 'departmentId', 'assigneeId', 'status']),
    },
  ]),
  rule(Events.runStepRecorded, (data) => [
    {
      name: MetricName.runSteps,
      value: 1,
      labels: labelsOf(data, ['runId', 'taskId', 'agentId', 'departmentId', 'kind', 'status']),
    },
  ]),
  // The embedded evaluator's own alert changes: how often each rule pages, in the same store.
  rule(Events.alertTransitioned, (data) => [
    {
      name: MetricName.alertTransitions,
      value: 1,
      labels: labelsOf(data, ['alertId', 'rule', 'severity', 'state']),
    },
  ]),
  rule(Events.knowledgeEntryCreated, (data) => [
    {
      name: MetricName.entriesCreated,
      value: 1,
      labels: labelsOf(data, ['entryId', 'departmentSlug']),
    },
  ]),
  rule(Events.knowledgeEntryChanged, (data) => [
    {
      name: MetricName.entryChanges,
      value: 1,
      labels: labelsOf(data, ['entryId', 'departmentSlug', 'departmentId', 'change']),
    },
  ]),
  rule(Events.knowledgeShared, (data) => [
    {
      name: MetricName.shares,
      value: 1,
      labels: labelsOf(data, [
        'shareId',
        'entryId',
        'fromDepartmentSlug',
        'toDepartmentSlug',
        'fromDepartmentId',
        'toDepartmentId',
      ]),
    },
  ]),
];

/** The event contracts the metrics service subscribes to. */
export const recordedEvents: readonly EventContract<unknown>[] = rules.map((r) => r.contract);

/** An event that cannot become a sample (wrong envelope or payload); the consumer drops it. */
export class MalformedEventError extends BadInputError {
  constructor(event: DomainEvent, problem: string) {
    super(`event ${String(event.id)} (${String(event.type)}): ${problem}`, 'MALFORMED_EVENT', {
      eventId: event.id,
      type: event.type,
    });
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The samples one domain event contributes: none for an event type that is not measured,
 * otherwise one per series. Throws MalformedEventError when the envelope or payload is unusable,
 * since events from Redis are only as well-formed as their publisher.
 */
export function samplesFromEvent(event: DomainEvent): MetricSampleDraft[] {
  const match = rules.find((r) => r.contract.is(event));
  if (!match) return [];
  if (event.version !== match.contract.version) {
    throw new MalformedEventError(event, `unsupported version ${String(event.version)}`);
  }
  if (typeof event.id !== 'string' || !uuidPattern.test(event.id)) {
    throw new MalformedEventError(event, 'id is not a UUID');
  }
  const recordedAt = new Date(event.occurredAt);
  if (typeof event.occurredAt !== 'string' || Number.isNaN(recordedAt.getTime())) {
    throw new MalformedEventError(event, 'occurredAt is not a timestamp');
  }
  if (typeof event.data !== 'object' || event.data === null) {
    throw new MalformedEventError(event, 'data is not an object');
  }
  return match.toSamples(event.data as Record<string, unknown>).map((sample) => {
    if (typeof sample.value !== 'number' || !Number.isFinite(sample.value)) {
      throw new MalformedEventError(event, `${sample.name} has no finite value`);
    }
    return { ...sample, eventId: event.id, recordedAt };
  });
}
