/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date and time, represented as an ISO-8601 string */
  DateTime: { input: string; output: string; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** An AI agent with one role in one department */
export type Agent = {
  __typename?: 'Agent';
  /** US dollars the agent has spent so far */
  budgetUsedUsd: Scalars['Float']['output'];
  /** The task the agent is working on, at most 500 characters */
  currentTask?: Maybe<Scalars['String']['output']>;
  department: Department;
  id: Scalars['ID']['output'];
  /** The share of its capacity in use, from 0 to 1 */
  load: Scalars['Float']['output'];
  name: Scalars['String']['output'];
  /** Where to draw the agent: a sunflower around its department */
  position: Point;
  /** When the agent was retired (it then does no work); null while it serves */
  retiredAt?: Maybe<Scalars['DateTimeISO']['output']>;
  role: AgentRole;
  slug: Scalars['String']['output'];
  /** When status, task, load or budget last changed (null: never reported) */
  stateUpdatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** What the agent is doing now (PAUSED once paused) */
  status: AgentStatus;
  /** Changes with every update; pass it back to change the agent */
  version: Scalars['Int']['output'];
};

/** Which agents a list holds; all fields are optional and combine (AND) */
export type AgentFilter = {
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  /** Include retired agents */
  includeRetired?: Scalars['Boolean']['input'];
  role?: InputMaybe<AgentRole>;
  /** Case-insensitive text found in the name or slug (at most 100 characters) */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<AgentStatus>;
};

/** One page of agents, ordered by name (then id) */
export type AgentPage = {
  __typename?: 'AgentPage';
  nodes: Array<Agent>;
  pageInfo: PageInfo;
  /** How many agents match the filter, on all pages */
  totalCount: Scalars['Int']['output'];
};

/** The eight roles of every department */
export type AgentRole =
  | 'BORDER_AGENT'
  | 'CREATIVE_ADVISOR'
  | 'DATA_SCOUT'
  | 'EXECUTION_AGENT'
  | 'GROWTH_ADVISOR'
  | 'RESEARCH_SCOUT'
  | 'STRATEGIC_ADVISOR'
  | 'SYNTHESIZER';

/** One run of a task by its agent: its steps are its trace */
export type AgentRun = {
  __typename?: 'AgentRun';
  agent: Agent;
  costUsd: Scalars['Float']['output'];
  endedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  errorCode?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  startedAt: Scalars['DateTimeISO']['output'];
  status: RunStatus;
  /** Every step, in order: the run’s trace */
  steps: Array<RunStep>;
  task: Task;
  tokens: Scalars['Int']['output'];
};

/** An agent runtime's report: fields left out stay as they are */
export type AgentStateReportInput = {
  /** The task in hand (at most 500 characters); null clears it */
  currentTask?: InputMaybe<Scalars['String']['input']>;
  /** The share of capacity in use, 0 to 1 */
  load?: InputMaybe<Scalars['Float']['input']>;
  /** US dollars spent since the last report: added to budgetUsedUsd */
  spentUsd?: InputMaybe<Scalars['Float']['input']>;
  /** IDLE, WORKING, WAITING_FOR_CONSENSUS or ERROR (pauseAgent pauses) */
  status?: InputMaybe<AgentStatus>;
};

/** What an agent is doing now */
export type AgentStatus =
  | 'ERROR'
  | 'IDLE'
  | 'PAUSED'
  | 'WAITING_FOR_CONSENSUS'
  | 'WORKING';

/** One alert of an alerting rule (observability/prometheus/rules): a label set for which the rule's expression holds or held */
export type Alert = {
  __typename?: 'Alert';
  /** Since when the condition holds (this episode) */
  activeAt: Scalars['DateTimeISO']['output'];
  /** Summary and other annotations */
  annotations: Scalars['JSONObject']['output'];
  /** The state change that started the current firing (the last into FIRING); null when the alert is not firing. Read alone, without the whole history of transitions */
  firingTransitionId?: Maybe<Scalars['ID']['output']>;
  /** Stable for the same rule and labels */
  id: Scalars['ID']['output'];
  /** The alert's labels (with alertname) */
  labels: Scalars['JSONObject']['output'];
  resolvedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The alerting rule, e.g. "ResponseTimeHigh" */
  rule: Scalars['String']['output'];
  severity: AlertSeverity;
  state: AlertState;
  /** Every state change, oldest first */
  transitions: Array<AlertTransition>;
  updatedAt: Scalars['DateTimeISO']['output'];
  /** The expression's value at the last change */
  value: Scalars['Float']['output'];
};

export type AlertSeverity =
  | 'CRITICAL'
  | 'INFO'
  | 'WARNING';

/** PENDING: the condition holds, not yet for long enough; FIRING; RESOLVED */
export type AlertState =
  | 'FIRING'
  | 'PENDING'
  | 'RESOLVED';

/** A change of an alert's state, as the evaluator stored it */
export type AlertTransition = {
  __typename?: 'AlertTransition';
  at: Scalars['DateTimeISO']['output'];
  /** Null when the alert first appeared */
  fromState?: Maybe<AlertState>;
  id: Scalars['ID']['output'];
  toState: AlertState;
  /** The rule expression's value at the change */
  value: Scalars['Float']['output'];
};

/** A state change of an alert, with the alert as it is now */
export type AlertUpdate = {
  __typename?: 'AlertUpdate';
  alert: Alert;
  transition: AlertTransition;
};

/** A person’s decision at a gate */
export type ApprovalDecision =
  | 'APPROVED'
  | 'REJECTED';

/** A task kind or a tool whose runs wait for a person’s approval */
export type ApprovalGate = {
  __typename?: 'ApprovalGate';
  createdAt: Scalars['DateTimeISO']['output'];
  createdBy: Scalars['String']['output'];
  /** The task kind or the tool */
  name: Scalars['String']['output'];
  subject: ApprovalGateSubject;
};

/** What an approval gate holds: tasks of a kind, or calls of a tool */
export type ApprovalGateSubject =
  | 'TASK_KIND'
  | 'TOOL';

/** One audited request: every mutation and every refused request, as the gateway saw it. Variables are never kept (they may hold secrets). */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** The client address */
  clientIp?: Maybe<Scalars['String']['output']>;
  /** The error code, e.g. MAX_DEPTH_EXCEEDED or RATE_LIMITED; null when OK */
  code?: Maybe<Scalars['String']['output']>;
  department?: Maybe<Scalars['String']['output']>;
  /** The document, cut to 4096 characters */
  document?: Maybe<Scalars['String']['output']>;
  /** SHA-256 (hex) of the whole document */
  documentSha256?: Maybe<Scalars['String']['output']>;
  durationMs?: Maybe<Scalars['Int']['output']>;
  /** The HTTP status answered; null over WebSocket */
  httpStatus?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  /** When the gateway received the request */
  occurredAt: Scalars['DateTimeISO']['output'];
  operationName?: Maybe<Scalars['String']['output']>;
  /** Null if it did not parse */
  operationType?: Maybe<AuditOperationType>;
  outcome: AuditOutcome;
  /** The request id (X-Request-Id), if any */
  requestId?: Maybe<Scalars['String']['output']>;
  /** The token's roles */
  roles: Array<Scalars['String']['output']>;
  /** The token's subject; null if none */
  subject?: Maybe<Scalars['String']['output']>;
};

/** One page of the audit log, newest first */
export type AuditLogConnection = {
  __typename?: 'AuditLogConnection';
  nodes: Array<AuditEntry>;
  pageInfo: PageInfo;
};

/** Which audit entries to list; all fields are optional and combine (AND) */
export type AuditLogFilter = {
  code?: InputMaybe<Scalars['String']['input']>;
  operationType?: InputMaybe<AuditOperationType>;
  outcome?: InputMaybe<AuditOutcome>;
  /** From this time on (inclusive) */
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
  subject?: InputMaybe<Scalars['String']['input']>;
  /** Before this time (exclusive) */
  until?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

export type AuditOperationType =
  | 'MUTATION'
  | 'QUERY'
  | 'SUBSCRIPTION';

/** How an audited request ended */
export type AuditOutcome =
  /** A mutation that ran and failed (code: the first error) */
  | 'ERROR'
  /** A mutation that succeeded */
  | 'OK'
  /** Refused: not parsed, not valid, over a limit, or not allowed */
  | 'REFUSED';

/** The global kill switch of the agents’ autonomy */
export type AutonomyControl = {
  __typename?: 'AutonomyControl';
  changedAt: Scalars['DateTimeISO']['output'];
  /** Who changed it last */
  changedBy?: Maybe<Scalars['String']['output']>;
  /** Halted: no run takes another step until resumed */
  halted: Scalars['Boolean']['output'];
  reason?: Maybe<Scalars['String']['output']>;
};

/** A bias finding, with the evidence a person can check */
export type BiasFinding = {
  __typename?: 'BiasFinding';
  agents: Array<Agent>;
  evidence: Scalars['String']['output'];
  kind: BiasKind;
  mitigation: Mitigation;
  /** The round whose close found it */
  round: Scalars['Int']['output'];
  /** For DOWN_WEIGHT: the factor applied */
  weightFactor?: Maybe<Scalars['Float']['output']>;
};

export type BiasKind =
  | 'ALWAYS_APPROVE'
  | 'ALWAYS_REJECT'
  | 'BLOC_VOTING'
  | 'COPIED_RATIONALE'
  | 'HERDING';

/** Boolean filters */
export type BooleanScalarFilters = {
  eq?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CandidateExclusion =
  | 'BELOW_QUALITY'
  | 'CIRCUIT_OPEN'
  | 'CONTEXT_TOO_SMALL'
  | 'DISABLED'
  | 'FEATURE_MISSING'
  | 'OVER_BUDGET'
  | 'RATE_LIMITED'
  | 'TASK_TYPE_NOT_OFFERED';

/** One candidate model's scores in a selection */
export type CandidateScoreView = {
  __typename?: 'CandidateScoreView';
  costScore: Scalars['Float']['output'];
  eligible: Scalars['Boolean']['output'];
  exclusion?: Maybe<CandidateExclusion>;
  expectedCostUsd: Scalars['Float']['output'];
  /** Posterior mean quality for the task type (0–1) */
  expectedQuality: Scalars['Float']['output'];
  healthScore: Scalars['Float']['output'];
  loadScore: Scalars['Float']['output'];
  model: Scalars['String']['output'];
  /** Posterior standard deviation: how little is known */
  qualityStdDev: Scalars['Float']['output'];
  /** The exploration draw the ranking used */
  sampledQuality: Scalars['Float']['output'];
  score: Scalars['Float']['output'];
};

export type CastExecutiveVoteInput = {
  choice: VoteChoice;
  /** 0–1, default 1 */
  confidence?: InputMaybe<Scalars['Float']['input']>;
  proposalId: Scalars['ID']['input'];
  /** Why the executive votes so: required, at most 2,000 characters */
  reason: Scalars['String']['input'];
  /** The round voted in (default: the current one); a closed round is ROUND_CLOSED */
  round?: InputMaybe<Scalars['Int']['input']>;
};

export type CastVoteInput = {
  agentId: Scalars['ID']['input'];
  choice: VoteChoice;
  /** 0–1, default 1 */
  confidence?: InputMaybe<Scalars['Float']['input']>;
  proposalId: Scalars['ID']['input'];
  /** At most 2,000 characters */
  rationale?: InputMaybe<Scalars['String']['input']>;
  /** The round voted in (default: the current one); a closed round is ROUND_CLOSED */
  round?: InputMaybe<Scalars['Int']['input']>;
};

/** OPEN: calls skip the model until a cool-down passes; HALF_OPEN: one probe is let through */
export type CircuitState =
  | 'CLOSED'
  | 'HALF_OPEN'
  | 'OPEN';

/** One hand-off of a message; the hub hop has no agent or department */
export type CommunicationHop = {
  __typename?: 'CommunicationHop';
  agent?: Maybe<Agent>;
  department?: Maybe<Department>;
  kind: HopKind;
};

/** The route of a message: agent by agent, and cell by cell */
export type CommunicationPath = {
  __typename?: 'CommunicationPath';
  /** The cells crossed, in order */
  departments: Array<Department>;
  hops: Array<CommunicationHop>;
  /** Hand-offs between agents (hops − 1) */
  length: Scalars['Int']['output'];
};

export type ConnectionAggregationCountFilterInput = {
  edges?: InputMaybe<IntScalarFilters>;
  nodes?: InputMaybe<IntScalarFilters>;
};

/** The outcome of CMP: weighted support with its interval, and the decision */
export type ConsensusResult = {
  __typename?: 'ConsensusResult';
  decision: ProposalStatus;
  /** 95% interval of support: σ(L ± 1.96·sd), L the log-odds of support and sd from the uncertainty of the voters’ estimated accuracies */
  interval: Interval;
  /** support − threshold */
  margin: Scalars['Float']['output'];
  /** Share of stakeholder weight that voted */
  participation: Scalars['Float']['output'];
  roundsUsed: Scalars['Int']['output'];
  /** Posterior probability that approving is right, from the ballots weighted by each voter’s evidence (relevance × log-odds of its track record) × confidence */
  support: Scalars['Float']['output'];
};

export type Count = {
  __typename?: 'Count';
  nodes: Scalars['Int']['output'];
};

export type CountConnection = {
  __typename?: 'CountConnection';
  edges: Scalars['Int']['output'];
  nodes: Scalars['Int']['output'];
};

/** A new department; it takes the next free cell of the honeycomb */
export type CreateDepartmentInput = {
  /** 1–100 characters (trimmed) */
  name: Scalars['String']['input'];
  /** Lowercase words of letters and digits joined by hyphens, ≤ 63; never changes */
  slug: Scalars['String']['input'];
};

/** Information about the number of nodes and relationships created during a create mutation */
export type CreateInfo = {
  __typename?: 'CreateInfo';
  nodesCreated: Scalars['Int']['output'];
  relationshipsCreated: Scalars['Int']['output'];
};

export type CreateKnowledgeEntriesMutationResponse = {
  __typename?: 'CreateKnowledgeEntriesMutationResponse';
  info: CreateInfo;
  knowledgeEntries: Array<KnowledgeEntry>;
};

/** A new proposal; unset features are 0.5 (they neither raise nor lower) */
export type CreateProposalInput = {
  /** Further departments the decision affects; their agents may vote too */
  affectedDepartmentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Must be in the future; undecided past it, the proposal expires */
  deadline?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** The proposing department (the agents subgraph's id) */
  departmentId: Scalars['ID']['input'];
  /** At most 10,000 characters */
  description?: InputMaybe<Scalars['String']['input']>;
  /** A key the creator chooses so that a create sent again makes no second proposal (1–200 characters, unique per creator): the same input again returns the first proposal, whatever its status now; different input under the key is CONFLICT (IDEMPOTENCY_KEY_REPEATED) naming the first proposal */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Default STRATEGIC */
  kind?: InputMaybe<ProposalKind>;
  /** 1–10, default 3 */
  maxRounds?: InputMaybe<Scalars['Int']['input']>;
  /** The agent asking for the decision (people only; an agent asks as itself) */
  requesterAgentId?: InputMaybe<Scalars['ID']['input']>;
  /** 0–1 */
  risk?: InputMaybe<Scalars['Float']['input']>;
  /** Seconds each round waits for votes (1 to a week); the service's default if unset */
  roundSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** 0–1 */
  stakeholderImpact?: InputMaybe<Scalars['Float']['input']>;
  /** 1–200 characters */
  title: Scalars['String']['input'];
  /** 0–1 */
  urgency?: InputMaybe<Scalars['Float']['input']>;
};

/** A task for the agents; assigned by capability unless assigneeId says */
export type CreateTaskInput = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  budgetUsd?: Scalars['Float']['input'];
  complexity?: Scalars['Float']['input'];
  deadline?: InputMaybe<Scalars['DateTimeISO']['input']>;
  departmentId: Scalars['ID']['input'];
  description?: Scalars['String']['input'];
  /** A slug naming the kind of work; a gated kind waits for approval */
  kind?: Scalars['String']['input'];
  /** The task this one follows up */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  priority?: Scalars['Int']['input'];
  requiredCapabilities?: Array<Scalars['String']['input']>;
  title: Scalars['String']['input'];
};

export type CreateTopicsMutationResponse = {
  __typename?: 'CreateTopicsMutationResponse';
  info: CreateInfo;
  topics: Array<Topic>;
};

export type DateTimeAggregateSelection = {
  __typename?: 'DateTimeAggregateSelection';
  max?: Maybe<Scalars['DateTime']['output']>;
  min?: Maybe<Scalars['DateTime']['output']>;
};

/** Filters for an aggregation of an DateTime input field */
export type DateTimeScalarAggregationFilters = {
  max?: InputMaybe<DateTimeScalarFilters>;
  min?: InputMaybe<DateTimeScalarFilters>;
};

/** DateTime filters */
export type DateTimeScalarFilters = {
  eq?: InputMaybe<Scalars['DateTime']['input']>;
  gt?: InputMaybe<Scalars['DateTime']['input']>;
  gte?: InputMaybe<Scalars['DateTime']['input']>;
  in?: InputMaybe<Array<Scalars['DateTime']['input']>>;
  lt?: InputMaybe<Scalars['DateTime']['input']>;
  lte?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A decision on a run waiting at an approval gate */
export type DecideStepInput = {
  /** Why: kept on the step with who decided and when */
  reason: Scalars['String']['input'];
  runId: Scalars['ID']['input'];
  /** The waiting step’s id (RunStep.id) */
  stepId: Scalars['ID']['input'];
};

/** Information about the number of nodes and relationships deleted during a delete mutation */
export type DeleteInfo = {
  __typename?: 'DeleteInfo';
  nodesDeleted: Scalars['Int']['output'];
  relationshipsDeleted: Scalars['Int']['output'];
};

/** How a message concerns an agent */
export type DeliveryKind =
  | 'RECEIVED'
  | 'RELAYED'
  | 'SENT';

/** A department: one hexagonal cell of the honeycomb */
export type Department = {
  __typename?: 'Department';
  /** The department's current agents, by name */
  agents: Array<Agent>;
  /** The cell in the honeycomb (never moves) */
  hex: HexCoordinate;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Departments whose cells share an edge with this one */
  neighbors: Array<Department>;
  /** Where to draw the department */
  position: SunflowerPosition;
  /** When the department was retired (its cell stays empty); null while it serves */
  retiredAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Stable, URL-safe identifier, e.g. "customer-success" */
  slug: Scalars['String']['output'];
  /** Changes with every update; pass it back to rename or retire the department */
  version: Scalars['Int']['output'];
};

/** One page of departments, in honeycomb order */
export type DepartmentPage = {
  __typename?: 'DepartmentPage';
  nodes: Array<Department>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** An executive who voted on the proposal, and what their vote weighs */
export type ExecutiveVoter = {
  __typename?: 'ExecutiveVoter';
  /** The executive (their subject) */
  executive: Scalars['String']['output'];
  /** The evidence one full-confidence vote of theirs carries (log-odds of their estimated accuracy) */
  logOdds: Scalars['Float']['output'];
  /** Their estimated accuracy and the record it rests on */
  why: Scalars['String']['output'];
};

export type FloatAggregateSelection = {
  __typename?: 'FloatAggregateSelection';
  average?: Maybe<Scalars['Float']['output']>;
  max?: Maybe<Scalars['Float']['output']>;
  min?: Maybe<Scalars['Float']['output']>;
  sum?: Maybe<Scalars['Float']['output']>;
};

/** Filters for an aggregation of a float field */
export type FloatScalarAggregationFilters = {
  average?: InputMaybe<FloatScalarFilters>;
  max?: InputMaybe<FloatScalarFilters>;
  min?: InputMaybe<FloatScalarFilters>;
  sum?: InputMaybe<FloatScalarFilters>;
};

/** Float filters */
export type FloatScalarFilters = {
  eq?: InputMaybe<Scalars['Float']['input']>;
  gt?: InputMaybe<Scalars['Float']['input']>;
  gte?: InputMaybe<Scalars['Float']['input']>;
  in?: InputMaybe<Array<Scalars['Float']['input']>>;
  lt?: InputMaybe<Scalars['Float']['input']>;
  lte?: InputMaybe<Scalars['Float']['input']>;
};

/** The input for filtering a float */
export type FloatWhere = {
  max?: InputMaybe<Scalars['Float']['input']>;
  min?: InputMaybe<Scalars['Float']['input']>;
};

/** HOLT_WINTERS (additive, daily season) when two days of history exist, else HOLT (linear trend) */
export type ForecastMethod =
  | 'HOLT'
  | 'HOLT_WINTERS';

/** One forecast point with its prediction interval */
export type ForecastPoint = {
  __typename?: 'ForecastPoint';
  at: Scalars['DateTimeISO']['output'];
  /** Lower bound of the 95% prediction interval */
  lower: Scalars['Float']['output'];
  /** Upper bound of the 95% prediction interval */
  upper: Scalars['Float']['output'];
  value: Scalars['Float']['output'];
};

/** Axial hex coordinates; the hub holds (0, 0) */
export type HexCoordinate = {
  __typename?: 'HexCoordinate';
  q: Scalars['Int']['output'];
  r: Scalars['Int']['output'];
};

/** A new agent; it takes the next free seat of its department */
export type HireAgentInput = {
  departmentId: Scalars['ID']['input'];
  /** 1–100 characters (trimmed) */
  name: Scalars['String']['input'];
  role: AgentRole;
  /** As a department slug; derived from the name (made unique) when omitted */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** The part one hop plays in a route */
export type HopKind =
  | 'BORDER'
  | 'HUB'
  | 'RECIPIENT'
  | 'SENDER';

/** The Daena VP hub at the centre of the honeycomb */
export type Hub = {
  __typename?: 'Hub';
  hex: HexCoordinate;
  name: Scalars['String']['output'];
  position: Point;
};

/** ID list filters */
export type IdListFilters = {
  eq?: InputMaybe<Array<Scalars['ID']['input']>>;
  includes?: InputMaybe<Scalars['ID']['input']>;
};

/** ID filters */
export type IdScalarFilters = {
  contains?: InputMaybe<Scalars['ID']['input']>;
  endsWith?: InputMaybe<Scalars['ID']['input']>;
  eq?: InputMaybe<Scalars['ID']['input']>;
  in?: InputMaybe<Array<Scalars['ID']['input']>>;
  startsWith?: InputMaybe<Scalars['ID']['input']>;
};

/** ID mutations */
export type IdScalarMutations = {
  set?: InputMaybe<Scalars['ID']['input']>;
};

export type IntAggregateSelection = {
  __typename?: 'IntAggregateSelection';
  average?: Maybe<Scalars['Float']['output']>;
  max?: Maybe<Scalars['Int']['output']>;
  min?: Maybe<Scalars['Int']['output']>;
  sum?: Maybe<Scalars['Int']['output']>;
};

/** Filters for an aggregation of an int field */
export type IntScalarAggregationFilters = {
  average?: InputMaybe<FloatScalarFilters>;
  max?: InputMaybe<IntScalarFilters>;
  min?: InputMaybe<IntScalarFilters>;
  sum?: InputMaybe<IntScalarFilters>;
};

/** Int filters */
export type IntScalarFilters = {
  eq?: InputMaybe<Scalars['Int']['input']>;
  gt?: InputMaybe<Scalars['Int']['input']>;
  gte?: InputMaybe<Scalars['Int']['input']>;
  in?: InputMaybe<Array<Scalars['Int']['input']>>;
  lt?: InputMaybe<Scalars['Int']['input']>;
  lte?: InputMaybe<Scalars['Int']['input']>;
};

/** A 95% interval */
export type Interval = {
  __typename?: 'Interval';
  high: Scalars['Float']['output'];
  low: Scalars['Float']['output'];
};

/** Who may read a knowledge entry. Admins read every entry. */
export type KnowledgeAccessLevel =
  /** The owning department only. */
  | 'CONFIDENTIAL'
  /** The entry's owner only. */
  | 'PERSONAL'
  /** Everyone, anonymous callers included. */
  | 'PUBLIC'
  /** The owning department and the departments in sharedWithDepartments. */
  | 'RESTRICTED';

/** KnowledgeAccessLevel filters */
export type KnowledgeAccessLevelEnumScalarFilters = {
  eq?: InputMaybe<KnowledgeAccessLevel>;
  in?: InputMaybe<Array<KnowledgeAccessLevel>>;
};

/** KnowledgeAccessLevel mutations */
export type KnowledgeAccessLevelEnumScalarMutations = {
  set?: InputMaybe<KnowledgeAccessLevel>;
};

/**
 * One change to an entry of a department, as `knowledgeUpdates` delivers it. It carries the
 * entry's access properties as they were, so it is visible exactly to those who could read the
 * entry (a REVOKED copy's change, to the department that had it).
 */
export type KnowledgeChange = {
  __typename?: 'KnowledgeChange';
  accessLevel: KnowledgeAccessLevel;
  at: Scalars['DateTime']['output'];
  change: KnowledgeChangeKind;
  departmentSlug: Scalars['String']['output'];
  /** The entry as it is now: empty once it is gone, or for a caller who may no longer read it. */
  entry: Array<KnowledgeEntry>;
  entryConnection: KnowledgeChangeEntryConnection;
  entryId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  ownerId: Scalars['String']['output'];
  sharedWithDepartments: Array<Scalars['String']['output']>;
};


/**
 * One change to an entry of a department, as `knowledgeUpdates` delivers it. It carries the
 * entry's access properties as they were, so it is visible exactly to those who could read the
 * entry (a REVOKED copy's change, to the department that had it).
 */
export type KnowledgeChangeEntryArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeEntrySort>>;
  where?: InputMaybe<KnowledgeEntryWhere>;
};


/**
 * One change to an entry of a department, as `knowledgeUpdates` delivers it. It carries the
 * entry's access properties as they were, so it is visible exactly to those who could read the
 * entry (a REVOKED copy's change, to the department that had it).
 */
export type KnowledgeChangeEntryConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeChangeEntryConnectionSort>>;
  where?: InputMaybe<KnowledgeChangeEntryConnectionWhere>;
};

export type KnowledgeChangeAggregate = {
  __typename?: 'KnowledgeChangeAggregate';
  count: Count;
  node: KnowledgeChangeAggregateNode;
};

export type KnowledgeChangeAggregateNode = {
  __typename?: 'KnowledgeChangeAggregateNode';
  at: DateTimeAggregateSelection;
  departmentSlug: StringAggregateSelection;
  ownerId: StringAggregateSelection;
};

export type KnowledgeChangeEdge = {
  __typename?: 'KnowledgeChangeEdge';
  cursor: Scalars['String']['output'];
  node: KnowledgeChange;
};

export type KnowledgeChangeEntryConnection = {
  __typename?: 'KnowledgeChangeEntryConnection';
  aggregate: KnowledgeChangeKnowledgeEntryEntryAggregateSelection;
  edges: Array<KnowledgeChangeEntryRelationship>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type KnowledgeChangeEntryConnectionAggregateInput = {
  AND?: InputMaybe<Array<KnowledgeChangeEntryConnectionAggregateInput>>;
  NOT?: InputMaybe<KnowledgeChangeEntryConnectionAggregateInput>;
  OR?: InputMaybe<Array<KnowledgeChangeEntryConnectionAggregateInput>>;
  count?: InputMaybe<ConnectionAggregationCountFilterInput>;
  node?: InputMaybe<KnowledgeChangeEntryNodeAggregationWhereInput>;
};

export type KnowledgeChangeEntryConnectionFilters = {
  /** Filter KnowledgeChanges by aggregating results on related KnowledgeChangeEntryConnections */
  aggregate?: InputMaybe<KnowledgeChangeEntryConnectionAggregateInput>;
  /** Return KnowledgeChanges where all of the related KnowledgeChangeEntryConnections match this filter */
  all?: InputMaybe<KnowledgeChangeEntryConnectionWhere>;
  /** Return KnowledgeChanges where none of the related KnowledgeChangeEntryConnections match this filter */
  none?: InputMaybe<KnowledgeChangeEntryConnectionWhere>;
  /** Return KnowledgeChanges where one of the related KnowledgeChangeEntryConnections match this filter */
  single?: InputMaybe<KnowledgeChangeEntryConnectionWhere>;
  /** Return KnowledgeChanges where some of the related KnowledgeChangeEntryConnections match this filter */
  some?: InputMaybe<KnowledgeChangeEntryConnectionWhere>;
};

export type KnowledgeChangeEntryConnectionSort = {
  node?: InputMaybe<KnowledgeEntrySort>;
};

export type KnowledgeChangeEntryConnectionWhere = {
  AND?: InputMaybe<Array<KnowledgeChangeEntryConnectionWhere>>;
  NOT?: InputMaybe<KnowledgeChangeEntryConnectionWhere>;
  OR?: InputMaybe<Array<KnowledgeChangeEntryConnectionWhere>>;
  node?: InputMaybe<KnowledgeEntryWhere>;
};

export type KnowledgeChangeEntryNodeAggregationWhereInput = {
  AND?: InputMaybe<Array<KnowledgeChangeEntryNodeAggregationWhereInput>>;
  NOT?: InputMaybe<KnowledgeChangeEntryNodeAggregationWhereInput>;
  OR?: InputMaybe<Array<KnowledgeChangeEntryNodeAggregationWhereInput>>;
  accessOverrideReason?: InputMaybe<StringScalarAggregationFilters>;
  body?: InputMaybe<StringScalarAggregationFilters>;
  createdAt?: InputMaybe<DateTimeScalarAggregationFilters>;
  departmentSlug?: InputMaybe<StringScalarAggregationFilters>;
  ownerId?: InputMaybe<StringScalarAggregationFilters>;
  source?: InputMaybe<StringScalarAggregationFilters>;
  title?: InputMaybe<StringScalarAggregationFilters>;
  updatedAt?: InputMaybe<DateTimeScalarAggregationFilters>;
  version?: InputMaybe<IntScalarAggregationFilters>;
};

export type KnowledgeChangeEntryRelationship = {
  __typename?: 'KnowledgeChangeEntryRelationship';
  cursor: Scalars['String']['output'];
  node: KnowledgeEntry;
};

/** What happened to an entry. */
export type KnowledgeChangeKind =
  | 'CREATED'
  /** A shared copy was withdrawn and is gone. */
  | 'REVOKED'
  /** A redacted copy arrived from another department. */
  | 'SHARED'
  | 'UPDATED';

/** KnowledgeChangeKind filters */
export type KnowledgeChangeKindEnumScalarFilters = {
  eq?: InputMaybe<KnowledgeChangeKind>;
  in?: InputMaybe<Array<KnowledgeChangeKind>>;
};

export type KnowledgeChangeKnowledgeEntryEntryAggregateSelection = {
  __typename?: 'KnowledgeChangeKnowledgeEntryEntryAggregateSelection';
  count: CountConnection;
  node?: Maybe<KnowledgeChangeKnowledgeEntryEntryNodeAggregateSelection>;
};

export type KnowledgeChangeKnowledgeEntryEntryNodeAggregateSelection = {
  __typename?: 'KnowledgeChangeKnowledgeEntryEntryNodeAggregateSelection';
  accessOverrideReason: StringAggregateSelection;
  body: StringAggregateSelection;
  createdAt: DateTimeAggregateSelection;
  departmentSlug: StringAggregateSelection;
  ownerId: StringAggregateSelection;
  source: StringAggregateSelection;
  title: StringAggregateSelection;
  updatedAt: DateTimeAggregateSelection;
  version: IntAggregateSelection;
};

/** Fields to sort KnowledgeChanges by. The order in which sorts are applied is not guaranteed when specifying many fields in one KnowledgeChangeSort object. */
export type KnowledgeChangeSort = {
  accessLevel?: InputMaybe<SortDirection>;
  at?: InputMaybe<SortDirection>;
  change?: InputMaybe<SortDirection>;
  departmentSlug?: InputMaybe<SortDirection>;
  entryId?: InputMaybe<SortDirection>;
  id?: InputMaybe<SortDirection>;
  ownerId?: InputMaybe<SortDirection>;
};

export type KnowledgeChangeWhere = {
  AND?: InputMaybe<Array<KnowledgeChangeWhere>>;
  NOT?: InputMaybe<KnowledgeChangeWhere>;
  OR?: InputMaybe<Array<KnowledgeChangeWhere>>;
  accessLevel?: InputMaybe<KnowledgeAccessLevelEnumScalarFilters>;
  at?: InputMaybe<DateTimeScalarFilters>;
  change?: InputMaybe<KnowledgeChangeKindEnumScalarFilters>;
  departmentSlug?: InputMaybe<StringScalarFilters>;
  entry?: InputMaybe<KnowledgeEntryRelationshipFilters>;
  entryConnection?: InputMaybe<KnowledgeChangeEntryConnectionFilters>;
  entryId?: InputMaybe<IdScalarFilters>;
  id?: InputMaybe<IdScalarFilters>;
  ownerId?: InputMaybe<StringScalarFilters>;
  sharedWithDepartments?: InputMaybe<StringListFilters>;
};

export type KnowledgeChangesConnection = {
  __typename?: 'KnowledgeChangesConnection';
  aggregate: KnowledgeChangeAggregate;
  edges: Array<KnowledgeChangeEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type KnowledgeEntriesConnection = {
  __typename?: 'KnowledgeEntriesConnection';
  aggregate: KnowledgeEntryAggregate;
  edges: Array<KnowledgeEntryEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type KnowledgeEntriesIndexConnection = {
  __typename?: 'KnowledgeEntriesIndexConnection';
  edges: Array<KnowledgeEntryIndexEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/**
 * A piece of knowledge owned by one department; its latest version. Lists hold at most 200
 * entries per page.
 */
export type KnowledgeEntry = {
  __typename?: 'KnowledgeEntry';
  /** Less strict than suggestedAccessLevel only with an accessOverrideReason. */
  accessLevel: KnowledgeAccessLevel;
  /** Why the author chose a less strict level than suggested (required then). */
  accessOverrideReason?: Maybe<Scalars['String']['output']>;
  /** That agent, resolved by the agents subgraph (null when no agent wrote it). */
  authorAgent?: Maybe<Agent>;
  /** The agent that wrote the entry, when an agent did. */
  authorAgentId?: Maybe<Scalars['ID']['output']>;
  /** At most 20,000 characters. */
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** That department, resolved by the agents subgraph (null for a slug it does not know). */
  department?: Maybe<Department>;
  /** The slug of the department that owns the entry. */
  departmentSlug: Scalars['String']['output'];
  /** The entry this one is a copy of (a shared, redacted copy). */
  derivedFrom: Array<KnowledgeEntry>;
  derivedFromConnection: KnowledgeEntryDerivedFromConnection;
  /** Earlier versions, newest first. */
  history: Array<KnowledgeVersion>;
  id: Scalars['ID']['output'];
  /** Never null once written: classified from the content when the author leaves it out. */
  kind?: Maybe<KnowledgeKind>;
  /** The token subject of the entry's creator. */
  ownerId: Scalars['String']['output'];
  /** Kinds of personal data found in the content (EMAIL, PHONE, IBAN, PAYMENT_CARD, SALARY). */
  personalData: Array<Scalars['String']['output']>;
  /** Entries found related on write (both directions), with strength and reason. */
  related: Array<KnowledgeEntry>;
  relatedConnection: KnowledgeEntryRelatedConnection;
  /** Department slugs that may read a RESTRICTED entry besides its own department. */
  sharedWithDepartments: Array<Scalars['String']['output']>;
  /** Where the knowledge comes from (a URL, a document, a meeting); at most 500 characters. */
  source?: Maybe<Scalars['String']['output']>;
  /** The access level the content calls for (personal data pushes it up). */
  suggestedAccessLevel: KnowledgeAccessLevel;
  /** At most 20 tags of 1 to 64 characters. */
  tags?: Maybe<Array<Scalars['String']['output']>>;
  /** 1 to 200 characters. */
  title: Scalars['String']['output'];
  /** What the entry is about. */
  topics: Array<Topic>;
  topicsConnection: KnowledgeEntryTopicsConnection;
  updatedAt: Scalars['DateTime']['output'];
  /** 1 on create, one more with each update (the previous versions are in history). */
  version: Scalars['Int']['output'];
};


/**
 * A piece of knowledge owned by one department; its latest version. Lists hold at most 200
 * entries per page.
 */
export type KnowledgeEntryDerivedFromArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeEntrySort>>;
  where?: InputMaybe<KnowledgeEntryWhere>;
};


/**
 * A piece of knowledge owned by one department; its latest version. Lists hold at most 200
 * entries per page.
 */
export type KnowledgeEntryDerivedFromConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeEntryDerivedFromConnectionSort>>;
  where?: InputMaybe<KnowledgeEntryDerivedFromConnectionWhere>;
};


/**
 * A piece of knowledge owned by one department; its latest version. Lists hold at most 200
 * entries per page.
 */
export type KnowledgeEntryRelatedArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeEntrySort>>;
  where?: InputMaybe<KnowledgeEntryWhere>;
};


/**
 * A piece of knowledge owned by one department; its latest version. Lists hold at most 200
 * entries per page.
 */
export type KnowledgeEntryRelatedConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeEntryRelatedConnectionSort>>;
  where?: InputMaybe<KnowledgeEntryRelatedConnectionWhere>;
};


/**
 * A piece of knowledge owned by one department; its latest version. Lists hold at most 200
 * entries per page.
 */
export type KnowledgeEntryTopicsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<TopicSort>>;
  where?: InputMaybe<TopicWhere>;
};


/**
 * A piece of knowledge owned by one department; its latest version. Lists hold at most 200
 * entries per page.
 */
export type KnowledgeEntryTopicsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeEntryTopicsConnectionSort>>;
  where?: InputMaybe<KnowledgeEntryTopicsConnectionWhere>;
};

export type KnowledgeEntryAggregate = {
  __typename?: 'KnowledgeEntryAggregate';
  count: Count;
  node: KnowledgeEntryAggregateNode;
};

export type KnowledgeEntryAggregateNode = {
  __typename?: 'KnowledgeEntryAggregateNode';
  accessOverrideReason: StringAggregateSelection;
  body: StringAggregateSelection;
  createdAt: DateTimeAggregateSelection;
  departmentSlug: StringAggregateSelection;
  ownerId: StringAggregateSelection;
  source: StringAggregateSelection;
  title: StringAggregateSelection;
  updatedAt: DateTimeAggregateSelection;
  version: IntAggregateSelection;
};

export type KnowledgeEntryConnectInput = {
  topics?: InputMaybe<Array<KnowledgeEntryTopicsConnectFieldInput>>;
};

export type KnowledgeEntryConnectWhere = {
  node: KnowledgeEntryWhere;
};

export type KnowledgeEntryCreateInput = {
  accessLevel: KnowledgeAccessLevel;
  accessOverrideReason?: InputMaybe<Scalars['String']['input']>;
  authorAgentId?: InputMaybe<Scalars['ID']['input']>;
  body: Scalars['String']['input'];
  departmentSlug: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<KnowledgeKind>;
  sharedWithDepartments: Array<Scalars['String']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  title: Scalars['String']['input'];
  topics?: InputMaybe<KnowledgeEntryTopicsFieldInput>;
};

export type KnowledgeEntryDerivedFromConnection = {
  __typename?: 'KnowledgeEntryDerivedFromConnection';
  aggregate: KnowledgeEntryKnowledgeEntryDerivedFromAggregateSelection;
  edges: Array<KnowledgeEntryDerivedFromRelationship>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type KnowledgeEntryDerivedFromConnectionAggregateInput = {
  AND?: InputMaybe<Array<KnowledgeEntryDerivedFromConnectionAggregateInput>>;
  NOT?: InputMaybe<KnowledgeEntryDerivedFromConnectionAggregateInput>;
  OR?: InputMaybe<Array<KnowledgeEntryDerivedFromConnectionAggregateInput>>;
  count?: InputMaybe<ConnectionAggregationCountFilterInput>;
  node?: InputMaybe<KnowledgeEntryDerivedFromNodeAggregationWhereInput>;
};

export type KnowledgeEntryDerivedFromConnectionFilters = {
  /** Filter KnowledgeEntries by aggregating results on related KnowledgeEntryDerivedFromConnections */
  aggregate?: InputMaybe<KnowledgeEntryDerivedFromConnectionAggregateInput>;
  /** Return KnowledgeEntries where all of the related KnowledgeEntryDerivedFromConnections match this filter */
  all?: InputMaybe<KnowledgeEntryDerivedFromConnectionWhere>;
  /** Return KnowledgeEntries where none of the related KnowledgeEntryDerivedFromConnections match this filter */
  none?: InputMaybe<KnowledgeEntryDerivedFromConnectionWhere>;
  /** Return KnowledgeEntries where one of the related KnowledgeEntryDerivedFromConnections match this filter */
  single?: InputMaybe<KnowledgeEntryDerivedFromConnectionWhere>;
  /** Return KnowledgeEntries where some of the related KnowledgeEntryDerivedFromConnections match this filter */
  some?: InputMaybe<KnowledgeEntryDerivedFromConnectionWhere>;
};

export type KnowledgeEntryDerivedFromConnectionSort = {
  node?: InputMaybe<KnowledgeEntrySort>;
};

export type KnowledgeEntryDerivedFromConnectionWhere = {
  AND?: InputMaybe<Array<KnowledgeEntryDerivedFromConnectionWhere>>;
  NOT?: InputMaybe<KnowledgeEntryDerivedFromConnectionWhere>;
  OR?: InputMaybe<Array<KnowledgeEntryDerivedFromConnectionWhere>>;
  node?: InputMaybe<KnowledgeEntryWhere>;
};

export type KnowledgeEntryDerivedFromNodeAggregationWhereInput = {
  AND?: InputMaybe<Array<KnowledgeEntryDerivedFromNodeAggregationWhereInput>>;
  NOT?: InputMaybe<KnowledgeEntryDerivedFromNodeAggregationWhereInput>;
  OR?: InputMaybe<Array<KnowledgeEntryDerivedFromNodeAggregationWhereInput>>;
  accessOverrideReason?: InputMaybe<StringScalarAggregationFilters>;
  body?: InputMaybe<StringScalarAggregationFilters>;
  createdAt?: InputMaybe<DateTimeScalarAggregationFilters>;
  departmentSlug?: InputMaybe<StringScalarAggregationFilters>;
  ownerId?: InputMaybe<StringScalarAggregationFilters>;
  source?: InputMaybe<StringScalarAggregationFilters>;
  title?: InputMaybe<StringScalarAggregationFilters>;
  updatedAt?: InputMaybe<DateTimeScalarAggregationFilters>;
  version?: InputMaybe<IntScalarAggregationFilters>;
};

export type KnowledgeEntryDerivedFromRelationship = {
  __typename?: 'KnowledgeEntryDerivedFromRelationship';
  cursor: Scalars['String']['output'];
  node: KnowledgeEntry;
};

export type KnowledgeEntryDisconnectInput = {
  topics?: InputMaybe<Array<KnowledgeEntryTopicsDisconnectFieldInput>>;
};

export type KnowledgeEntryEdge = {
  __typename?: 'KnowledgeEntryEdge';
  cursor: Scalars['String']['output'];
  node: KnowledgeEntry;
};

export type KnowledgeEntryIndexEdge = {
  __typename?: 'KnowledgeEntryIndexEdge';
  cursor: Scalars['String']['output'];
  node: KnowledgeEntry;
  score: Scalars['Float']['output'];
};

/** The input for sorting a Fulltext query on an index of KnowledgeEntry */
export type KnowledgeEntryIndexSort = {
  node?: InputMaybe<KnowledgeEntrySort>;
  score?: InputMaybe<SortDirection>;
};

/** The input for filtering a full-text query on an index of KnowledgeEntry */
export type KnowledgeEntryIndexWhere = {
  node?: InputMaybe<KnowledgeEntryWhere>;
  score?: InputMaybe<FloatWhere>;
};

export type KnowledgeEntryKnowledgeEntryDerivedFromAggregateSelection = {
  __typename?: 'KnowledgeEntryKnowledgeEntryDerivedFromAggregateSelection';
  count: CountConnection;
  node?: Maybe<KnowledgeEntryKnowledgeEntryDerivedFromNodeAggregateSelection>;
};

export type KnowledgeEntryKnowledgeEntryDerivedFromNodeAggregateSelection = {
  __typename?: 'KnowledgeEntryKnowledgeEntryDerivedFromNodeAggregateSelection';
  accessOverrideReason: StringAggregateSelection;
  body: StringAggregateSelection;
  createdAt: DateTimeAggregateSelection;
  departmentSlug: StringAggregateSelection;
  ownerId: StringAggregateSelection;
  source: StringAggregateSelection;
  title: StringAggregateSelection;
  updatedAt: DateTimeAggregateSelection;
  version: IntAggregateSelection;
};

export type KnowledgeEntryKnowledgeEntryRelatedAggregateSelection = {
  __typename?: 'KnowledgeEntryKnowledgeEntryRelatedAggregateSelection';
  count: CountConnection;
  edge?: Maybe<KnowledgeEntryKnowledgeEntryRelatedEdgeAggregateSelection>;
  node?: Maybe<KnowledgeEntryKnowledgeEntryRelatedNodeAggregateSelection>;
};

export type KnowledgeEntryKnowledgeEntryRelatedEdgeAggregateSelection = {
  __typename?: 'KnowledgeEntryKnowledgeEntryRelatedEdgeAggregateSelection';
  reason: StringAggregateSelection;
  strength: FloatAggregateSelection;
};

export type KnowledgeEntryKnowledgeEntryRelatedNodeAggregateSelection = {
  __typename?: 'KnowledgeEntryKnowledgeEntryRelatedNodeAggregateSelection';
  accessOverrideReason: StringAggregateSelection;
  body: StringAggregateSelection;
  createdAt: DateTimeAggregateSelection;
  departmentSlug: StringAggregateSelection;
  ownerId: StringAggregateSelection;
  source: StringAggregateSelection;
  title: StringAggregateSelection;
  updatedAt: DateTimeAggregateSelection;
  version: IntAggregateSelection;
};

export type KnowledgeEntryRelatedConnection = {
  __typename?: 'KnowledgeEntryRelatedConnection';
  aggregate: KnowledgeEntryKnowledgeEntryRelatedAggregateSelection;
  edges: Array<KnowledgeEntryRelatedRelationship>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type KnowledgeEntryRelatedConnectionAggregateInput = {
  AND?: InputMaybe<Array<KnowledgeEntryRelatedConnectionAggregateInput>>;
  NOT?: InputMaybe<KnowledgeEntryRelatedConnectionAggregateInput>;
  OR?: InputMaybe<Array<KnowledgeEntryRelatedConnectionAggregateInput>>;
  count?: InputMaybe<ConnectionAggregationCountFilterInput>;
  edge?: InputMaybe<RelatedToAggregationWhereInput>;
  node?: InputMaybe<KnowledgeEntryRelatedNodeAggregationWhereInput>;
};

export type KnowledgeEntryRelatedConnectionFilters = {
  /** Filter KnowledgeEntries by aggregating results on related KnowledgeEntryRelatedConnections */
  aggregate?: InputMaybe<KnowledgeEntryRelatedConnectionAggregateInput>;
  /** Return KnowledgeEntries where all of the related KnowledgeEntryRelatedConnections match this filter */
  all?: InputMaybe<KnowledgeEntryRelatedConnectionWhere>;
  /** Return KnowledgeEntries where none of the related KnowledgeEntryRelatedConnections match this filter */
  none?: InputMaybe<KnowledgeEntryRelatedConnectionWhere>;
  /** Return KnowledgeEntries where one of the related KnowledgeEntryRelatedConnections match this filter */
  single?: InputMaybe<KnowledgeEntryRelatedConnectionWhere>;
  /** Return KnowledgeEntries where some of the related KnowledgeEntryRelatedConnections match this filter */
  some?: InputMaybe<KnowledgeEntryRelatedConnectionWhere>;
};

export type KnowledgeEntryRelatedConnectionSort = {
  edge?: InputMaybe<RelatedToSort>;
  node?: InputMaybe<KnowledgeEntrySort>;
};

export type KnowledgeEntryRelatedConnectionWhere = {
  AND?: InputMaybe<Array<KnowledgeEntryRelatedConnectionWhere>>;
  NOT?: InputMaybe<KnowledgeEntryRelatedConnectionWhere>;
  OR?: InputMaybe<Array<KnowledgeEntryRelatedConnectionWhere>>;
  edge?: InputMaybe<RelatedToWhere>;
  node?: InputMaybe<KnowledgeEntryWhere>;
};

export type KnowledgeEntryRelatedNodeAggregationWhereInput = {
  AND?: InputMaybe<Array<KnowledgeEntryRelatedNodeAggregationWhereInput>>;
  NOT?: InputMaybe<KnowledgeEntryRelatedNodeAggregationWhereInput>;
  OR?: InputMaybe<Array<KnowledgeEntryRelatedNodeAggregationWhereInput>>;
  accessOverrideReason?: InputMaybe<StringScalarAggregationFilters>;
  body?: InputMaybe<StringScalarAggregationFilters>;
  createdAt?: InputMaybe<DateTimeScalarAggregationFilters>;
  departmentSlug?: InputMaybe<StringScalarAggregationFilters>;
  ownerId?: InputMaybe<StringScalarAggregationFilters>;
  source?: InputMaybe<StringScalarAggregationFilters>;
  title?: InputMaybe<StringScalarAggregationFilters>;
  updatedAt?: InputMaybe<DateTimeScalarAggregationFilters>;
  version?: InputMaybe<IntScalarAggregationFilters>;
};

export type KnowledgeEntryRelatedRelationship = {
  __typename?: 'KnowledgeEntryRelatedRelationship';
  cursor: Scalars['String']['output'];
  node: KnowledgeEntry;
  properties: RelatedTo;
};

export type KnowledgeEntryRelationshipFilters = {
  /** Filter type where all of the related KnowledgeEntries match this filter */
  all?: InputMaybe<KnowledgeEntryWhere>;
  /** Filter type where none of the related KnowledgeEntries match this filter */
  none?: InputMaybe<KnowledgeEntryWhere>;
  /** Filter type where one of the related KnowledgeEntries match this filter */
  single?: InputMaybe<KnowledgeEntryWhere>;
  /** Filter type where some of the related KnowledgeEntries match this filter */
  some?: InputMaybe<KnowledgeEntryWhere>;
};

/** Fields to sort KnowledgeEntries by. The order in which sorts are applied is not guaranteed when specifying many fields in one KnowledgeEntrySort object. */
export type KnowledgeEntrySort = {
  accessLevel?: InputMaybe<SortDirection>;
  accessOverrideReason?: InputMaybe<SortDirection>;
  authorAgentId?: InputMaybe<SortDirection>;
  body?: InputMaybe<SortDirection>;
  createdAt?: InputMaybe<SortDirection>;
  departmentSlug?: InputMaybe<SortDirection>;
  id?: InputMaybe<SortDirection>;
  kind?: InputMaybe<SortDirection>;
  ownerId?: InputMaybe<SortDirection>;
  source?: InputMaybe<SortDirection>;
  suggestedAccessLevel?: InputMaybe<SortDirection>;
  title?: InputMaybe<SortDirection>;
  updatedAt?: InputMaybe<SortDirection>;
  version?: InputMaybe<SortDirection>;
};

export type KnowledgeEntryTopicTopicsAggregateSelection = {
  __typename?: 'KnowledgeEntryTopicTopicsAggregateSelection';
  count: CountConnection;
  node?: Maybe<KnowledgeEntryTopicTopicsNodeAggregateSelection>;
};

export type KnowledgeEntryTopicTopicsNodeAggregateSelection = {
  __typename?: 'KnowledgeEntryTopicTopicsNodeAggregateSelection';
  departmentSlug: StringAggregateSelection;
  name: StringAggregateSelection;
};

export type KnowledgeEntryTopicsConnectFieldInput = {
  connect?: InputMaybe<Array<TopicConnectInput>>;
  where?: InputMaybe<TopicConnectWhere>;
};

export type KnowledgeEntryTopicsConnection = {
  __typename?: 'KnowledgeEntryTopicsConnection';
  aggregate: KnowledgeEntryTopicTopicsAggregateSelection;
  edges: Array<KnowledgeEntryTopicsRelationship>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type KnowledgeEntryTopicsConnectionAggregateInput = {
  AND?: InputMaybe<Array<KnowledgeEntryTopicsConnectionAggregateInput>>;
  NOT?: InputMaybe<KnowledgeEntryTopicsConnectionAggregateInput>;
  OR?: InputMaybe<Array<KnowledgeEntryTopicsConnectionAggregateInput>>;
  count?: InputMaybe<ConnectionAggregationCountFilterInput>;
  node?: InputMaybe<KnowledgeEntryTopicsNodeAggregationWhereInput>;
};

export type KnowledgeEntryTopicsConnectionFilters = {
  /** Filter KnowledgeEntries by aggregating results on related KnowledgeEntryTopicsConnections */
  aggregate?: InputMaybe<KnowledgeEntryTopicsConnectionAggregateInput>;
  /** Return KnowledgeEntries where all of the related KnowledgeEntryTopicsConnections match this filter */
  all?: InputMaybe<KnowledgeEntryTopicsConnectionWhere>;
  /** Return KnowledgeEntries where none of the related KnowledgeEntryTopicsConnections match this filter */
  none?: InputMaybe<KnowledgeEntryTopicsConnectionWhere>;
  /** Return KnowledgeEntries where one of the related KnowledgeEntryTopicsConnections match this filter */
  single?: InputMaybe<KnowledgeEntryTopicsConnectionWhere>;
  /** Return KnowledgeEntries where some of the related KnowledgeEntryTopicsConnections match this filter */
  some?: InputMaybe<KnowledgeEntryTopicsConnectionWhere>;
};

export type KnowledgeEntryTopicsConnectionSort = {
  node?: InputMaybe<TopicSort>;
};

export type KnowledgeEntryTopicsConnectionWhere = {
  AND?: InputMaybe<Array<KnowledgeEntryTopicsConnectionWhere>>;
  NOT?: InputMaybe<KnowledgeEntryTopicsConnectionWhere>;
  OR?: InputMaybe<Array<KnowledgeEntryTopicsConnectionWhere>>;
  node?: InputMaybe<TopicWhere>;
};

export type KnowledgeEntryTopicsCreateFieldInput = {
  node: TopicCreateInput;
};

export type KnowledgeEntryTopicsDisconnectFieldInput = {
  disconnect?: InputMaybe<TopicDisconnectInput>;
  where?: InputMaybe<KnowledgeEntryTopicsConnectionWhere>;
};

export type KnowledgeEntryTopicsFieldInput = {
  connect?: InputMaybe<Array<KnowledgeEntryTopicsConnectFieldInput>>;
  create?: InputMaybe<Array<KnowledgeEntryTopicsCreateFieldInput>>;
};

export type KnowledgeEntryTopicsNodeAggregationWhereInput = {
  AND?: InputMaybe<Array<KnowledgeEntryTopicsNodeAggregationWhereInput>>;
  NOT?: InputMaybe<KnowledgeEntryTopicsNodeAggregationWhereInput>;
  OR?: InputMaybe<Array<KnowledgeEntryTopicsNodeAggregationWhereInput>>;
  departmentSlug?: InputMaybe<StringScalarAggregationFilters>;
  name?: InputMaybe<StringScalarAggregationFilters>;
};

export type KnowledgeEntryTopicsRelationship = {
  __typename?: 'KnowledgeEntryTopicsRelationship';
  cursor: Scalars['String']['output'];
  node: Topic;
};

export type KnowledgeEntryTopicsUpdateFieldInput = {
  connect?: InputMaybe<Array<KnowledgeEntryTopicsConnectFieldInput>>;
  create?: InputMaybe<Array<KnowledgeEntryTopicsCreateFieldInput>>;
  disconnect?: InputMaybe<Array<KnowledgeEntryTopicsDisconnectFieldInput>>;
};

export type KnowledgeEntryUpdateInput = {
  accessLevel?: InputMaybe<KnowledgeAccessLevelEnumScalarMutations>;
  accessOverrideReason?: InputMaybe<StringScalarMutations>;
  authorAgentId?: InputMaybe<IdScalarMutations>;
  body?: InputMaybe<StringScalarMutations>;
  departmentSlug?: InputMaybe<StringScalarMutations>;
  kind?: InputMaybe<KnowledgeKindEnumScalarMutations>;
  sharedWithDepartments?: InputMaybe<ListStringMutations>;
  source?: InputMaybe<StringScalarMutations>;
  tags?: InputMaybe<ListStringMutations>;
  title?: InputMaybe<StringScalarMutations>;
  topics?: InputMaybe<Array<KnowledgeEntryTopicsUpdateFieldInput>>;
};

export type KnowledgeEntryWhere = {
  AND?: InputMaybe<Array<KnowledgeEntryWhere>>;
  NOT?: InputMaybe<KnowledgeEntryWhere>;
  OR?: InputMaybe<Array<KnowledgeEntryWhere>>;
  accessLevel?: InputMaybe<KnowledgeAccessLevelEnumScalarFilters>;
  accessOverrideReason?: InputMaybe<StringScalarFilters>;
  authorAgentId?: InputMaybe<IdScalarFilters>;
  body?: InputMaybe<StringScalarFilters>;
  createdAt?: InputMaybe<DateTimeScalarFilters>;
  departmentSlug?: InputMaybe<StringScalarFilters>;
  derivedFrom?: InputMaybe<KnowledgeEntryRelationshipFilters>;
  derivedFromConnection?: InputMaybe<KnowledgeEntryDerivedFromConnectionFilters>;
  history?: InputMaybe<KnowledgeVersionRelationshipFilters>;
  history_ALL?: InputMaybe<KnowledgeVersionWhere>;
  history_NONE?: InputMaybe<KnowledgeVersionWhere>;
  history_SINGLE?: InputMaybe<KnowledgeVersionWhere>;
  history_SOME?: InputMaybe<KnowledgeVersionWhere>;
  id?: InputMaybe<IdScalarFilters>;
  kind?: InputMaybe<KnowledgeKindEnumScalarFilters>;
  ownerId?: InputMaybe<StringScalarFilters>;
  personalData?: InputMaybe<StringListFilters>;
  related?: InputMaybe<KnowledgeEntryRelationshipFilters>;
  relatedConnection?: InputMaybe<KnowledgeEntryRelatedConnectionFilters>;
  sharedWithDepartments?: InputMaybe<StringListFilters>;
  source?: InputMaybe<StringScalarFilters>;
  suggestedAccessLevel?: InputMaybe<KnowledgeAccessLevelEnumScalarFilters>;
  tags?: InputMaybe<StringListFilters>;
  title?: InputMaybe<StringScalarFilters>;
  topics?: InputMaybe<TopicRelationshipFilters>;
  topicsConnection?: InputMaybe<KnowledgeEntryTopicsConnectionFilters>;
  updatedAt?: InputMaybe<DateTimeScalarFilters>;
  version?: InputMaybe<IntScalarFilters>;
};

/** What an entry is; classified from the content when the author does not say. */
export type KnowledgeKind =
  | 'DECISION'
  | 'FACT'
  | 'NOTE'
  | 'POLICY'
  | 'PROCEDURE'
  | 'REPORT';

/** KnowledgeKind filters */
export type KnowledgeKindEnumScalarFilters = {
  eq?: InputMaybe<KnowledgeKind>;
  in?: InputMaybe<Array<KnowledgeKind>>;
};

/** KnowledgeKind mutations */
export type KnowledgeKindEnumScalarMutations = {
  set?: InputMaybe<KnowledgeKind>;
};

/**
 * A request to share an entry with another department (issue 16 §6), routed over the Border
 * Agents of the shortest hex path. Visible to both departments; written by the share mutations
 * only.
 */
export type KnowledgeShare = {
  __typename?: 'KnowledgeShare';
  /** The redacted copy (APPROVED only; gone once REVOKED). */
  copyId?: Maybe<Scalars['ID']['output']>;
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The token subject of whoever approved, refused or revoked, and when. */
  decidedBy?: Maybe<Scalars['String']['output']>;
  /** Why it was refused or revoked, when said. */
  decisionReason?: Maybe<Scalars['String']['output']>;
  /**
   * The message that carried the owner's answer back to the target department: the copy once
   * approved, the refusal once refused (null until carried).
   */
  deliveryMessageId?: Maybe<Scalars['ID']['output']>;
  /** The shared entry (the original). */
  entryId: Scalars['ID']['output'];
  /** The department that owns the entry. */
  fromDepartmentSlug: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /**
   * The owning department's Border Agent, which received the request (null until the Border
   * Agents carried it: when the agents subgraph was down, the service sends it again later).
   */
  ownerBorderAgentId?: Maybe<Scalars['ID']['output']>;
  /** Why the share was asked for (1 to 500 characters). */
  reason: Scalars['String']['output'];
  /** The Border Agents that relayed the request, then those that relayed the answer, in order. */
  relayAgentIds: Array<Scalars['ID']['output']>;
  /** The message that carried the request (null until carried, as ownerBorderAgentId). */
  requestMessageId?: Maybe<Scalars['ID']['output']>;
  requestedAt: Scalars['DateTime']['output'];
  /** The token subject of whoever asked. */
  requestedBy: Scalars['String']['output'];
  status: KnowledgeShareStatus;
  /** The department the redacted copy is for. */
  toDepartmentSlug: Scalars['String']['output'];
};

export type KnowledgeShareAggregate = {
  __typename?: 'KnowledgeShareAggregate';
  count: Count;
  node: KnowledgeShareAggregateNode;
};

export type KnowledgeShareAggregateNode = {
  __typename?: 'KnowledgeShareAggregateNode';
  decidedAt: DateTimeAggregateSelection;
  decidedBy: StringAggregateSelection;
  decisionReason: StringAggregateSelection;
  fromDepartmentSlug: StringAggregateSelection;
  reason: StringAggregateSelection;
  requestedAt: DateTimeAggregateSelection;
  requestedBy: StringAggregateSelection;
  toDepartmentSlug: StringAggregateSelection;
};

export type KnowledgeShareEdge = {
  __typename?: 'KnowledgeShareEdge';
  cursor: Scalars['String']['output'];
  node: KnowledgeShare;
};

/** Fields to sort KnowledgeShares by. The order in which sorts are applied is not guaranteed when specifying many fields in one KnowledgeShareSort object. */
export type KnowledgeShareSort = {
  copyId?: InputMaybe<SortDirection>;
  decidedAt?: InputMaybe<SortDirection>;
  decidedBy?: InputMaybe<SortDirection>;
  decisionReason?: InputMaybe<SortDirection>;
  deliveryMessageId?: InputMaybe<SortDirection>;
  entryId?: InputMaybe<SortDirection>;
  fromDepartmentSlug?: InputMaybe<SortDirection>;
  id?: InputMaybe<SortDirection>;
  ownerBorderAgentId?: InputMaybe<SortDirection>;
  reason?: InputMaybe<SortDirection>;
  requestMessageId?: InputMaybe<SortDirection>;
  requestedAt?: InputMaybe<SortDirection>;
  requestedBy?: InputMaybe<SortDirection>;
  status?: InputMaybe<SortDirection>;
  toDepartmentSlug?: InputMaybe<SortDirection>;
};

/** Where a share request stands. */
export type KnowledgeShareStatus =
  /** A redacted copy was made for the target department and carried there by the Border Agents. */
  | 'APPROVED'
  /** Waiting for the owning department's lead (or its Border Agent, by the owner's policy). */
  | 'PENDING'
  /** The owning department said no; nothing was copied. */
  | 'REFUSED'
  /** Approved, then withdrawn: the copy is gone. */
  | 'REVOKED';

/** KnowledgeShareStatus filters */
export type KnowledgeShareStatusEnumScalarFilters = {
  eq?: InputMaybe<KnowledgeShareStatus>;
  in?: InputMaybe<Array<KnowledgeShareStatus>>;
};

export type KnowledgeShareWhere = {
  AND?: InputMaybe<Array<KnowledgeShareWhere>>;
  NOT?: InputMaybe<KnowledgeShareWhere>;
  OR?: InputMaybe<Array<KnowledgeShareWhere>>;
  copyId?: InputMaybe<IdScalarFilters>;
  decidedAt?: InputMaybe<DateTimeScalarFilters>;
  decidedBy?: InputMaybe<StringScalarFilters>;
  decisionReason?: InputMaybe<StringScalarFilters>;
  deliveryMessageId?: InputMaybe<IdScalarFilters>;
  entryId?: InputMaybe<IdScalarFilters>;
  fromDepartmentSlug?: InputMaybe<StringScalarFilters>;
  id?: InputMaybe<IdScalarFilters>;
  ownerBorderAgentId?: InputMaybe<IdScalarFilters>;
  reason?: InputMaybe<StringScalarFilters>;
  relayAgentIds?: InputMaybe<IdListFilters>;
  requestMessageId?: InputMaybe<IdScalarFilters>;
  requestedAt?: InputMaybe<DateTimeScalarFilters>;
  requestedBy?: InputMaybe<StringScalarFilters>;
  status?: InputMaybe<KnowledgeShareStatusEnumScalarFilters>;
  toDepartmentSlug?: InputMaybe<StringScalarFilters>;
};

export type KnowledgeSharesConnection = {
  __typename?: 'KnowledgeSharesConnection';
  aggregate: KnowledgeShareAggregate;
  edges: Array<KnowledgeShareEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type KnowledgeSharingPoliciesConnection = {
  __typename?: 'KnowledgeSharingPoliciesConnection';
  aggregate: KnowledgeSharingPolicyAggregate;
  edges: Array<KnowledgeSharingPolicyEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/**
 * Who approves a department's outgoing shares: always its lead (and admins); its Border Agent too
 * when the department says so.
 */
export type KnowledgeSharingPolicy = {
  __typename?: 'KnowledgeSharingPolicy';
  borderAgentApproves: Scalars['Boolean']['output'];
  departmentSlug: Scalars['String']['output'];
  /** The token subject of the lead who set it. */
  setBy: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type KnowledgeSharingPolicyAggregate = {
  __typename?: 'KnowledgeSharingPolicyAggregate';
  count: Count;
  node: KnowledgeSharingPolicyAggregateNode;
};

export type KnowledgeSharingPolicyAggregateNode = {
  __typename?: 'KnowledgeSharingPolicyAggregateNode';
  departmentSlug: StringAggregateSelection;
  setBy: StringAggregateSelection;
  updatedAt: DateTimeAggregateSelection;
};

export type KnowledgeSharingPolicyEdge = {
  __typename?: 'KnowledgeSharingPolicyEdge';
  cursor: Scalars['String']['output'];
  node: KnowledgeSharingPolicy;
};

/** Fields to sort KnowledgeSharingPolicies by. The order in which sorts are applied is not guaranteed when specifying many fields in one KnowledgeSharingPolicySort object. */
export type KnowledgeSharingPolicySort = {
  borderAgentApproves?: InputMaybe<SortDirection>;
  departmentSlug?: InputMaybe<SortDirection>;
  setBy?: InputMaybe<SortDirection>;
  updatedAt?: InputMaybe<SortDirection>;
};

export type KnowledgeSharingPolicyWhere = {
  AND?: InputMaybe<Array<KnowledgeSharingPolicyWhere>>;
  NOT?: InputMaybe<KnowledgeSharingPolicyWhere>;
  OR?: InputMaybe<Array<KnowledgeSharingPolicyWhere>>;
  borderAgentApproves?: InputMaybe<BooleanScalarFilters>;
  departmentSlug?: InputMaybe<StringScalarFilters>;
  setBy?: InputMaybe<StringScalarFilters>;
  updatedAt?: InputMaybe<DateTimeScalarFilters>;
};

/**
 * An earlier version of an entry, kept when an update replaced it. It carries the entry's current
 * access properties, so it is visible exactly when the entry is.
 */
export type KnowledgeVersion = {
  __typename?: 'KnowledgeVersion';
  accessLevel: KnowledgeAccessLevel;
  body: Scalars['String']['output'];
  departmentSlug: Scalars['String']['output'];
  entryId: Scalars['ID']['output'];
  kind?: Maybe<KnowledgeKind>;
  ownerId: Scalars['String']['output'];
  sharedWithDepartments: Array<Scalars['String']['output']>;
  source?: Maybe<Scalars['String']['output']>;
  /** When the next version replaced it. */
  supersededAt: Scalars['DateTime']['output'];
  tags?: Maybe<Array<Scalars['String']['output']>>;
  title: Scalars['String']['output'];
  /** When this version was written. */
  updatedAt: Scalars['DateTime']['output'];
  version: Scalars['Int']['output'];
};

export type KnowledgeVersionAggregate = {
  __typename?: 'KnowledgeVersionAggregate';
  count: Count;
  node: KnowledgeVersionAggregateNode;
};

export type KnowledgeVersionAggregateNode = {
  __typename?: 'KnowledgeVersionAggregateNode';
  body: StringAggregateSelection;
  departmentSlug: StringAggregateSelection;
  ownerId: StringAggregateSelection;
  source: StringAggregateSelection;
  supersededAt: DateTimeAggregateSelection;
  title: StringAggregateSelection;
  updatedAt: DateTimeAggregateSelection;
  version: IntAggregateSelection;
};

export type KnowledgeVersionEdge = {
  __typename?: 'KnowledgeVersionEdge';
  cursor: Scalars['String']['output'];
  node: KnowledgeVersion;
};

export type KnowledgeVersionRelationshipFilters = {
  /** Filter type where all of the related KnowledgeVersions match this filter */
  all?: InputMaybe<KnowledgeVersionWhere>;
  /** Filter type where none of the related KnowledgeVersions match this filter */
  none?: InputMaybe<KnowledgeVersionWhere>;
  /** Filter type where one of the related KnowledgeVersions match this filter */
  single?: InputMaybe<KnowledgeVersionWhere>;
  /** Filter type where some of the related KnowledgeVersions match this filter */
  some?: InputMaybe<KnowledgeVersionWhere>;
};

/** Fields to sort KnowledgeVersions by. The order in which sorts are applied is not guaranteed when specifying many fields in one KnowledgeVersionSort object. */
export type KnowledgeVersionSort = {
  accessLevel?: InputMaybe<SortDirection>;
  body?: InputMaybe<SortDirection>;
  departmentSlug?: InputMaybe<SortDirection>;
  entryId?: InputMaybe<SortDirection>;
  kind?: InputMaybe<SortDirection>;
  ownerId?: InputMaybe<SortDirection>;
  source?: InputMaybe<SortDirection>;
  supersededAt?: InputMaybe<SortDirection>;
  title?: InputMaybe<SortDirection>;
  updatedAt?: InputMaybe<SortDirection>;
  version?: InputMaybe<SortDirection>;
};

export type KnowledgeVersionWhere = {
  AND?: InputMaybe<Array<KnowledgeVersionWhere>>;
  NOT?: InputMaybe<KnowledgeVersionWhere>;
  OR?: InputMaybe<Array<KnowledgeVersionWhere>>;
  accessLevel?: InputMaybe<KnowledgeAccessLevelEnumScalarFilters>;
  body?: InputMaybe<StringScalarFilters>;
  departmentSlug?: InputMaybe<StringScalarFilters>;
  entryId?: InputMaybe<IdScalarFilters>;
  kind?: InputMaybe<KnowledgeKindEnumScalarFilters>;
  ownerId?: InputMaybe<StringScalarFilters>;
  sharedWithDepartments?: InputMaybe<StringListFilters>;
  source?: InputMaybe<StringScalarFilters>;
  supersededAt?: InputMaybe<DateTimeScalarFilters>;
  tags?: InputMaybe<StringListFilters>;
  title?: InputMaybe<StringScalarFilters>;
  updatedAt?: InputMaybe<DateTimeScalarFilters>;
  version?: InputMaybe<IntScalarFilters>;
};

export type KnowledgeVersionsConnection = {
  __typename?: 'KnowledgeVersionsConnection';
  aggregate: KnowledgeVersionAggregate;
  edges: Array<KnowledgeVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One of the design document's KPIs, measured now */
export type Kpi = {
  __typename?: 'Kpi';
  goal: KpiGoal;
  /** e.g. response_time_p95_seconds */
  name: Scalars['String']['output'];
  status: KpiStatus;
  target: Scalars['Float']['output'];
  /** seconds, ratio or usd */
  unit: Scalars['String']['output'];
  /** Null when nothing was measured yet */
  value?: Maybe<Scalars['Float']['output']>;
};

/** Whether the value must stay above or below its target */
export type KpiGoal =
  | 'ABOVE'
  | 'BELOW';

/** OK, BREACHED, or NO_DATA when nothing was measured yet */
export type KpiStatus =
  | 'BREACHED'
  | 'NO_DATA'
  | 'OK';

/** The ledger checked now: the chain recomputed, and the stored votes and round results compared with their entries */
export type LedgerCheck = {
  __typename?: 'LedgerCheck';
  /** The first entry that fails the check */
  brokenAt?: Maybe<Scalars['Int']['output']>;
  entries: Scalars['Int']['output'];
  /** The chain head: record it elsewhere to detect a chain cut back later */
  head?: Maybe<Scalars['String']['output']>;
  /** What failed, in words */
  problem?: Maybe<Scalars['String']['output']>;
  proposalId: Scalars['ID']['output'];
  valid: Scalars['Boolean']['output'];
};

/** One entry of a proposal’s tamper-evident ledger: hash = SHA-256(previousHash, position, kind, at, payload) */
export type LedgerEntry = {
  __typename?: 'LedgerEntry';
  /** When it was written (ISO-8601, hashed as this text) */
  at: Scalars['String']['output'];
  hash: Scalars['String']['output'];
  /** CREATED, OPENED, VOTE, ROUND_CLOSED, TRANSITION, OUTCOME */
  kind: Scalars['String']['output'];
  /** Canonical JSON (sorted keys) of the entry, exactly as hashed; a vote’s entry holds a digest of its ballot */
  payload: Scalars['String']['output'];
  /** 1, 2, … within the proposal’s chain */
  position: Scalars['Int']['output'];
  /** The hash of the entry before (64 zeros for the first) */
  previousHash: Scalars['String']['output'];
};

/** Mutations for a list for String */
export type ListStringMutations = {
  pop?: InputMaybe<Scalars['Int']['input']>;
  push?: InputMaybe<Array<Scalars['String']['input']>>;
  set?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A model in the router registry. Its API key is never returned */
export type LlmModel = {
  __typename?: 'LlmModel';
  baseUrl?: Maybe<Scalars['String']['output']>;
  contextWindow: Scalars['Int']['output'];
  enabled: Scalars['Boolean']['output'];
  features: Array<ModelFeature>;
  /** Whether a key is configured (the key itself never is shown) */
  hasApiKey: Scalars['Boolean']['output'];
  health: ModelHealth;
  inputUsdPerMTok: Scalars['Float']['output'];
  kind: ModelKind;
  load: ModelLoad;
  name: Scalars['ID']['output'];
  outputUsdPerMTok: Scalars['Float']['output'];
  priorQuality: Array<PriorQuality>;
  requestsPerMinute?: Maybe<Scalars['Int']['output']>;
  source: ModelSource;
  /** Empty: offered for every task type */
  taskTypes: Array<TaskType>;
  timeoutMs: Scalars['Int']['output'];
  tokensPerMinute?: Maybe<Scalars['Int']['output']>;
  upstreamModel: Scalars['String']['output'];
  /** Moves with every change; updateModel expects the current one */
  version: Scalars['Int']['output'];
};

/** A message between agents, stored as it was sent */
export type Message = {
  __typename?: 'Message';
  body: Scalars['String']['output'];
  /** The sender's department when it was sent */
  department: Department;
  from: Agent;
  id: Scalars['ID']['output'];
  /** The hops of a DIRECT or RADIAL message as it travelled (broadcasts: see relays) */
  path?: Maybe<CommunicationPath>;
  /** Agents whose inbox received it (0 for RADIAL: the hub did) */
  recipientCount: Scalars['Int']['output'];
  /** The Border Agents that handed it on, in order */
  relays: Array<Agent>;
  sentAt: Scalars['DateTimeISO']['output'];
  /** The addressee of a DIRECT message */
  to?: Maybe<Agent>;
  topic: MessageTopic;
};

/** One page of messages, newest first */
export type MessagePage = {
  __typename?: 'MessagePage';
  nodes: Array<Message>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** Who hears a message */
export type MessageTopic =
  /** Every other agent of the sender's department */
  | 'CELL'
  /** One addressee, through the Border Agents of a shortest chain of cells */
  | 'DIRECT'
  /** Every other agent of the organization */
  | 'GLOBAL'
  /** The hub (the Daena VP), out along the shortest spoke */
  | 'RADIAL'
  /** Every agent of the neighbouring departments */
  | 'RING';

/** One point of a metric series, recorded from a domain event */
export type MetricSample = {
  __typename?: 'MetricSample';
  id: Scalars['ID']['output'];
  /** Dimensions of the sample, e.g. { proposalId, departmentId } */
  labels?: Maybe<Scalars['JSONObject']['output']>;
  /** The series, e.g. "decisions.votes_cast" */
  name: Scalars['String']['output'];
  /** When the event happened */
  recordedAt: Scalars['DateTimeISO']['output'];
  value: Scalars['Float']['output'];
};

/** Aggregates of one metric series over a time window */
export type MetricSummary = {
  __typename?: 'MetricSummary';
  avg?: Maybe<Scalars['Float']['output']>;
  /** How many samples; 0 for an unknown series */
  count: Scalars['Int']['output'];
  firstRecordedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  lastRecordedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  max?: Maybe<Scalars['Float']['output']>;
  /** Null when there are no samples */
  min?: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  sum: Scalars['Float']['output'];
};

export type Mitigation =
  | 'DOWN_WEIGHT'
  | 'FLAG_FOR_PERSON'
  | 'REVOTE';

export type ModelFeature =
  | 'JSON'
  | 'STREAMING'
  | 'TOOLS'
  | 'VISION';

export type ModelHealth = {
  __typename?: 'ModelHealth';
  circuit: CircuitState;
  /** Share of recent attempts that failed (0–1) */
  recentErrorRate: Scalars['Float']['output'];
};

/** A model on an OpenAI-compatible endpoint */
export type ModelInput = {
  /** Stored, never returned or logged */
  apiKey?: InputMaybe<Scalars['String']['input']>;
  baseUrl: Scalars['String']['input'];
  contextWindow: Scalars['Int']['input'];
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  features?: InputMaybe<Array<ModelFeature>>;
  inputUsdPerMTok: Scalars['Float']['input'];
  name: Scalars['String']['input'];
  outputUsdPerMTok: Scalars['Float']['input'];
  /** Expected quality before evidence (0–1) */
  priorQuality?: InputMaybe<Scalars['Float']['input']>;
  requestsPerMinute?: InputMaybe<Scalars['Int']['input']>;
  taskTypes?: InputMaybe<Array<TaskType>>;
  timeoutMs?: InputMaybe<Scalars['Int']['input']>;
  tokensPerMinute?: InputMaybe<Scalars['Int']['input']>;
  upstreamModel: Scalars['String']['input'];
};

/** OPENAI_COMPATIBLE: any endpoint speaking the OpenAI API; OFFLINE: local templates */
export type ModelKind =
  | 'OFFLINE'
  | 'OPENAI_COMPATIBLE';

/** Use against the model's rate limits, in this replica */
export type ModelLoad = {
  __typename?: 'ModelLoad';
  inFlight: Scalars['Int']['output'];
  requestsLastMinute: Scalars['Int']['output'];
  tokensLastMinute: Scalars['Int']['output'];
};

/** CONFIG: from LLM_MODELS / LLM_MODELS_FILE (change it there); ADMIN: by mutations */
export type ModelSource =
  | 'ADMIN'
  | 'CONFIG';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Approves a pending share (the owner's lead, an admin, or the owner's Border Agent if its
   * policy says so): a redacted copy (personal data removed, DERIVED_FROM the original) is made
   * for the target department and carried there by the Border Agents.
   */
  approveShare: KnowledgeShare;
  /** Approves a run waiting at a gate (the department’s lead, an executive): it goes on */
  approveStep: RunStep;
  /** An executive votes in the open round with a reason (role executive): counted in support with the executive prior’s evidence, outside the agents’ weight cap; changeable until the round closes */
  castExecutiveVote: Vote;
  /** Casts or changes a stakeholder agent’s vote in the open round; sending the same vote again changes nothing */
  castVote: Vote;
  /** Closes an open proposal now (executives): its round decides with the votes cast, no further round */
  closeProposal: Proposal;
  /** Adds a department in the next cell (admins) */
  createDepartment: Department;
  createKnowledgeEntries: CreateKnowledgeEntriesMutationResponse;
  /** Creates a DRAFT proposal: nobody votes until it opens */
  createProposal: Proposal;
  /** Create a task (admins, executives, the department’s lead); the capable agent with the least work takes it */
  createTask: Task;
  createTopics: CreateTopicsMutationResponse;
  deleteKnowledgeEntries: DeleteInfo;
  deleteTopics: DeleteInfo;
  /** An executive hands an open proposal to a person (ESCALATED), with a reason */
  escalateProposal: Proposal;
  /** The kill switch (admins, executives): every run stops before its next step until resumed */
  haltAutonomy: AutonomyControl;
  /** Hires an agent into a department (admins) */
  hireAgent: Agent;
  /** Opens a draft (`id`), or creates and opens one (`input`): computes its threshold and weighted stakeholders, opens round 1 and asks the stakeholders for their votes */
  openProposal: Proposal;
  /** Pause an agent (admins and its department lead). `version` is the one you read. */
  pauseAgent: Agent;
  /** Moves an agent with no open work to the next seat of another department (admins) */
  reassignAgent: Agent;
  /** Records what really happened after a closed proposal (executives); it feeds the track records and thresholds of later proposals */
  recordOutcome: Proposal;
  /** Explicit quality feedback (0–1) on a routed call, once; it feeds the model's tracked quality for the task type */
  recordRoutingFeedback: RoutingDecision;
  /**
   * Refuses a pending share (the same approvers); nothing is copied. The refusal travels back to
   * the requesting department through the Border Agents, as a copy does.
   */
  refuseShare: KnowledgeShare;
  /** Adds a model on an OpenAI-compatible endpoint (admins) */
  registerModel: LlmModel;
  /** Rejects a run waiting at a gate (the department’s lead, an executive): its task fails */
  rejectStep: RunStep;
  /** Removes a model an admin registered (admins) */
  removeModel: Scalars['Boolean']['output'];
  /** Renames an agent; its slug stays (admins) */
  renameAgent: Agent;
  /** Renames a department; its slug stays (admins) */
  renameDepartment: Department;
  /** Report what an agent is doing (admins, and the agent itself with role agent) */
  reportAgentState: Agent;
  /**
   * Asks the owning department to share entry `entryId` with a department: a message from that
   * department's Border Agent to the owner's, over the Border Agents of the shortest hex path.
   * Name the department by `departmentId` (a Department's id) or by `departmentSlug`, exactly
   * one. The caller must be able to read the entry; PERSONAL entries are never shared.
   */
  requestShare: KnowledgeShare;
  /** Resume a paused agent: it becomes IDLE. */
  resumeAgent: Agent;
  /** Lets the agents act again: halted runs go on from their checkpoints */
  resumeAutonomy: AutonomyControl;
  /** Retires an agent with no open work; it keeps its row and seat (admins) */
  retireAgent: Agent;
  /** Retires a department with no open work; its agents retire with it and its cell stays empty (admins) */
  retireDepartment: Department;
  /** Withdraws an approved share (the same approvers): the copy disappears for the target. */
  revokeShare: KnowledgeShare;
  /** Routes a task (admins, for trying the router): classifies it, selects a model with reasoning and fallbacks, and unless dryRun calls it */
  routeTask: RouteTaskResult;
  /** Send as an agent (admins, the agent itself, its department lead); stored and delivered along its route */
  sendMessage: Message;
  /** Adds (required) or removes an approval gate (admins, executives); the gates after */
  setApprovalGate: Array<ApprovalGate>;
  /** Takes a model out of selection or back in, configured or registered (admins) */
  setModelEnabled: LlmModel;
  /** Lets the caller's department's Border Agent approve its outgoing shares, or not (its lead). */
  setSharingPolicy: KnowledgeSharingPolicy;
  updateKnowledgeEntries: UpdateKnowledgeEntriesMutationResponse;
  /** Replaces an admin model's settings; `version` must be current (admins) */
  updateModel: LlmModel;
  updateTopics: UpdateTopicsMutationResponse;
  /** An executive rejects an open proposal, with a reason */
  vetoProposal: Proposal;
  /** The requester or an admin withdraws a proposal */
  withdrawProposal: Proposal;
};


export type MutationApproveShareArgs = {
  shareId: Scalars['ID']['input'];
};


export type MutationApproveStepArgs = {
  input: DecideStepInput;
};


export type MutationCastExecutiveVoteArgs = {
  input: CastExecutiveVoteInput;
};


export type MutationCastVoteArgs = {
  input: CastVoteInput;
};


export type MutationCloseProposalArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateDepartmentArgs = {
  input: CreateDepartmentInput;
};


export type MutationCreateKnowledgeEntriesArgs = {
  input: Array<KnowledgeEntryCreateInput>;
};


export type MutationCreateProposalArgs = {
  input: CreateProposalInput;
};


export type MutationCreateTaskArgs = {
  input: CreateTaskInput;
};


export type MutationCreateTopicsArgs = {
  input: Array<TopicCreateInput>;
};


export type MutationDeleteKnowledgeEntriesArgs = {
  where?: InputMaybe<KnowledgeEntryWhere>;
};


export type MutationDeleteTopicsArgs = {
  where?: InputMaybe<TopicWhere>;
};


export type MutationEscalateProposalArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationHaltAutonomyArgs = {
  reason: Scalars['String']['input'];
};


export type MutationHireAgentArgs = {
  input: HireAgentInput;
};


export type MutationOpenProposalArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input?: InputMaybe<OpenProposalInput>;
};


export type MutationPauseAgentArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationReassignAgentArgs = {
  departmentId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationRecordOutcomeArgs = {
  note?: InputMaybe<Scalars['String']['input']>;
  outcome: Outcome;
  proposalId: Scalars['ID']['input'];
};


export type MutationRecordRoutingFeedbackArgs = {
  decisionId: Scalars['ID']['input'];
  quality: Scalars['Float']['input'];
};


export type MutationRefuseShareArgs = {
  reason?: InputMaybe<Scalars['String']['input']>;
  shareId: Scalars['ID']['input'];
};


export type MutationRegisterModelArgs = {
  input: ModelInput;
};


export type MutationRejectStepArgs = {
  input: DecideStepInput;
};


export type MutationRemoveModelArgs = {
  name: Scalars['String']['input'];
};


export type MutationRenameAgentArgs = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


export type MutationRenameDepartmentArgs = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


export type MutationReportAgentStateArgs = {
  agentId: Scalars['ID']['input'];
  input: AgentStateReportInput;
};


export type MutationRequestShareArgs = {
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  departmentSlug?: InputMaybe<Scalars['String']['input']>;
  entryId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationResumeAgentArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationRetireAgentArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationRetireDepartmentArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationRevokeShareArgs = {
  reason?: InputMaybe<Scalars['String']['input']>;
  shareId: Scalars['ID']['input'];
};


export type MutationRouteTaskArgs = {
  input: RouteTaskInput;
};


export type MutationSendMessageArgs = {
  input: SendMessageInput;
};


export type MutationSetApprovalGateArgs = {
  name: Scalars['String']['input'];
  required: Scalars['Boolean']['input'];
  subject: ApprovalGateSubject;
};


export type MutationSetModelEnabledArgs = {
  enabled: Scalars['Boolean']['input'];
  name: Scalars['String']['input'];
};


export type MutationSetSharingPolicyArgs = {
  borderAgentApproves: Scalars['Boolean']['input'];
};


export type MutationUpdateKnowledgeEntriesArgs = {
  update?: InputMaybe<KnowledgeEntryUpdateInput>;
  where?: InputMaybe<KnowledgeEntryWhere>;
};


export type MutationUpdateModelArgs = {
  input: ModelInput;
  version: Scalars['Int']['input'];
};


export type MutationUpdateTopicsArgs = {
  update?: InputMaybe<TopicUpdateInput>;
  where?: InputMaybe<TopicWhere>;
};


export type MutationVetoProposalArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationWithdrawProposalArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** A proposal to create and open at once */
export type OpenProposalInput = {
  /** Further departments the decision affects; their agents may vote too */
  affectedDepartmentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Must be in the future; undecided past it, the proposal expires */
  deadline?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** The proposing department (the agents subgraph's id) */
  departmentId: Scalars['ID']['input'];
  /** At most 10,000 characters */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Default STRATEGIC */
  kind?: InputMaybe<ProposalKind>;
  /** 1–10, default 3 */
  maxRounds?: InputMaybe<Scalars['Int']['input']>;
  /** The agent asking for the decision (people only; an agent asks as itself) */
  requesterAgentId?: InputMaybe<Scalars['ID']['input']>;
  /** 0–1 */
  risk?: InputMaybe<Scalars['Float']['input']>;
  /** Seconds each round waits for votes (1 to a week); the service's default if unset */
  roundSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** 0–1 */
  stakeholderImpact?: InputMaybe<Scalars['Float']['input']>;
  /** 1–200 characters */
  title: Scalars['String']['input'];
  /** 0–1 */
  urgency?: InputMaybe<Scalars['Float']['input']>;
};

/** Everything a frontend needs to draw the honeycomb */
export type Organization = {
  __typename?: 'Organization';
  /** Current departments a page at a time (for large organizations); neighbours span pages */
  departmentPage: DepartmentPage;
  /** Every department, in honeycomb (spiral) order */
  departments: Array<Department>;
  hub: Hub;
};


/** Everything a frontend needs to draw the honeycomb */
export type OrganizationDepartmentPageArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};

/** Which decision turned out right: APPROVE (approving was) or REJECT */
export type Outcome =
  | 'APPROVE'
  | 'REJECT';

/** Relay-style page information (shared with other subgraphs) */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A point in layout units (frontends scale it to their canvas) */
export type Point = {
  __typename?: 'Point';
  x: Scalars['Float']['output'];
  y: Scalars['Float']['output'];
};

/** Expected quality before evidence, for one task type (or DEFAULT) */
export type PriorQuality = {
  __typename?: 'PriorQuality';
  quality: Scalars['Float']['output'];
  /** A task type in lower case, or `default` */
  taskType: Scalars['String']['output'];
};

/** A question put to the organization's agents (CMP) */
export type Proposal = {
  __typename?: 'Proposal';
  /** Bias findings of the rounds closed so far */
  biasReport: Array<BiasFinding>;
  closedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** 0 while a draft; then the round being voted on (or the last) */
  currentRound: Scalars['Int']['output'];
  /** Undecided past it, the proposal EXPIRES */
  deadline?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The proposing department */
  department: Department;
  /** The proposing department’s id (`departments` lists every affected one) */
  departmentId: Scalars['ID']['output'];
  /** Every department the decision affects, the proposing one first */
  departments: Array<Department>;
  description: Scalars['String']['output'];
  /** The executives who voted on the proposal, with the weight of their track record */
  executiveVoters: Array<ExecutiveVoter>;
  id: Scalars['ID']['output'];
  kind: ProposalKind;
  /** The proposal’s decision ledger, oldest entry first */
  ledger: Array<LedgerEntry>;
  /** The hash of the ledger’s last entry */
  ledgerHead?: Maybe<Scalars['String']['output']>;
  /** Rounds at most before NO_CONSENSUS */
  maxRounds: Scalars['Int']['output'];
  openedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  outcome?: Maybe<ProposalOutcome>;
  /** From round 2 on: the previous round's anonymised distribution and rationales */
  previousRound?: Maybe<RoundSummary>;
  requester: Requester;
  /** The result once the proposal is closed (from its last round) */
  result?: Maybe<ConsensusResult>;
  /** 0–1: how much could go wrong */
  risk: Scalars['Float']['output'];
  /** How long each round waits for votes */
  roundSeconds: Scalars['Int']['output'];
  rounds: Array<VotingRound>;
  /** 0–1: how much it changes for those affected */
  stakeholderImpact: Scalars['Float']['output'];
  /** The agents entitled to vote with their weights, snapshotted at opening */
  stakeholders: Array<Stakeholder>;
  status: ProposalStatus;
  /** The tally of the current round */
  tally: VoteTally;
  /** The weighted support an ACCEPTED decision needs; set when opened */
  threshold?: Maybe<Scalars['Float']['output']>;
  /** How the threshold follows from its terms */
  thresholdExplanation?: Maybe<Scalars['String']['output']>;
  /** The threshold term by term */
  thresholdTerms: Array<ThresholdTerm>;
  title: Scalars['String']['output'];
  /** Every transition, oldest first */
  transitions: Array<ProposalTransition>;
  /** 0–1: how soon it must be decided (lowers the threshold) */
  urgency: Scalars['Float']['output'];
  /** Votes of one round (default: the current one), in the order accepted */
  votes: Array<Vote>;
};


/** A question put to the organization's agents (CMP) */
export type ProposalVotesArgs = {
  round?: InputMaybe<Scalars['Int']['input']>;
};

/** What a proposal is about; each kind names the role the capability matrix asks */
export type ProposalKind =
  | 'BRAND'
  | 'CROSS_DEPARTMENT'
  | 'DATA_PRIVACY'
  | 'DISPUTE'
  | 'QUALITY'
  | 'RESEARCH_METHOD'
  | 'RESOURCE_ALLOCATION'
  | 'STRATEGIC';

/** What really happened after the decision (feeds track records) */
export type ProposalOutcome = {
  __typename?: 'ProposalOutcome';
  note: Scalars['String']['output'];
  outcome: Outcome;
  recordedAt: Scalars['DateTimeISO']['output'];
  recordedBy: Scalars['String']['output'];
};

/** DRAFT until opened, OPEN through its rounds, then one final status */
export type ProposalStatus =
  | 'ACCEPTED'
  | 'DRAFT'
  | 'ESCALATED'
  | 'EXPIRED'
  | 'NO_CONSENSUS'
  | 'OPEN'
  | 'REJECTED'
  | 'WITHDRAWN';

/** A change of status (or a new round: OPEN → OPEN) */
export type ProposalTransition = {
  __typename?: 'ProposalTransition';
  at: Scalars['DateTimeISO']['output'];
  /** The actor's token subject, or system */
  by: Scalars['String']['output'];
  /** null when the proposal was created */
  from?: Maybe<ProposalStatus>;
  id: Scalars['ID']['output'];
  proposal: Proposal;
  reason?: Maybe<Scalars['String']['output']>;
  /** The round after the transition (0 for drafts) */
  round: Scalars['Int']['output'];
  to: ProposalStatus;
};

export type Query = {
  __typename?: 'Query';
  /** One agent by id (retired ones too) */
  agent?: Maybe<Agent>;
  /** Query twin of Subscription.agentActivity: the agent as its latest activity left it (used by the gateway bridge) */
  agentActivity?: Maybe<Agent>;
  /** An agent's messages, newest first (admins, executives, the agent, its lead) */
  agentInbox: MessagePage;
  /** Query twin of Subscription.agentMessages: message `messageId` (else the latest) the agent received */
  agentMessages?: Maybe<Message>;
  /** Agents a page at a time, filtered; pass pageInfo.endCursor as `after` */
  agentPage: AgentPage;
  /** A run and its trace (admins, executives, its department’s lead and members) */
  agentRun?: Maybe<AgentRun>;
  /** Current agents, optionally of one department or role (see agentPage for more) */
  agents: Array<Agent>;
  /** One stored state change with its alert: alertUpdates' query twin; null for an unknown id or one outside the state and severity asked for */
  alertUpdate?: Maybe<AlertUpdate>;
  /** Alerts of the embedded evaluator, most recently changed first, optionally of one state and severity (alerts(state: FIRING, severity: CRITICAL)) */
  alerts: Array<Alert>;
  /** The task kinds and tools that wait for approval */
  approvalGates: Array<ApprovalGate>;
  /** Every mutation and every refused request, newest first; admins only. Pass pageInfo.endCursor as `after` for the next page. */
  auditLog: AuditLogConnection;
  /** Whether the agents may act (the kill switch) */
  autonomy: AutonomyControl;
  /** The route a DIRECT message between two agents takes now */
  communicationPath: CommunicationPath;
  /** One department by id or slug (retired ones too: see retiredAt) */
  department?: Maybe<Department>;
  /** Every current department, in honeycomb order (retired ones are left out) */
  departments: Array<Department>;
  /** A metric (or expression) forecast `horizon` seconds ahead from its stored history, with 95% prediction intervals: LLM cost, request rate, agent call latency… */
  forecast: Array<SeriesForecastResult>;
  /** What reached the hub (RADIAL messages), newest first; admins and executives */
  hubInbox: MessagePage;
  knowledgeChanges: Array<KnowledgeChange>;
  knowledgeChangesConnection: KnowledgeChangesConnection;
  knowledgeEntries: Array<KnowledgeEntry>;
  knowledgeEntriesConnection: KnowledgeEntriesConnection;
  knowledgeShares: Array<KnowledgeShare>;
  knowledgeSharesConnection: KnowledgeSharesConnection;
  knowledgeSharingPolicies: Array<KnowledgeSharingPolicy>;
  knowledgeSharingPoliciesConnection: KnowledgeSharingPoliciesConnection;
  /**
   * Query twin of Subscription.knowledgeUpdates: change `changeId`, if it is of department
   * `departmentSlug` when that is given (the gateway matches `departmentId` on the event).
   */
  knowledgeUpdate?: Maybe<KnowledgeChange>;
  knowledgeVersions: Array<KnowledgeVersion>;
  knowledgeVersionsConnection: KnowledgeVersionsConnection;
  /** The design document's KPIs (p95 response time, agent success, CMP consensus, error rate, cost per decision, routing efficiency, uptime) over the stored series, with their targets */
  kpis: Array<Kpi>;
  /** Every series that has samples, sorted */
  metricNames: Array<Scalars['String']['output']>;
  /** Samples of one series, newest first; an unknown series has none */
  metricSamples: Array<MetricSample>;
  /** Count, sum, min, max and average of one series; zero for an unknown series */
  metricSummary: MetricSummary;
  /** The model registry, with health and load */
  models: Array<LlmModel>;
  /** The honeycomb: hub, departments, neighbours and agents, with positions */
  organization: Organization;
  proposal?: Maybe<Proposal>;
  /** Query twin of Subscription.proposalUpdates: transition `transitionId` (of proposal `proposalId`, if given); used by the gateway bridge */
  proposalUpdates?: Maybe<ProposalTransition>;
  /** Proposals, newest first (at most 100); by department: those affecting it. With closedSince: those closed at or after it, in the order they closed (pass the last one’s closedAt for the next page) */
  proposals: Array<Proposal>;
  /**
   * Entries reachable from entry `id` over RELATED_TO in 1 to 3 hops: the 50 with the
   * strongest path (product of strengths) first; the walk never passes through an entry the
   * caller may not read.
   */
  relatedKnowledge: Array<KnowledgeEntry>;
  /** The capability matrix: one row per role */
  roles: Array<RoleCapability>;
  /** Query twin of Subscription.routerSelections: selection `decisionId` */
  routerSelections?: Maybe<RoutingDecision>;
  /** A selection with its reasoning and what the call did; also the query twin of routerSelections */
  routingDecision?: Maybe<RoutingDecision>;
  /** Per (model, task type): quality, latency p50/p95, error rate and cost over the sliding window (7 days by default) */
  routingStats: Array<RoutingStats>;
  /** Query twin of Subscription.runSteps: one step of a run as checkpointed (used by the gateway bridge) */
  runSteps?: Maybe<RunStep>;
  searchKnowledge: KnowledgeEntriesIndexConnection;
  /** A metric (or expression) over time from the stored, scraped series: what the web dashboard's panels plot (observability/grafana holds the same panels for Grafana) */
  series: Array<SeriesResult>;
  /** A task (admins, executives, its department’s lead and members) */
  task?: Maybe<Task>;
  /** Query twin of Subscription.taskUpdates: the task as its latest change left it (used by the gateway bridge) */
  taskUpdates?: Maybe<Task>;
  /** Tasks, newest first: of every department for admins and executives, else of the caller’s */
  tasks: Array<Task>;
  topics: Array<Topic>;
  topicsConnection: TopicsConnection;
  /** Verifies a proposal’s ledger: the hash chain, and its votes and round results against their entries */
  verifyLedger: LedgerCheck;
  /** The tally of a round of a proposal (default: the current round); with asOfVote, that vote’s round with only the votes up to it (the query twin of Subscription.voteTally) */
  voteTally: VoteTally;
};


export type QueryAgentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAgentActivityArgs = {
  agentId: Scalars['ID']['input'];
  departmentId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryAgentInboxArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  agentId: Scalars['ID']['input'];
  first?: Scalars['Int']['input'];
  kind?: DeliveryKind;
  topic?: InputMaybe<MessageTopic>;
};


export type QueryAgentMessagesArgs = {
  agentId: Scalars['ID']['input'];
  messageId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryAgentPageArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AgentFilter>;
  first?: Scalars['Int']['input'];
};


export type QueryAgentRunArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAgentsArgs = {
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  role?: InputMaybe<AgentRole>;
};


export type QueryAlertUpdateArgs = {
  severity?: InputMaybe<AlertSeverity>;
  state?: InputMaybe<AlertState>;
  transitionId: Scalars['ID']['input'];
};


export type QueryAlertsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  severity?: InputMaybe<AlertSeverity>;
  state?: InputMaybe<AlertState>;
};


export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCommunicationPathArgs = {
  from: Scalars['ID']['input'];
  to: Scalars['ID']['input'];
};


export type QueryDepartmentArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type QueryForecastArgs = {
  at?: InputMaybe<Scalars['DateTimeISO']['input']>;
  horizon: Scalars['Int']['input'];
  metric: Scalars['String']['input'];
  step: Scalars['Int']['input'];
};


export type QueryHubInboxArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type QueryKnowledgeChangesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeChangeSort>>;
  where?: InputMaybe<KnowledgeChangeWhere>;
};


export type QueryKnowledgeChangesConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeChangeSort>>;
  where?: InputMaybe<KnowledgeChangeWhere>;
};


export type QueryKnowledgeEntriesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeEntrySort>>;
  where?: InputMaybe<KnowledgeEntryWhere>;
};


export type QueryKnowledgeEntriesConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeEntrySort>>;
  where?: InputMaybe<KnowledgeEntryWhere>;
};


export type QueryKnowledgeSharesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeShareSort>>;
  where?: InputMaybe<KnowledgeShareWhere>;
};


export type QueryKnowledgeSharesConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeShareSort>>;
  where?: InputMaybe<KnowledgeShareWhere>;
};


export type QueryKnowledgeSharingPoliciesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeSharingPolicySort>>;
  where?: InputMaybe<KnowledgeSharingPolicyWhere>;
};


export type QueryKnowledgeSharingPoliciesConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeSharingPolicySort>>;
  where?: InputMaybe<KnowledgeSharingPolicyWhere>;
};


export type QueryKnowledgeUpdateArgs = {
  changeId: Scalars['ID']['input'];
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  departmentSlug?: InputMaybe<Scalars['String']['input']>;
};


export type QueryKnowledgeVersionsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeVersionSort>>;
  where?: InputMaybe<KnowledgeVersionWhere>;
};


export type QueryKnowledgeVersionsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeVersionSort>>;
  where?: InputMaybe<KnowledgeVersionWhere>;
};


export type QueryKpisArgs = {
  at?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


export type QueryMetricSamplesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


export type QueryMetricSummaryArgs = {
  name: Scalars['String']['input'];
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


export type QueryProposalArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProposalUpdatesArgs = {
  proposalId?: InputMaybe<Scalars['ID']['input']>;
  transitionId: Scalars['ID']['input'];
};


export type QueryProposalsArgs = {
  closedSince?: InputMaybe<Scalars['DateTimeISO']['input']>;
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<ProposalStatus>;
};


export type QueryRelatedKnowledgeArgs = {
  depth?: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type QueryRouterSelectionsArgs = {
  decisionId?: InputMaybe<Scalars['ID']['input']>;
  taskType?: InputMaybe<TaskType>;
};


export type QueryRoutingDecisionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRoutingStatsArgs = {
  model?: InputMaybe<Scalars['String']['input']>;
  taskType?: InputMaybe<TaskType>;
};


export type QueryRunStepsArgs = {
  agentId?: InputMaybe<Scalars['ID']['input']>;
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  runId: Scalars['ID']['input'];
  seq: Scalars['Int']['input'];
};


export type QuerySearchKnowledgeArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  phrase: Scalars['String']['input'];
  sort?: InputMaybe<Array<KnowledgeEntryIndexSort>>;
  where?: InputMaybe<KnowledgeEntryIndexWhere>;
};


export type QuerySeriesArgs = {
  metric: Scalars['String']['input'];
  range: TimeRangeInput;
  step: Scalars['Int']['input'];
};


export type QueryTaskArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTaskUpdatesArgs = {
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  taskId: Scalars['ID']['input'];
};


export type QueryTasksArgs = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  first?: Scalars['Int']['input'];
  status?: InputMaybe<TaskStatus>;
};


export type QueryTopicsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<TopicSort>>;
  where?: InputMaybe<TopicWhere>;
};


export type QueryTopicsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<TopicSort>>;
  where?: InputMaybe<TopicWhere>;
};


export type QueryVerifyLedgerArgs = {
  knownHead?: InputMaybe<Scalars['String']['input']>;
  proposalId: Scalars['ID']['input'];
};


export type QueryVoteTallyArgs = {
  asOfVote?: InputMaybe<Scalars['ID']['input']>;
  proposalId: Scalars['ID']['input'];
  round?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * The edge properties for the following fields:
 * * KnowledgeEntry.related
 */
export type RelatedTo = {
  __typename?: 'RelatedTo';
  /** How the relation was found. */
  reason: Scalars['String']['output'];
  /** BM25 score of the full-text match divided by the entry's own score: (0, 1]. */
  strength: Scalars['Float']['output'];
};

export type RelatedToAggregationWhereInput = {
  AND?: InputMaybe<Array<RelatedToAggregationWhereInput>>;
  NOT?: InputMaybe<RelatedToAggregationWhereInput>;
  OR?: InputMaybe<Array<RelatedToAggregationWhereInput>>;
  reason?: InputMaybe<StringScalarAggregationFilters>;
  strength?: InputMaybe<FloatScalarAggregationFilters>;
};

export type RelatedToSort = {
  reason?: InputMaybe<SortDirection>;
  strength?: InputMaybe<SortDirection>;
};

export type RelatedToWhere = {
  AND?: InputMaybe<Array<RelatedToWhere>>;
  NOT?: InputMaybe<RelatedToWhere>;
  OR?: InputMaybe<Array<RelatedToWhere>>;
  reason?: InputMaybe<StringScalarFilters>;
  strength?: InputMaybe<FloatScalarFilters>;
};

/** Who asks for the decision: a person or an agent */
export type Requester = {
  __typename?: 'Requester';
  /** The agent, when an agent asks */
  agent?: Maybe<Agent>;
  /** A person's token subject, or the agent's id */
  subject: Scalars['String']['output'];
};

/** A role's row of the capability matrix */
export type RoleCapability = {
  __typename?: 'RoleCapability';
  autonomousCapabilities: Array<Scalars['String']['output']>;
  /** Task complexity (0–1) above which the role asks CMP */
  autonomyThreshold: Scalars['Float']['output'];
  /** What makes this role call the consensus protocol */
  cmpTriggers: Array<Scalars['String']['output']>;
  defaultVotingWeight: Scalars['Float']['output'];
  role: AgentRole;
  title: Scalars['String']['output'];
};

/** The previous round as later rounds' voters see it: anonymised distribution and rationales */
export type RoundSummary = {
  __typename?: 'RoundSummary';
  abstain: Scalars['Int']['output'];
  approve: Scalars['Int']['output'];
  /** Every rationale given, in alphabetical order (no names) */
  rationales: Array<Scalars['String']['output']>;
  reject: Scalars['Int']['output'];
  round: Scalars['Int']['output'];
  /** Weighted support the round closed with */
  support?: Maybe<Scalars['Float']['output']>;
};

/** routeTaskStream: the last event, with the decision as stored */
export type RouteStreamCompleted = {
  __typename?: 'RouteStreamCompleted';
  /** The whole answer (the deltas after the last reset); null when FAILED */
  answer?: Maybe<Scalars['String']['output']>;
  /** SUCCEEDED with servedBy, tokens and cost; or FAILED with errorReason */
  decision: RoutingDecision;
};

/** routeTaskStream: the next piece of the answer */
export type RouteStreamDelta = {
  __typename?: 'RouteStreamDelta';
  text: Scalars['String']['output'];
};

/** One event of routeTaskStream */
export type RouteStreamEvent = RouteStreamCompleted | RouteStreamDelta | RouteStreamReset | RouteStreamSelected;

/** routeTaskStream: the model streaming the answer failed part way; discard every delta so far, the answer restarts (retry or fallback) */
export type RouteStreamReset = {
  __typename?: 'RouteStreamReset';
  /** Why it failed (a RoutingAttempt errorKind) */
  errorKind: Scalars['String']['output'];
  /** The model whose partial answer is void */
  model: Scalars['String']['output'];
};

/** routeTaskStream: the selection, stored and published, before any text */
export type RouteStreamSelected = {
  __typename?: 'RouteStreamSelected';
  decisionId: Scalars['ID']['output'];
  /** Models tried next, in order */
  fallbacks: Array<Scalars['String']['output']>;
  /** The model called first */
  model: Scalars['String']['output'];
  reasoning: Scalars['String']['output'];
  taskType: TaskType;
};

/** A task to route (and, unless dryRun, to run) */
export type RouteTaskInput = {
  context?: InputMaybe<Scalars['String']['input']>;
  /** Milliseconds the whole call may take */
  deadlineMs?: InputMaybe<Scalars['Int']['input']>;
  /** Only select; do not call the model */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /** Ask for a JSON object */
  json?: InputMaybe<Scalars['Boolean']['input']>;
  /** Most the call may cost, in US dollars */
  maxCostUsd?: InputMaybe<Scalars['Float']['input']>;
  maxOutputTokens?: InputMaybe<Scalars['Int']['input']>;
  /** Minimum expected quality (0–1) */
  qualityRequirement?: InputMaybe<Scalars['Float']['input']>;
  /** Skips classifying the type */
  taskType?: InputMaybe<TaskType>;
  /** 0 makes the call cacheable (7 days) */
  temperature?: InputMaybe<Scalars['Float']['input']>;
  text: Scalars['String']['input'];
  /** How much this call may pay for quality, 0 to 1: 0.5 (or unset) keeps the deployment's trade-off, higher picks stronger (dearer) models more often, lower cheaper ones; 0 puts price first, 1 quality first (from the deployment's point, which its spend target moves). Outside 0–1: BAD_USER_INPUT, reason INVALID_ROUTE_REQUEST */
  willingnessToPay?: InputMaybe<Scalars['Float']['input']>;
};

/** routeTask: the decision and, unless a dry run, the answer */
export type RouteTaskResult = {
  __typename?: 'RouteTaskResult';
  answer?: Maybe<Scalars['String']['output']>;
  decision: RoutingDecision;
};

/** One call to one model while serving a routed task */
export type RoutingAttemptView = {
  __typename?: 'RoutingAttemptView';
  costUsd: Scalars['Float']['output'];
  /** rate_limited, server_error, timeout, context_length, content_filter, bad_response, network, auth, bad_request, circuit_open or aborted */
  errorKind?: Maybe<Scalars['String']['output']>;
  latencyMs: Scalars['Float']['output'];
  model: Scalars['String']['output'];
  ok: Scalars['Boolean']['output'];
};

/** A selection of the router, with its reasoning, and what the call did */
export type RoutingDecision = {
  __typename?: 'RoutingDecision';
  attempts: Array<RoutingAttemptView>;
  /** Every candidate, best first */
  candidates: Array<CandidateScoreView>;
  classification: TaskClassificationView;
  /** Estimated probability that the model is the best choice */
  confidence: Scalars['Float']['output'];
  costUsd?: Maybe<Scalars['Float']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  errorReason?: Maybe<Scalars['String']['output']>;
  /** Models tried next, in order, if the first fails */
  fallbacks: Array<Scalars['String']['output']>;
  /** Explicit feedback (recordRoutingFeedback) */
  feedback?: Maybe<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  inputTokens?: Maybe<Scalars['Int']['output']>;
  latencyMs?: Maybe<Scalars['Float']['output']>;
  /** The model chosen first */
  model: Scalars['String']['output'];
  outputTokens?: Maybe<Scalars['Int']['output']>;
  /** Automatic quality signal of the answer */
  quality?: Maybe<Scalars['Float']['output']>;
  reasoning: Scalars['String']['output'];
  /** The model that answered */
  servedBy?: Maybe<Scalars['String']['output']>;
  status: RoutingStatus;
  taskType: TaskType;
};

/** One model's performance on one task type over the sliding window */
export type RoutingStats = {
  __typename?: 'RoutingStats';
  calls: Scalars['Int']['output'];
  costUsd: Scalars['Float']['output'];
  errorRate: Scalars['Float']['output'];
  errors: Scalars['Int']['output'];
  inputTokens: Scalars['Int']['output'];
  latencyP50Ms?: Maybe<Scalars['Float']['output']>;
  latencyP95Ms?: Maybe<Scalars['Float']['output']>;
  meanQuality?: Maybe<Scalars['Float']['output']>;
  model: Scalars['String']['output'];
  outputTokens: Scalars['Int']['output'];
  /** What selection expects of the pair (posterior mean) */
  posteriorMean: Scalars['Float']['output'];
  posteriorStdDev: Scalars['Float']['output'];
  qualitySignals: Scalars['Int']['output'];
  taskType: TaskType;
  windowStart: Scalars['DateTimeISO']['output'];
};

/** SELECTED: chosen, not (yet) called; SUCCEEDED / FAILED: how the call ended */
export type RoutingStatus =
  | 'FAILED'
  | 'SELECTED'
  | 'SUCCEEDED';

/** Where a run of a task is */
export type RunStatus =
  | 'FAILED'
  | 'RUNNING'
  | 'SUCCEEDED'
  | 'WAITING_FOR_APPROVAL'
  | 'WAITING_FOR_BUDGET'
  | 'WAITING_FOR_CONSENSUS';

/** One step of a run, as checkpointed before and after it ran */
export type RunStep = {
  __typename?: 'RunStep';
  /** For an approval step: its gate, and who decided, when and why */
  approval?: Maybe<StepApproval>;
  /** Times it was started (more than 1: resumed after a crash) */
  attempts: Scalars['Int']['output'];
  cost: Scalars['Float']['output'];
  endedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  errorCode?: Maybe<Scalars['String']['output']>;
  /** The run’s id and the step’s place: what approveStep names */
  id: Scalars['ID']['output'];
  input: Scalars['JSON']['output'];
  kind: RunStepKind;
  /** The model that answered a MODEL_CALL */
  model?: Maybe<Scalars['String']['output']>;
  output?: Maybe<Scalars['JSON']['output']>;
  /** Its place in the run, from 0 */
  seq: Scalars['Int']['output'];
  startedAt: Scalars['DateTimeISO']['output'];
  status: RunStepStatus;
  tokens: Scalars['Int']['output'];
};

/** What a step of a run does */
export type RunStepKind =
  | 'COMPLETE'
  | 'MODEL_CALL'
  | 'PLAN'
  | 'TOOL_CALL'
  | 'WAIT_FOR_APPROVAL'
  | 'WAIT_FOR_CONSENSUS';

/** A step as checkpointed */
export type RunStepStatus =
  /** Ran; its output is recorded */
  | 'DONE'
  /** Not run: a malformed or forbidden action, or a budget stop */
  | 'REFUSED'
  /** Checkpointed before it ran; a resumed run runs it again (a model call waiting for a daily budget says so in its output and errorCode) */
  | 'STARTED';

export type SendMessageInput = {
  /** 1–4000 characters */
  body: Scalars['String']['input'];
  fromAgentId: Scalars['ID']['input'];
  /** The addressee: DIRECT messages only */
  toAgentId?: InputMaybe<Scalars['ID']['input']>;
  topic: MessageTopic;
};

/** The forecast of one series of the expression */
export type SeriesForecastResult = {
  __typename?: 'SeriesForecastResult';
  /** Past points, one a step, the model was fitted on */
  historyPoints: Scalars['Int']['output'];
  labels: Scalars['JSONObject']['output'];
  method: ForecastMethod;
  points: Array<ForecastPoint>;
};

/** One point of a series */
export type SeriesPoint = {
  __typename?: 'SeriesPoint';
  at: Scalars['DateTimeISO']['output'];
  value: Scalars['Float']['output'];
};

/** One series of a range query: its labels and points */
export type SeriesResult = {
  __typename?: 'SeriesResult';
  labels: Scalars['JSONObject']['output'];
  points: Array<SeriesPoint>;
};

/** An enum for sorting in either ascending or descending order. */
export type SortDirection =
  /** Sort by field values in ascending order. */
  | 'ASC'
  /** Sort by field values in descending order. */
  | 'DESC';

/** A stakeholder: an agent entitled to vote, with its weight */
export type Stakeholder = {
  __typename?: 'Stakeholder';
  agent: Agent;
  /** The agent's id */
  id: Scalars['ID']['output'];
  /** Normalised voting weight (the weights sum to 1, capped) */
  weight: Scalars['Float']['output'];
  /** Why it votes, and why with this weight */
  why: Scalars['String']['output'];
};

/** What an approval step asks, and who decided, when and why */
export type StepApproval = {
  __typename?: 'StepApproval';
  decidedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  decidedBy?: Maybe<Scalars['String']['output']>;
  /** Null while it waits */
  decision?: Maybe<ApprovalDecision>;
  gate: ApprovalGateSubject;
  /** The gated task kind or tool */
  name: Scalars['String']['output'];
  reason?: Maybe<Scalars['String']['output']>;
};

export type StringAggregateSelection = {
  __typename?: 'StringAggregateSelection';
  longest?: Maybe<Scalars['String']['output']>;
  shortest?: Maybe<Scalars['String']['output']>;
};

/** String list filters */
export type StringListFilters = {
  eq?: InputMaybe<Array<Scalars['String']['input']>>;
  includes?: InputMaybe<Scalars['String']['input']>;
};

/** Filters for an aggregation of a string field */
export type StringScalarAggregationFilters = {
  averageLength?: InputMaybe<FloatScalarFilters>;
  longestLength?: InputMaybe<IntScalarFilters>;
  shortestLength?: InputMaybe<IntScalarFilters>;
};

/** String filters */
export type StringScalarFilters = {
  contains?: InputMaybe<Scalars['String']['input']>;
  endsWith?: InputMaybe<Scalars['String']['input']>;
  eq?: InputMaybe<Scalars['String']['input']>;
  in?: InputMaybe<Array<Scalars['String']['input']>>;
  startsWith?: InputMaybe<Scalars['String']['input']>;
};

/** String mutations */
export type StringScalarMutations = {
  set?: InputMaybe<Scalars['String']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Every status change of an agent (of one department, if given); served by the gateway bridge */
  agentActivity: Agent;
  /** Every message the agent receives, as it arrives; served by the gateway bridge */
  agentMessages: Message;
  /** Every alert state change (PENDING, FIRING, RESOLVED) as the embedded evaluator stores it, optionally of one state and severity; served by the gateway bridge */
  alertUpdates: AlertUpdate;
  /**
   * Changes to entries the caller may read, as they are committed: of the department named by
   * `departmentId` (a Department's id) or by `departmentSlug`, at most one of the two
   * (BAD_USER_INPUT otherwise), or of every department when neither is given.
   */
  knowledgeUpdates: KnowledgeChange;
  /** Every transition of a proposal (or of all proposals): status changes and new rounds; served by the gateway bridge */
  proposalUpdates: ProposalTransition;
  /** Routes a task like routeTask (admins) and streams it: the selection, the text as it is generated, a reset when a model fails part way and the next one starts over, and the completed decision. Served by this subgraph over SSE, forwarded by the gateway */
  routeTaskStream: RouteStreamEvent;
  /** Every selection of the router (of one task type, or all), with its reasoning, as it is made; served by the gateway bridge */
  routerSelections: RoutingDecision;
  /** Every step agents take in their runs, as it is checkpointed (of one department or agent, if given) */
  runSteps: RunStep;
  /** Every change of a task’s state (of one department, if given); served by the gateway bridge */
  taskUpdates: Task;
  /** Live tally of a proposal, one payload per accepted vote; served by the gateway bridge */
  voteTally: VoteTally;
};


export type SubscriptionAgentActivityArgs = {
  departmentId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionAgentMessagesArgs = {
  agentId: Scalars['ID']['input'];
};


export type SubscriptionAlertUpdatesArgs = {
  severity?: InputMaybe<AlertSeverity>;
  state?: InputMaybe<AlertState>;
};


export type SubscriptionKnowledgeUpdatesArgs = {
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  departmentSlug?: InputMaybe<Scalars['String']['input']>;
};


export type SubscriptionProposalUpdatesArgs = {
  proposalId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionRouteTaskStreamArgs = {
  input: RouteTaskInput;
};


export type SubscriptionRouterSelectionsArgs = {
  taskType?: InputMaybe<TaskType>;
};


export type SubscriptionRunStepsArgs = {
  agentId?: InputMaybe<Scalars['ID']['input']>;
  departmentId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionTaskUpdatesArgs = {
  departmentId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionVoteTallyArgs = {
  proposalId: Scalars['ID']['input'];
};

/** A place on the sunflower (Vogel's model): polar and cartesian */
export type SunflowerPosition = {
  __typename?: 'SunflowerPosition';
  /** Radians in [0, 2π) */
  angle: Scalars['Float']['output'];
  radius: Scalars['Float']['output'];
  x: Scalars['Float']['output'];
  y: Scalars['Float']['output'];
};

/** Work for an agent, from a person, an agent’s scan or a follow-up */
export type Task = {
  __typename?: 'Task';
  assignee: Agent;
  /** Most the task may spend on model calls, US dollars */
  budgetUsd: Scalars['Float']['output'];
  /** 0–1; above the role’s autonomy threshold it goes to CMP */
  complexity: Scalars['Float']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  deadline?: Maybe<Scalars['DateTimeISO']['output']>;
  department: Department;
  description: Scalars['String']['output'];
  /** Why it failed */
  errorCode?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** What kind of work (a slug); approval gates name kinds */
  kind: Scalars['String']['output'];
  /** The task this one follows up (null when the caller may not read it) */
  parent?: Maybe<Task>;
  /** 1 (most urgent) to 5 */
  priority: Scalars['Int']['output'];
  /** Capabilities of the matrix the work needs */
  requiredCapabilities: Array<Scalars['String']['output']>;
  /** The summary its run ended with */
  result?: Maybe<Scalars['String']['output']>;
  /** Its runs, newest first */
  runs: Array<AgentRun>;
  source: TaskSource;
  /** What its runs spent so far, US dollars */
  spentUsd: Scalars['Float']['output'];
  status: TaskStatus;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};

/** What the classifier said of a task, and why */
export type TaskClassificationView = {
  __typename?: 'TaskClassificationView';
  /** 0 (trivial) to 1 (hard) */
  complexity: Scalars['Float']['output'];
  confidence: Scalars['Float']['output'];
  estimatedInputTokens: Scalars['Int']['output'];
  estimatedOutputTokens: Scalars['Int']['output'];
  /** `offline` (NLP) or `llm` (LLM-assisted) */
  method: Scalars['String']['output'];
  signals: Array<Scalars['String']['output']>;
  taskType: TaskType;
};

/** Who found the work */
export type TaskSource =
  | 'AGENT_SCAN'
  | 'FOLLOW_UP'
  | 'PERSON';

/** Where a task is */
export type TaskStatus =
  /** Finished with a result */
  | 'DONE'
  /** Stopped; errorCode says why */
  | 'FAILED'
  /** Assigned; its run waits for the agent */
  | 'QUEUED'
  /** Its agent is working on it */
  | 'RUNNING'
  /** At an approval gate: waiting for the department’s lead or an executive */
  | 'WAITING_FOR_APPROVAL'
  /** Its agent’s or department’s daily model budget is spent: its run goes on the next UTC day */
  | 'WAITING_FOR_BUDGET'
  /** Above the agent’s autonomy: waiting for CMP */
  | 'WAITING_FOR_CONSENSUS';

/** What kind of work an LLM call does; the router tracks quality per type */
export type TaskType =
  | 'ANALYSIS'
  | 'CLASSIFICATION'
  | 'CODE'
  | 'CONVERSATION'
  | 'CREATIVE'
  | 'EXTRACTION'
  | 'PLANNING'
  | 'SUMMARISATION';

/** One term of the adaptive threshold */
export type ThresholdTerm = {
  __typename?: 'ThresholdTerm';
  /** What it adds to (or takes from) the threshold */
  contribution: Scalars['Float']['output'];
  name: Scalars['String']['output'];
  /** The input, e.g. risk 0.8 */
  value: Scalars['Float']['output'];
};

/** A closed time range */
export type TimeRangeInput = {
  from: Scalars['DateTimeISO']['input'];
  to: Scalars['DateTimeISO']['input'];
};

/**
 * A subject in one department's vocabulary. Its name is visible to the department and to
 * whoever may read an entry about it; the entries stay filtered on their own.
 */
export type Topic = {
  __typename?: 'Topic';
  departmentSlug: Scalars['String']['output'];
  entries: Array<KnowledgeEntry>;
  entriesConnection: TopicEntriesConnection;
  /** 1 to 64 characters. */
  name: Scalars['String']['output'];
};


/**
 * A subject in one department's vocabulary. Its name is visible to the department and to
 * whoever may read an entry about it; the entries stay filtered on their own.
 */
export type TopicEntriesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<KnowledgeEntrySort>>;
  where?: InputMaybe<KnowledgeEntryWhere>;
};


/**
 * A subject in one department's vocabulary. Its name is visible to the department and to
 * whoever may read an entry about it; the entries stay filtered on their own.
 */
export type TopicEntriesConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<TopicEntriesConnectionSort>>;
  where?: InputMaybe<TopicEntriesConnectionWhere>;
};

export type TopicAggregate = {
  __typename?: 'TopicAggregate';
  count: Count;
  node: TopicAggregateNode;
};

export type TopicAggregateNode = {
  __typename?: 'TopicAggregateNode';
  departmentSlug: StringAggregateSelection;
  name: StringAggregateSelection;
};

export type TopicConnectInput = {
  entries?: InputMaybe<Array<TopicEntriesConnectFieldInput>>;
};

export type TopicConnectWhere = {
  node: TopicWhere;
};

export type TopicCreateInput = {
  departmentSlug: Scalars['String']['input'];
  entries?: InputMaybe<TopicEntriesFieldInput>;
  name: Scalars['String']['input'];
};

export type TopicDisconnectInput = {
  entries?: InputMaybe<Array<TopicEntriesDisconnectFieldInput>>;
};

export type TopicEdge = {
  __typename?: 'TopicEdge';
  cursor: Scalars['String']['output'];
  node: Topic;
};

export type TopicEntriesConnectFieldInput = {
  connect?: InputMaybe<Array<KnowledgeEntryConnectInput>>;
  where?: InputMaybe<KnowledgeEntryConnectWhere>;
};

export type TopicEntriesConnection = {
  __typename?: 'TopicEntriesConnection';
  aggregate: TopicKnowledgeEntryEntriesAggregateSelection;
  edges: Array<TopicEntriesRelationship>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type TopicEntriesConnectionAggregateInput = {
  AND?: InputMaybe<Array<TopicEntriesConnectionAggregateInput>>;
  NOT?: InputMaybe<TopicEntriesConnectionAggregateInput>;
  OR?: InputMaybe<Array<TopicEntriesConnectionAggregateInput>>;
  count?: InputMaybe<ConnectionAggregationCountFilterInput>;
  node?: InputMaybe<TopicEntriesNodeAggregationWhereInput>;
};

export type TopicEntriesConnectionFilters = {
  /** Filter Topics by aggregating results on related TopicEntriesConnections */
  aggregate?: InputMaybe<TopicEntriesConnectionAggregateInput>;
  /** Return Topics where all of the related TopicEntriesConnections match this filter */
  all?: InputMaybe<TopicEntriesConnectionWhere>;
  /** Return Topics where none of the related TopicEntriesConnections match this filter */
  none?: InputMaybe<TopicEntriesConnectionWhere>;
  /** Return Topics where one of the related TopicEntriesConnections match this filter */
  single?: InputMaybe<TopicEntriesConnectionWhere>;
  /** Return Topics where some of the related TopicEntriesConnections match this filter */
  some?: InputMaybe<TopicEntriesConnectionWhere>;
};

export type TopicEntriesConnectionSort = {
  node?: InputMaybe<KnowledgeEntrySort>;
};

export type TopicEntriesConnectionWhere = {
  AND?: InputMaybe<Array<TopicEntriesConnectionWhere>>;
  NOT?: InputMaybe<TopicEntriesConnectionWhere>;
  OR?: InputMaybe<Array<TopicEntriesConnectionWhere>>;
  node?: InputMaybe<KnowledgeEntryWhere>;
};

export type TopicEntriesDisconnectFieldInput = {
  disconnect?: InputMaybe<KnowledgeEntryDisconnectInput>;
  where?: InputMaybe<TopicEntriesConnectionWhere>;
};

export type TopicEntriesFieldInput = {
  connect?: InputMaybe<Array<TopicEntriesConnectFieldInput>>;
};

export type TopicEntriesNodeAggregationWhereInput = {
  AND?: InputMaybe<Array<TopicEntriesNodeAggregationWhereInput>>;
  NOT?: InputMaybe<TopicEntriesNodeAggregationWhereInput>;
  OR?: InputMaybe<Array<TopicEntriesNodeAggregationWhereInput>>;
  accessOverrideReason?: InputMaybe<StringScalarAggregationFilters>;
  body?: InputMaybe<StringScalarAggregationFilters>;
  createdAt?: InputMaybe<DateTimeScalarAggregationFilters>;
  departmentSlug?: InputMaybe<StringScalarAggregationFilters>;
  ownerId?: InputMaybe<StringScalarAggregationFilters>;
  source?: InputMaybe<StringScalarAggregationFilters>;
  title?: InputMaybe<StringScalarAggregationFilters>;
  updatedAt?: InputMaybe<DateTimeScalarAggregationFilters>;
  version?: InputMaybe<IntScalarAggregationFilters>;
};

export type TopicEntriesRelationship = {
  __typename?: 'TopicEntriesRelationship';
  cursor: Scalars['String']['output'];
  node: KnowledgeEntry;
};

export type TopicEntriesUpdateFieldInput = {
  connect?: InputMaybe<Array<TopicEntriesConnectFieldInput>>;
  disconnect?: InputMaybe<Array<TopicEntriesDisconnectFieldInput>>;
};

export type TopicKnowledgeEntryEntriesAggregateSelection = {
  __typename?: 'TopicKnowledgeEntryEntriesAggregateSelection';
  count: CountConnection;
  node?: Maybe<TopicKnowledgeEntryEntriesNodeAggregateSelection>;
};

export type TopicKnowledgeEntryEntriesNodeAggregateSelection = {
  __typename?: 'TopicKnowledgeEntryEntriesNodeAggregateSelection';
  accessOverrideReason: StringAggregateSelection;
  body: StringAggregateSelection;
  createdAt: DateTimeAggregateSelection;
  departmentSlug: StringAggregateSelection;
  ownerId: StringAggregateSelection;
  source: StringAggregateSelection;
  title: StringAggregateSelection;
  updatedAt: DateTimeAggregateSelection;
  version: IntAggregateSelection;
};

export type TopicRelationshipFilters = {
  /** Filter type where all of the related Topics match this filter */
  all?: InputMaybe<TopicWhere>;
  /** Filter type where none of the related Topics match this filter */
  none?: InputMaybe<TopicWhere>;
  /** Filter type where one of the related Topics match this filter */
  single?: InputMaybe<TopicWhere>;
  /** Filter type where some of the related Topics match this filter */
  some?: InputMaybe<TopicWhere>;
};

/** Fields to sort Topics by. The order in which sorts are applied is not guaranteed when specifying many fields in one TopicSort object. */
export type TopicSort = {
  departmentSlug?: InputMaybe<SortDirection>;
  name?: InputMaybe<SortDirection>;
};

export type TopicUpdateInput = {
  departmentSlug?: InputMaybe<StringScalarMutations>;
  entries?: InputMaybe<Array<TopicEntriesUpdateFieldInput>>;
  name?: InputMaybe<StringScalarMutations>;
};

export type TopicWhere = {
  AND?: InputMaybe<Array<TopicWhere>>;
  NOT?: InputMaybe<TopicWhere>;
  OR?: InputMaybe<Array<TopicWhere>>;
  departmentSlug?: InputMaybe<StringScalarFilters>;
  entries?: InputMaybe<KnowledgeEntryRelationshipFilters>;
  entriesConnection?: InputMaybe<TopicEntriesConnectionFilters>;
  name?: InputMaybe<StringScalarFilters>;
};

export type TopicsConnection = {
  __typename?: 'TopicsConnection';
  aggregate: TopicAggregate;
  edges: Array<TopicEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** Information about the number of nodes and relationships created and deleted during an update mutation */
export type UpdateInfo = {
  __typename?: 'UpdateInfo';
  nodesCreated: Scalars['Int']['output'];
  nodesDeleted: Scalars['Int']['output'];
  relationshipsCreated: Scalars['Int']['output'];
  relationshipsDeleted: Scalars['Int']['output'];
};

export type UpdateKnowledgeEntriesMutationResponse = {
  __typename?: 'UpdateKnowledgeEntriesMutationResponse';
  info: UpdateInfo;
  knowledgeEntries: Array<KnowledgeEntry>;
};

export type UpdateTopicsMutationResponse = {
  __typename?: 'UpdateTopicsMutationResponse';
  info: UpdateInfo;
  topics: Array<Topic>;
};

/** One stakeholder agent's vote on a proposal, in one round */
export type Vote = {
  __typename?: 'Vote';
  /** The stakeholder agent who cast it; null for an executive’s vote */
  agent?: Maybe<Agent>;
  /** null while sealed */
  choice?: Maybe<VoteChoice>;
  /** How sure the agent is, 0–1 (it scales the vote’s weight); null while sealed */
  confidence?: Maybe<Scalars['Float']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** The executive who cast it (their subject); null for an agent’s vote */
  executive?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  proposal: Proposal;
  /** null while sealed */
  rationale?: Maybe<Scalars['String']['output']>;
  round: Scalars['Int']['output'];
  /** True while the vote’s round is blind: choice, confidence and rationale are hidden from all but the voter */
  sealed: Scalars['Boolean']['output'];
  /** When the vote was last changed */
  updatedAt: Scalars['DateTimeISO']['output'];
  voterKind: VoterKind;
};

export type VoteChoice =
  | 'ABSTAIN'
  | 'APPROVE'
  | 'REJECT';

/** The count of one round of a proposal’s votes, now or as of one vote */
export type VoteTally = {
  __typename?: 'VoteTally';
  /** Stakeholder agents abstaining; null while the round is blind */
  abstain?: Maybe<Scalars['Int']['output']>;
  /** Stakeholder agents approving; null while the round is blind */
  approve?: Maybe<Scalars['Int']['output']>;
  /** Round 1 while it is open: choices and support stay hidden until it closes */
  blind: Scalars['Boolean']['output'];
  /** Executives approving; null while blind */
  executiveApprove?: Maybe<Scalars['Int']['output']>;
  /** Executives rejecting; null while blind */
  executiveReject?: Maybe<Scalars['Int']['output']>;
  /** Executives’ votes in this tally (up to lastVote); they count in support but not in participation */
  executiveVotes: Scalars['Int']['output'];
  /** 95% interval of support, from the uncertainty of the voters’ accuracies; null while blind */
  interval?: Maybe<Interval>;
  /** The vote named by asOfVote, else the latest vote of the round; null before any */
  lastVote?: Maybe<Vote>;
  /** votesCounted / stakeholders */
  participation: Scalars['Float']['output'];
  proposal: Proposal;
  proposalId: Scalars['ID']['output'];
  /** Stakeholder agents rejecting; null while the round is blind */
  reject?: Maybe<Scalars['Int']['output']>;
  /** The round counted */
  round: Scalars['Int']['output'];
  /** Agents entitled to vote (snapshotted at opening) */
  stakeholders: Scalars['Int']['output'];
  /** Posterior probability that approving is right, from the stakeholders’ evidence × confidence; null while blind */
  support?: Maybe<Scalars['Float']['output']>;
  /** The support the proposal needs */
  threshold?: Maybe<Scalars['Float']['output']>;
  /** Stakeholder agents’ votes cast in the round so far, whatever asOfVote says */
  votes: Scalars['Int']['output'];
  /** Stakeholder agents’ votes in this tally (up to and including lastVote) */
  votesCounted: Scalars['Int']['output'];
  /** Share of the stakeholders’ weight that voted (0–1) */
  weightVoted: Scalars['Float']['output'];
};

export type VoterKind =
  | 'AGENT'
  | 'EXECUTIVE';

/** One voting round: open while it takes votes, then its result */
export type VotingRound = {
  __typename?: 'VotingRound';
  closedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Why it closed */
  closedBecause?: Maybe<Scalars['String']['output']>;
  deadline: Scalars['DateTimeISO']['output'];
  /** ACCEPTED, REJECTED, NEXT_ROUND, NO_CONSENSUS, or the status a person set */
  decision?: Maybe<Scalars['String']['output']>;
  interval?: Maybe<Interval>;
  openedAt: Scalars['DateTimeISO']['output'];
  participation?: Maybe<Scalars['Float']['output']>;
  round: Scalars['Int']['output'];
  support?: Maybe<Scalars['Float']['output']>;
};

export type DashboardOrganizationQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardOrganizationQuery = { __typename?: 'Query', organization: { __typename?: 'Organization', hub: { __typename?: 'Hub', name: string, position: { __typename?: 'Point', x: number, y: number } }, departments: Array<{ __typename?: 'Department', id: string, slug: string, name: string, position: { __typename?: 'SunflowerPosition', x: number, y: number }, agents: Array<{ __typename?: 'Agent', id: string, name: string, role: AgentRole, status: AgentStatus, version: number, position: { __typename?: 'Point', x: number, y: number } }> }> } };

export type DashboardAgentActivitySubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DashboardAgentActivitySubscription = { __typename?: 'Subscription', agentActivity: { __typename?: 'Agent', id: string, status: AgentStatus, version: number, currentTask?: string | null, load: number } };

export type DashboardAgentQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DashboardAgentQuery = { __typename?: 'Query', agent?: { __typename?: 'Agent', id: string, name: string, role: AgentRole, status: AgentStatus, version: number, currentTask?: string | null, load: number, budgetUsedUsd: number, stateUpdatedAt?: string | null, department: { __typename?: 'Department', name: string } } | null, agentInbox: { __typename?: 'MessagePage', totalCount: number, nodes: Array<{ __typename?: 'Message', id: string, topic: MessageTopic, body: string, sentAt: string, from: { __typename?: 'Agent', name: string } }> }, tasks: Array<{ __typename?: 'Task', id: string, title: string, status: TaskStatus, runs: Array<{ __typename?: 'AgentRun', id: string }> }> };

export type DashboardPauseAgentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
}>;


export type DashboardPauseAgentMutation = { __typename?: 'Mutation', pauseAgent: { __typename?: 'Agent', id: string, status: AgentStatus, version: number } };

export type DashboardResumeAgentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
}>;


export type DashboardResumeAgentMutation = { __typename?: 'Mutation', resumeAgent: { __typename?: 'Agent', id: string, status: AgentStatus, version: number } };

export type DashboardProposalsQueryVariables = Exact<{
  status?: InputMaybe<ProposalStatus>;
}>;


export type DashboardProposalsQuery = { __typename?: 'Query', proposals: Array<{ __typename?: 'Proposal', id: string, title: string, status: ProposalStatus, kind: ProposalKind, currentRound: number, maxRounds: number, createdAt: string, department: { __typename?: 'Department', name: string } }> };

export type DashboardProposalQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DashboardProposalQuery = { __typename?: 'Query', proposal?: { __typename?: 'Proposal', id: string, title: string, description: string, status: ProposalStatus, kind: ProposalKind, currentRound: number, maxRounds: number, roundSeconds: number, threshold?: number | null, thresholdExplanation?: string | null, ledgerHead?: string | null, department: { __typename?: 'Department', name: string }, stakeholders: Array<{ __typename?: 'Stakeholder', id: string, weight: number, why: string, agent: { __typename?: 'Agent', id: string, name: string, department: { __typename?: 'Department', name: string } } }>, rounds: Array<{ __typename?: 'VotingRound', round: number, openedAt: string, deadline: string, closedAt?: string | null, closedBecause?: string | null, support?: number | null, participation?: number | null, decision?: string | null, interval?: { __typename?: 'Interval', low: number, high: number } | null }>, result?: { __typename?: 'ConsensusResult', support: number, decision: ProposalStatus, interval: { __typename?: 'Interval', low: number, high: number } } | null, biasReport: Array<{ __typename?: 'BiasFinding', kind: BiasKind, evidence: string, mitigation: Mitigation, round: number }>, tally: { __typename?: 'VoteTally', proposalId: string, round: number, blind: boolean, approve?: number | null, reject?: number | null, abstain?: number | null, votesCounted: number, stakeholders: number, participation: number, weightVoted: number, support?: number | null, threshold?: number | null, interval?: { __typename?: 'Interval', low: number, high: number } | null } } | null, verifyLedger: { __typename?: 'LedgerCheck', valid: boolean, entries: number, head?: string | null, problem?: string | null } };

export type DashboardTallyFragment = { __typename?: 'VoteTally', proposalId: string, round: number, blind: boolean, approve?: number | null, reject?: number | null, abstain?: number | null, votesCounted: number, stakeholders: number, participation: number, weightVoted: number, support?: number | null, threshold?: number | null, interval?: { __typename?: 'Interval', low: number, high: number } | null };

export type DashboardVoteTallySubscriptionVariables = Exact<{
  proposalId: Scalars['ID']['input'];
}>;


export type DashboardVoteTallySubscription = { __typename?: 'Subscription', voteTally: { __typename?: 'VoteTally', proposalId: string, round: number, blind: boolean, approve?: number | null, reject?: number | null, abstain?: number | null, votesCounted: number, stakeholders: number, participation: number, weightVoted: number, support?: number | null, threshold?: number | null, interval?: { __typename?: 'Interval', low: number, high: number } | null } };

export type DashboardProposalUpdatesSubscriptionVariables = Exact<{
  proposalId: Scalars['ID']['input'];
}>;


export type DashboardProposalUpdatesSubscription = { __typename?: 'Subscription', proposalUpdates: { __typename?: 'ProposalTransition', id: string, to: ProposalStatus, round: number } };

export type DashboardRoutingStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardRoutingStatsQuery = { __typename?: 'Query', routingStats: Array<{ __typename?: 'RoutingStats', model: string, taskType: TaskType, calls: number, errorRate: number, meanQuality?: number | null, latencyP95Ms?: number | null, costUsd: number }> };

export type DashboardRouterSelectionsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DashboardRouterSelectionsSubscription = { __typename?: 'Subscription', routerSelections: { __typename?: 'RoutingDecision', id: string, createdAt: string, taskType: TaskType, model: string, confidence: number, reasoning: string, status: RoutingStatus, costUsd?: number | null, quality?: number | null, latencyMs?: number | null } };

export type DashboardAlertsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardAlertsQuery = { __typename?: 'Query', alerts: Array<{ __typename?: 'Alert', id: string, rule: string, labels: Record<string, unknown>, severity: AlertSeverity, state: AlertState, value: number, activeAt: string, updatedAt: string }>, kpis: Array<{ __typename?: 'Kpi', name: string, value?: number | null, target: number, goal: KpiGoal, unit: string, status: KpiStatus }> };

export type DashboardAlertFragment = { __typename?: 'Alert', id: string, rule: string, labels: Record<string, unknown>, severity: AlertSeverity, state: AlertState, value: number, activeAt: string, updatedAt: string };

export type DashboardAlertUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DashboardAlertUpdatesSubscription = { __typename?: 'Subscription', alertUpdates: { __typename?: 'AlertUpdate', alert: { __typename?: 'Alert', id: string, rule: string, labels: Record<string, unknown>, severity: AlertSeverity, state: AlertState, value: number, activeAt: string, updatedAt: string } } };

export type DashboardForecastQueryVariables = Exact<{
  metric: Scalars['String']['input'];
  horizon: Scalars['Int']['input'];
  step: Scalars['Int']['input'];
}>;


export type DashboardForecastQuery = { __typename?: 'Query', forecast: Array<{ __typename?: 'SeriesForecastResult', labels: Record<string, unknown>, method: ForecastMethod, historyPoints: number, points: Array<{ __typename?: 'ForecastPoint', at: string, value: number, lower: number, upper: number }> }> };

export type OrganizationQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationQuery = { __typename?: 'Query', departments: Array<{ __typename?: 'Department', id: string, slug: string, name: string, agents: Array<{ __typename?: 'Agent', id: string, name: string, role: AgentRole, status: AgentStatus }> }> };

export type CreateProposalMutationVariables = Exact<{
  input: CreateProposalInput;
}>;


export type CreateProposalMutation = { __typename?: 'Mutation', createProposal: { __typename?: 'Proposal', id: string, status: ProposalStatus } };

export type OpenDraftMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OpenDraftMutation = { __typename?: 'Mutation', openProposal: { __typename?: 'Proposal', id: string, status: ProposalStatus, threshold?: number | null, thresholdExplanation?: string | null, stakeholders: Array<{ __typename?: 'Stakeholder', weight: number, why: string, agent: { __typename?: 'Agent', id: string, name: string } }> } };

export type OpenProposalMutationVariables = Exact<{
  input: OpenProposalInput;
}>;


export type OpenProposalMutation = { __typename?: 'Mutation', openProposal: { __typename?: 'Proposal', id: string, title: string, status: ProposalStatus, stakeholders: Array<{ __typename?: 'Stakeholder', id: string }> } };

export type CastVoteMutationVariables = Exact<{
  input: CastVoteInput;
}>;


export type CastVoteMutation = { __typename?: 'Mutation', castVote: { __typename?: 'Vote', id: string, choice?: VoteChoice | null, confidence?: number | null } };

export type VoteTallySubscriptionVariables = Exact<{
  proposalId: Scalars['ID']['input'];
}>;


export type VoteTallySubscription = { __typename?: 'Subscription', voteTally: { __typename?: 'VoteTally', proposalId: string, round: number, blind: boolean, weightVoted: number, approve?: number | null, reject?: number | null, abstain?: number | null, votesCounted: number, stakeholders: number, participation: number, support?: number | null, lastVote?: { __typename?: 'Vote', choice?: VoteChoice | null, agent?: { __typename?: 'Agent', name: string, role: AgentRole, department: { __typename?: 'Department', name: string } } | null } | null } };

export const DashboardTallyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardTally"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VoteTally"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposalId"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"blind"}},{"kind":"Field","name":{"kind":"Name","value":"approve"}},{"kind":"Field","name":{"kind":"Name","value":"reject"}},{"kind":"Field","name":{"kind":"Name","value":"abstain"}},{"kind":"Field","name":{"kind":"Name","value":"votesCounted"}},{"kind":"Field","name":{"kind":"Name","value":"stakeholders"}},{"kind":"Field","name":{"kind":"Name","value":"participation"}},{"kind":"Field","name":{"kind":"Name","value":"weightVoted"}},{"kind":"Field","name":{"kind":"Name","value":"support"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"interval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}}]}}]}}]} as unknown as DocumentNode<DashboardTallyFragment, unknown>;
export const DashboardAlertFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardAlert"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Alert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"activeAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<DashboardAlertFragment, unknown>;
export const DashboardOrganizationDocument = {"__meta__":{"hash":"f1a3cc1470abc133c610215d38615a608b7568a7f46974bff5605802d65c8b5b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hub"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"position"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"position"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"position"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardOrganizationQuery, DashboardOrganizationQueryVariables>;
export const DashboardAgentActivityDocument = {"__meta__":{"hash":"9fd1b5b40c223d02921c6aaeac9f3a2610893ab099fcf110d890143e34945391"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DashboardAgentActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agentActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"currentTask"}},{"kind":"Field","name":{"kind":"Name","value":"load"}}]}}]}}]} as unknown as DocumentNode<DashboardAgentActivitySubscription, DashboardAgentActivitySubscriptionVariables>;
export const DashboardAgentDocument = {"__meta__":{"hash":"d4bb93cac610bb725264e37be446979134c1a7ee69b49d6e0cced8cd79f3b943"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardAgent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"currentTask"}},{"kind":"Field","name":{"kind":"Name","value":"load"}},{"kind":"Field","name":{"kind":"Name","value":"budgetUsedUsd"}},{"kind":"Field","name":{"kind":"Name","value":"stateUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"agentInbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"agentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"assigneeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardAgentQuery, DashboardAgentQueryVariables>;
export const DashboardPauseAgentDocument = {"__meta__":{"hash":"5dac4f0407e14cd9fef6827ac23e221dcba7236d8de642e31ce5fa87ccd340e8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DashboardPauseAgent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pauseAgent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<DashboardPauseAgentMutation, DashboardPauseAgentMutationVariables>;
export const DashboardResumeAgentDocument = {"__meta__":{"hash":"c87cc8fb79fecfc5cb2ee6416a850bdbd3f7212fdefaf17d527adcfdd60f2a04"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DashboardResumeAgent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resumeAgent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<DashboardResumeAgentMutation, DashboardResumeAgentMutationVariables>;
export const DashboardProposalsDocument = {"__meta__":{"hash":"31e093ec5b5b13e00ea06c3bd1798c4cb2e5201baf9542af5d3bdbc84319e068"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardProposals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProposalStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"currentRound"}},{"kind":"Field","name":{"kind":"Name","value":"maxRounds"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardProposalsQuery, DashboardProposalsQueryVariables>;
export const DashboardProposalDocument = {"__meta__":{"hash":"eece9cb1abd99e1f1870c07f185a15898af96d39e2d8eda3b06c3d8af484d962"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"currentRound"}},{"kind":"Field","name":{"kind":"Name","value":"maxRounds"}},{"kind":"Field","name":{"kind":"Name","value":"roundSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"thresholdExplanation"}},{"kind":"Field","name":{"kind":"Name","value":"ledgerHead"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stakeholders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"why"}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedBecause"}},{"kind":"Field","name":{"kind":"Name","value":"support"}},{"kind":"Field","name":{"kind":"Name","value":"participation"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"interval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"support"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"interval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"biasReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}},{"kind":"Field","name":{"kind":"Name","value":"mitigation"}},{"kind":"Field","name":{"kind":"Name","value":"round"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tally"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardTally"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"verifyLedger"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"proposalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"entries"}},{"kind":"Field","name":{"kind":"Name","value":"head"}},{"kind":"Field","name":{"kind":"Name","value":"problem"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardTally"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VoteTally"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposalId"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"blind"}},{"kind":"Field","name":{"kind":"Name","value":"approve"}},{"kind":"Field","name":{"kind":"Name","value":"reject"}},{"kind":"Field","name":{"kind":"Name","value":"abstain"}},{"kind":"Field","name":{"kind":"Name","value":"votesCounted"}},{"kind":"Field","name":{"kind":"Name","value":"stakeholders"}},{"kind":"Field","name":{"kind":"Name","value":"participation"}},{"kind":"Field","name":{"kind":"Name","value":"weightVoted"}},{"kind":"Field","name":{"kind":"Name","value":"support"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"interval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}}]}}]}}]} as unknown as DocumentNode<DashboardProposalQuery, DashboardProposalQueryVariables>;
export const DashboardVoteTallyDocument = {"__meta__":{"hash":"d537c6267468281f11efe346c561a80b03d4d821c178405ed6ac3cbb239f165b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DashboardVoteTally"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"proposalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voteTally"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"proposalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"proposalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardTally"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardTally"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VoteTally"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposalId"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"blind"}},{"kind":"Field","name":{"kind":"Name","value":"approve"}},{"kind":"Field","name":{"kind":"Name","value":"reject"}},{"kind":"Field","name":{"kind":"Name","value":"abstain"}},{"kind":"Field","name":{"kind":"Name","value":"votesCounted"}},{"kind":"Field","name":{"kind":"Name","value":"stakeholders"}},{"kind":"Field","name":{"kind":"Name","value":"participation"}},{"kind":"Field","name":{"kind":"Name","value":"weightVoted"}},{"kind":"Field","name":{"kind":"Name","value":"support"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"interval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}}]}}]}}]} as unknown as DocumentNode<DashboardVoteTallySubscription, DashboardVoteTallySubscriptionVariables>;
export const DashboardProposalUpdatesDocument = {"__meta__":{"hash":"f6328fc927ed884240d0d355b04eb02f04f750019f73d2fdc9afa812bc008aa8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DashboardProposalUpdates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"proposalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposalUpdates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"proposalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"proposalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"round"}}]}}]}}]} as unknown as DocumentNode<DashboardProposalUpdatesSubscription, DashboardProposalUpdatesSubscriptionVariables>;
export const DashboardRoutingStatsDocument = {"__meta__":{"hash":"682f84cd5faa4928bfbddf67cd3a01a0d19dd935de75a5a9acb1d60781d914d2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardRoutingStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"routingStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"taskType"}},{"kind":"Field","name":{"kind":"Name","value":"calls"}},{"kind":"Field","name":{"kind":"Name","value":"errorRate"}},{"kind":"Field","name":{"kind":"Name","value":"meanQuality"}},{"kind":"Field","name":{"kind":"Name","value":"latencyP95Ms"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}}]}}]}}]} as unknown as DocumentNode<DashboardRoutingStatsQuery, DashboardRoutingStatsQueryVariables>;
export const DashboardRouterSelectionsDocument = {"__meta__":{"hash":"9bbe2ef951b6cb864b38b702bff49204f8258fb1dd1956c6383e7c5b896b4c04"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DashboardRouterSelections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"routerSelections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"taskType"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"reasoning"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}}]}}]}}]} as unknown as DocumentNode<DashboardRouterSelectionsSubscription, DashboardRouterSelectionsSubscriptionVariables>;
export const DashboardAlertsDocument = {"__meta__":{"hash":"318c3aab6862c2271d9e41e8f75fa2ceb16241b59125e4713424655ce82d8231"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardAlerts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardAlert"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kpis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"goal"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardAlert"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Alert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"activeAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<DashboardAlertsQuery, DashboardAlertsQueryVariables>;
export const DashboardAlertUpdatesDocument = {"__meta__":{"hash":"4ff093c25121a55ca84a6e2967cd873c0c800596ff27e31dddc56e0179a93ee3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DashboardAlertUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alertUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alert"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardAlert"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardAlert"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Alert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"activeAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<DashboardAlertUpdatesSubscription, DashboardAlertUpdatesSubscriptionVariables>;
export const DashboardForecastDocument = {"__meta__":{"hash":"64eaa4e9e01965aafae608425ad76206b43e27b5de0408ab0a07016f46658ec5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardForecast"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"metric"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"horizon"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"step"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forecast"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"metric"},"value":{"kind":"Variable","name":{"kind":"Name","value":"metric"}}},{"kind":"Argument","name":{"kind":"Name","value":"horizon"},"value":{"kind":"Variable","name":{"kind":"Name","value":"horizon"}}},{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"Variable","name":{"kind":"Name","value":"step"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"historyPoints"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardForecastQuery, DashboardForecastQueryVariables>;
export const OrganizationDocument = {"__meta__":{"hash":"e70ce9584f0a595366110bffb6033c487b7048bc9b2d3a67a4b742d324d8e405"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"agents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationQuery, OrganizationQueryVariables>;
export const CreateProposalDocument = {"__meta__":{"hash":"d7ad6ab124a46e735ad31a53c039756ccd37f7c9f86401c2902a8af3b8cd239a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProposalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CreateProposalMutation, CreateProposalMutationVariables>;
export const OpenDraftDocument = {"__meta__":{"hash":"b8cf4ae17e5de194b5a4fff1fcdec4be2c14ffa3a514b8ac685506df73448d5d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenDraft"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"thresholdExplanation"}},{"kind":"Field","name":{"kind":"Name","value":"stakeholders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"why"}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OpenDraftMutation, OpenDraftMutationVariables>;
export const OpenProposalDocument = {"__meta__":{"hash":"580e3c153053777d728bc844fe6040235fa0a668dd7dfdc9287c191a8c7c659a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenProposalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stakeholders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<OpenProposalMutation, OpenProposalMutationVariables>;
export const CastVoteDocument = {"__meta__":{"hash":"02e9f771429bde472430d82942123db32044424f4cda28b71b4785937859e9a8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CastVote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CastVoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"castVote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"choice"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}}]}}]}}]} as unknown as DocumentNode<CastVoteMutation, CastVoteMutationVariables>;
export const VoteTallyDocument = {"__meta__":{"hash":"271d4e88f28dce33129acc1de41fd2c0d9ff9158ed1eaf165ae81872b72c982f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"VoteTally"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"proposalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voteTally"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"proposalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"proposalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposalId"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"blind"}},{"kind":"Field","name":{"kind":"Name","value":"weightVoted"}},{"kind":"Field","name":{"kind":"Name","value":"approve"}},{"kind":"Field","name":{"kind":"Name","value":"reject"}},{"kind":"Field","name":{"kind":"Name","value":"abstain"}},{"kind":"Field","name":{"kind":"Name","value":"votesCounted"}},{"kind":"Field","name":{"kind":"Name","value":"stakeholders"}},{"kind":"Field","name":{"kind":"Name","value":"participation"}},{"kind":"Field","name":{"kind":"Name","value":"support"}},{"kind":"Field","name":{"kind":"Name","value":"lastVote"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"choice"}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<VoteTallySubscription, VoteTallySubscriptionVariables>;