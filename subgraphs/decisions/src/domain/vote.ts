import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  Role,
  requireAdminOrAgentItself,
  type Principal,
} from '@daena/platform/domain';
import type { VoteChoice } from './cmp/contracts.js';

/** Round 1 is blind: no voter sees the others' votes before it closes (issue 4). */
export const blindRound = 1;

/** Limits of the issue "Foundation"; the migration's check constraints repeat them. */
const voteLimits = { rationaleMax: 2_000, defaultConfidence: 1 } as const;

export interface VoteRequest {
  proposalId: string;
  agentId: string;
  choice: VoteChoice;
  confidence?: number | null | undefined;
  rationale?: string | null | undefined;
  /** The round the vote is for; the proposal's current round when unset. */
  round?: number | null | undefined;
}

export interface Ballot {
  proposalId: string;
  /** The voter: a stakeholder agent, or the voter id a person got on the proposal. */
  agentId: string;
  round: number;
  choice: VoteChoice;
  confidence: number;
  rationale: string | null;
  /** The executive who cast it; null for an agent's vote. */
  personSubject: string | null;
}

/** A checked vote whose round may still have to be read from the proposal. */
export type ValidVote = Omit<Ballot, 'round'> & { round: number | null };

/** Admins vote for any agent (operators, replays); an `agent` token only as itself. */
export function assertMayVoteAs(principal: Principal, agentId: string): void {
  requireAdminOrAgentItself(
    principal,
    agentId,
    'Only the agent itself (role agent, sub = agentId) or an admin casts its vote',
  );
}

/** Checks and normalizes a vote; the same request always yields the same ballot (idempotency). */
export function validateVoteRequest(request: VoteRequest): ValidVote {
  const confidence = request.confidence ?? voteLimits.defaultConfidence;
  if (!Number.isFinite(confidence) || confidence < 0 || confidence > 1) {
    throw new BadInputError('confidence must be between 0 and 1', 'CONFIDENCE_OUT_OF_RANGE');
  }
  const rationale = request.rationale ?? null;
  if (rationale !== null && [...rationale].length > voteLimits.rationaleMax) {
    throw new BadInputError(
      `rationale must have at most ${voteLimits.rationaleMax} characters`,
      'RATIONALE_TOO_LONG',
    );
  }
  const round = request.round ?? null;
  if (round !== null && (!Number.isInteger(round) || round < 1)) {
    throw new BadInputError('round must be a positive integer', 'ROUND_INVALID');
  }
  return {
    proposalId: request.proposalId,
    agentId: request.agentId,
    round,
    choice: request.choice,
    confidence,
    rationale,
    personSubject: null,
  };
}

/** The same choice, confidence and rationale: sending it again changes nothing. */
export function sameBallot(
  stored: Pick<Ballot, 'choice' | 'confidence' | 'rationale'>,
  vote: Pick<Ballot, 'choice' | 'confidence' | 'rationale'>,
): boolean {
  return (
    stored.choice === vote.choice &&
    stored.confidence === vote.confidence &&
    stored.rationale === vote.rationale
  );
}

/** Votes go to the round being voted on: earlier rounds are closed, later ones not open yet. */
export function assertRoundOpen(currentRound: number, round: number): void {
  if (round < currentRound) {
    throw new ConflictError(
      `Round ${round} is closed; round ${currentRound} is open`,
      'ROUND_CLOSED',
      {
        round,
        currentRound,
      },
    );
  }
  if (round > currentRound) {
    throw new ConflictError(
      `Round ${round} is not open; round ${currentRound} is`,
      'ROUND_NOT_OPEN',
      {
        round,
        currentRound,
      },
    );
  }
}

/** Only the agents snapshotted as stakeholders when the proposal opened may vote on it. */
export function assertStakeholder(stakeholderIds: readonly string[], agentId: string): void {
  if (!stakeholderIds.includes(agentId)) {
    throw new ForbiddenError(`Agent ${agentId} is not a stakeholder`, 'NOT_A_STAKEHOLDER');
  }
}

/**
 * Whether a caller sees a vote's choice, confidence and rationale. A vote of a blind round that is
 * still open is sealed: only its voter (and admins, who operate for agents) can read it.
 */
export function mayReadVote(
  principal: Principal,
  vote: { agentId: string; round: number; personSubject?: string | null },
  proposal: { status: string; currentRound: number },
): boolean {
  const sealed =
    vote.round === blindRound && proposal.status === 'OPEN' && proposal.currentRound === blindRound;
  if (!sealed) return true;
  return (
    principal.roles.includes(Role.ADMIN) || principal.sub === (vote.personSubject ?? vote.agentId)
  );
}
