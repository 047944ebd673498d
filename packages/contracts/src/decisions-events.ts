import { defineEvent } from '@daena/platform/domain';

// Owner: the decisions subgraph (it alone publishes these).

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

/**
 * An executive recorded what really happened after a closed proposal (`recordOutcome`), for the
 * first time: an identical repeat publishes nothing. Metrics counts decision accuracy from it.
 */
export interface OutcomeRecorded {
  proposalId: string;
  /** The proposing department. */
  departmentId: string;
  /** The proposal's kind (STRATEGIC, CROSS_DEPARTMENT …). */
  kind: string;
  /** The status the proposal closed with (ACCEPTED, REJECTED, NO_CONSENSUS, ESCALATED …). */
  status: string;
  /** APPROVE: approving turned out right; REJECT: rejecting did. */
  outcome: string;
  /**
   * Whether the decision the proposal closed with was the right one; null when it closed without
   * a decision (only ACCEPTED and REJECTED are decisions an outcome can confirm or regret).
   */
  correct: boolean | null;
}

export const decisionsEvents = {
  voteCast: defineEvent<VoteTallyChanged>('decisions.vote.cast'),
  proposalOpened: defineEvent<ProposalChanged>('decisions.proposal.opened'),
  proposalClosed: defineEvent<ProposalChanged>('decisions.proposal.closed'),
  proposalTransitioned: defineEvent<ProposalTransitioned>('decisions.proposal.transitioned'),
  outcomeRecorded: defineEvent<OutcomeRecorded>('decisions.outcome.recorded'),
} as const;
