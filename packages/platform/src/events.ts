import { randomUUID } from 'node:crypto';

/** The envelope every domain event travels in (ARCHITECTURE §3). */
export interface DomainEvent<T = unknown> {
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly occurredAt: string;
  readonly data: T;
}

/** One typed definition per event type, imported by publishers and consumers alike. */
export interface EventContract<T> {
  readonly type: string;
  readonly version: number;
  create(data: T, now?: Date): DomainEvent<T>;
  is(event: DomainEvent): event is DomainEvent<T>;
}

export function defineEvent<T>(type: string, version = 1): EventContract<T> {
  return {
    type,
    version,
    create: (data, now = new Date()) => ({
      id: randomUUID(),
      type,
      version,
      occurredAt: now.toISOString(),
      data,
    }),
    is: (event): event is DomainEvent<T> => event.type === type,
  };
}

export interface VoteTallyChanged {
  proposalId: string;
  voteId: string;
  agentId: string;
  round: number;
}

export interface ProposalChanged {
  proposalId: string;
  status: string;
  departmentId: string;
}

/** A proposal changed status, or entered a new voting round (OPEN → OPEN). */
export interface ProposalTransitioned {
  proposalId: string;
  /** The stored transition (`Proposal.transitions`), for the subscription's query twin. */
  transitionId: string;
  /** null when the proposal was created. */
  from: string | null;
  to: string;
  /** The round the proposal is in after the transition (0 for drafts). */
  round: number;
  /** The proposing department. */
  departmentId: string;
  /**
   * The proposal's decision-ledger head after this transition (the hash of its entry): kept by
   * subscribers and logs, it anchors the chain outside the decisions database.
   */
  ledgerHead?: string;
}

export interface AgentEvent {
  agentId: string;
  departmentId: string;
}

export interface AgentStatusChanged {
  agentId: string;
  departmentId: string;
  status: string;
  previousStatus: string;
}

export interface DepartmentChanged {
  departmentId: string;
  slug: string;
  change: 'created' | 'renamed' | 'retired';
  version: number;
}

export interface AgentChanged {
  agentId: string;
  departmentId: string;
  change: 'hired' | 'renamed' | 'reassigned' | 'retired';
  /** For `reassigned`: the department the agent left. */
  previousDepartmentId?: string;
  version: number;
}

export interface AgentStateChanged {
  agentId: string;
  departmentId: string;
  status: string;
  currentTask: string | null;
  load: number;
  budgetUsedUsd: number;
}

export interface AgentMessageSent {
  messageId: string;
  topic: string;
  fromAgentId: string;
  /** Every agent the message is delivered to (the addressee, or the topic's audience). */
  recipientAgentIds: string[];
  /** Border Agents the message travelled through, in order (empty within a cell). */
  viaAgentIds: string[];
}

export interface KnowledgeEntryChanged {
  entryId: string;
  departmentSlug: string;
}

/** The router chose a model for a task (`routerSelections` streams these). */
export interface RouterSelectionMade {
  decisionId: string;
  taskType: string;
  model: string;
}

/** A drift detector of the router fired for one (model, task type). */
export interface RouterDriftDetected {
  model: string;
  taskType: string;
  metric: 'quality' | 'latency';
  direction: 'worse' | 'better';
  observations: number;
  statistic: number;
  threshold: number;
}

/** The model registry changed: other replicas reload it. */
export interface RouterModelChanged {
  name: string;
  change: 'registered' | 'updated' | 'enabled' | 'disabled' | 'removed';
}

/** The event catalogue. Adding an event means adding it here, with its payload type. */
export const Events = {
  voteCast: defineEvent<VoteTallyChanged>('decisions.vote.cast'),
  proposalOpened: defineEvent<ProposalChanged>('decisions.proposal.opened'),
  proposalClosed: defineEvent<ProposalChanged>('decisions.proposal.closed'),
  proposalTransitioned: defineEvent<ProposalTransitioned>('decisions.proposal.transitioned'),
  agentsSeeded: defineEvent<{ departments: number; agents: number }>('agents.organization.seeded'),
  agentStatusChanged: defineEvent<AgentStatusChanged>('agents.agent.status_changed'),
  departmentChanged: defineEvent<DepartmentChanged>('agents.department.changed'),
  agentChanged: defineEvent<AgentChanged>('agents.agent.changed'),
  agentStateChanged: defineEvent<AgentStateChanged>('agents.agent.state_changed'),
  agentMessageSent: defineEvent<AgentMessageSent>('agents.message.sent'),
  knowledgeEntryCreated: defineEvent<KnowledgeEntryChanged>('knowledge.entry.created'),
  routerSelectionMade: defineEvent<RouterSelectionMade>('router.selection.made'),
  routerDriftDetected: defineEvent<RouterDriftDetected>('router.drift.detected'),
  routerModelChanged: defineEvent<RouterModelChanged>('router.model.changed'),
} as const;
