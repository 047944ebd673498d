/**
 * The consensus protocol's (CMP) pure building blocks: the types every module of `domain/cmp`
 * shares, so the lifecycle (store, operations, schema) and the math can be written apart.
 * Nothing here does I/O; clocks and randomness are passed in.
 */

/** What a proposal is about: each kind maps to the capability matrix's CMP triggers. */
export const ProposalKind = {
  STRATEGIC: 'STRATEGIC', // major strategic decisions → Strategic Advisors
  BRAND: 'BRAND', // brand direction changes → Creative Advisors
  RESOURCE_ALLOCATION: 'RESOURCE_ALLOCATION', // above budget limit → Growth Advisors
  DATA_PRIVACY: 'DATA_PRIVACY', // → Data Scouts
  RESEARCH_METHOD: 'RESEARCH_METHOD', // research methodology changes → Research Scouts
  CROSS_DEPARTMENT: 'CROSS_DEPARTMENT', // cross-department conflicts → Synthesizers
  QUALITY: 'QUALITY', // quality threshold breaches → Execution Agents
  DISPUTE: 'DISPUTE', // inter-department disputes → Border Agents
} as const;
export type ProposalKind = (typeof ProposalKind)[keyof typeof ProposalKind];

/** The features the threshold and the stakeholder set follow from; each in [0, 1]. */
export interface ProposalFeatures {
  kind: ProposalKind;
  risk: number;
  stakeholderImpact: number;
  urgency: number;
  /** Departments the decision affects (the proposing department first). */
  departmentIds: readonly string[];
}

/** How past decisions of this kind turned out (from recorded outcomes): `kindHistoryOf`. */
export interface KindHistory {
  decided: number;
  /** Decisions of this kind whose recorded outcome went against the decision. */
  regretted: number;
}

export interface ThresholdTerm {
  name: string;
  /** The input (e.g. risk 0.8). */
  value: number;
  /** What it adds to (or takes from) the required support. */
  contribution: number;
}

export interface Threshold {
  /** Required weighted support in (0.5, 1). */
  value: number;
  terms: ThresholdTerm[];
  /** One human-readable sentence per term, e.g. "risk 0.80 adds 0.12". */
  explanation: string;
}

/** How a stakeholder votes; registered in the schema as VoteChoice (agents reads it from there). */
export const VoteChoice = {
  APPROVE: 'APPROVE',
  REJECT: 'REJECT',
  ABSTAIN: 'ABSTAIN',
} as const;
export type VoteChoice = (typeof VoteChoice)[keyof typeof VoteChoice];
export type Outcome = 'APPROVE' | 'REJECT';

/** An agent as CMP sees it (from the agents subgraph, snapshotted at open). */
export interface Voter {
  agentId: string;
  role: string;
  departmentId: string;
}

/** An accuracy estimate and what it rests on. */
export interface AccuracyEstimate {
  /** Estimated probability the agent votes for the right outcome (0–1). */
  accuracy: number;
  /**
   * Outcomes the estimate rests on: each vote on a decision with a recorded outcome counts 1, a
   * vote on one without counts |2q − 1| for q the EM's posterior of its outcome.
   */
  evidence: number;
}

/** One agent's past: how often its votes matched the (recorded or inferred) outcomes. */
export interface TrackRecord extends AccuracyEstimate {
  agentId: string;
  /**
   * Its accuracy on each kind of proposal it voted on, shrunk toward `accuracy` by how much
   * accuracies differ between kinds across all agents (`track-records.ts`).
   */
  byKind?: Partial<Record<ProposalKind, AccuracyEstimate>>;
}

export interface Stakeholder {
  agentId: string;
  /** Normalised voting weight: the weights of a proposal sum to 1, none above the cap. */
  weight: number;
  /** Why this agent votes and why with this weight (role relevance, department, track record). */
  why: string;
  /**
   * The evidence one full-confidence vote of this agent carries: relevance × log-odds of its
   * track record, before normalising and capping (`posterior-support.ts`). Absent on stakeholders
   * snapshotted before it was stored: they count as an agent without a track record.
   */
  logOdds?: number;
  /** Variance of `logOdds` from the track record's size (`voterEvidence`). */
  logOddsVariance?: number;
  /**
   * The track record's accuracy for this proposal's kind, and the outcomes behind it, snapshotted
   * at open: what the dependence check (`voter-dependence.ts`) expects two independent voters to
   * agree from. Absent: the prior's.
   */
  accuracy?: number;
  accuracyEvidence?: number;
  /**
   * A person's vote (an executive's): it carries its own `logOdds` (the executive prior), outside
   * the agents' weights, so it neither takes part in nor is lowered by the weight cap; `weight` is 0.
   */
  person?: boolean;
}

export interface Ballot {
  agentId: string;
  choice: VoteChoice;
  confidence: number;
  rationale: string | null;
}

export interface RoundResult {
  /**
   * Posterior probability that approving is right given the round's weighted ballots, in [0, 1]
   * (0.5 with no decisive vote); `posterior-support.ts` says how.
   */
  support: number;
  /** 95% interval for `support` from the uncertainty of the voters' estimated accuracies. */
  interval: { low: number; high: number };
  /** support − threshold. */
  margin: number;
  /** Share of stakeholder weight that voted (abstaining counts as taking part). */
  participation: number;
  /** Weighted share of APPROVE among the non-abstaining weight × confidence, in [0, 1]. */
  approvingShare?: number;
  /** Confidence-scaled weight of the APPROVE and REJECT ballots (stakeholder weights sum to 1). */
  decisiveWeight?: number;
  /** L = Σ s·c·ℓ over the decisive ballots, and its variance. */
  logOdds?: number;
  logOddsVariance?: number;
  /**
   * P(approving is right) averaged over the uncertainty of the accuracies, E[σ(L)] (the probit
   * approximation, `posterior-support.ts`): what the stopping rule judges the error by.
   */
  expectedSupport?: number;
  /** Σℓ and Σ Var ℓ of the stakeholders who have not voted: what they could still add. */
  unvoted?: { logOdds: number; variance: number };
  /** The same for every stakeholder voting alike at full confidence: the most a round can reach. */
  unanimous?: { logOdds: number; variance: number };
}

/**
 * ESCALATED: the round would decide, but a finding flagged it for a person (a re-vote was asked
 * for and no round is left to hold it).
 */
export type RoundDecision = 'ACCEPTED' | 'REJECTED' | 'NEXT_ROUND' | 'NO_CONSENSUS' | 'ESCALATED';

export const BiasKind = {
  HERDING: 'HERDING',
  BLOC_VOTING: 'BLOC_VOTING',
  ALWAYS_APPROVE: 'ALWAYS_APPROVE',
  ALWAYS_REJECT: 'ALWAYS_REJECT',
  COPIED_RATIONALE: 'COPIED_RATIONALE',
} as const;
export type BiasKind = (typeof BiasKind)[keyof typeof BiasKind];

export const Mitigation = {
  DOWN_WEIGHT: 'DOWN_WEIGHT',
  REVOTE: 'REVOTE',
  FLAG_FOR_PERSON: 'FLAG_FOR_PERSON',
} as const;
export type Mitigation = (typeof Mitigation)[keyof typeof Mitigation];

export interface BiasFinding {
  kind: BiasKind;
  agentIds: string[];
  /** Evidence a person can check: the statistic, its value, and the cut-off it crossed. */
  evidence: string;
  mitigation: Mitigation;
  /** For DOWN_WEIGHT: the factor applied to each named agent's weight (0–1). */
  weightFactor?: number;
}

/** A vote as the track-record estimator reads it (pass blind round-1 votes: later rounds saw others). */
export interface RecordedVote {
  proposalId: string;
  agentId: string;
  choice: VoteChoice;
  /** The proposal's kind: accuracies are also estimated per kind when it is given. */
  kind?: ProposalKind;
}

/** A ballot of a closed proposal, as bias detection reads an agent's past. */
export interface PastBallot extends Ballot {
  proposalId: string;
  round: number;
  /** The proposal's recorded outcome, null while unknown. */
  outcome: Outcome | null;
  /** The proposal's kind: the dependence check compares voters on proposals of one kind. */
  kind?: ProposalKind;
}
