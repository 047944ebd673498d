import {
  BadInputError,
  ForbiddenError,
  Role,
  requireAuthenticated,
  type Principal,
} from '@daena/platform';

export const VoteChoice = {
  APPROVE: 'APPROVE',
  REJECT: 'REJECT',
  ABSTAIN: 'ABSTAIN',
} as const;
export type VoteChoice = (typeof VoteChoice)[keyof typeof VoteChoice];

/** Every vote is first-round until the CMP issue adds further rounds. */
export const firstRound = 1;

/** Limits of the issue "Foundation"; the migration's check constraints repeat them. */
export const voteLimits = { rationaleMax: 2_000, defaultConfidence: 1 } as const;

export interface VoteRequest {
  proposalId: string;
  agentId: string;
  choice: VoteChoice;
  confidence?: number | null | undefined;
  rationale?: string | null | undefined;
}

export interface Ballot {
  proposalId: string;
  agentId: string;
  round: number;
  choice: VoteChoice;
  confidence: number;
  rationale: string | null;
}

/** Admins vote for any agent (operators, replays); an `agent` token only as itself. */
export function assertMayVoteAs(principal: Principal, agentId: string): void {
  requireAuthenticated(principal);
  if (principal.roles.includes(Role.ADMIN)) return;
  if (principal.roles.includes(Role.AGENT) && principal.sub === agentId) return;
  throw new ForbiddenError(
    'Only the agent itself (role agent, sub = agentId) or an admin casts its vote',
    'NOT_THIS_AGENT',
  );
}

/** Checks and normalizes a vote; the same request always yields the same ballot (idempotency). */
export function validateVoteRequest(request: VoteRequest): Ballot {
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
  return {
    proposalId: request.proposalId,
    agentId: request.agentId,
    round: firstRound,
    choice: request.choice,
    confidence,
    rationale,
  };
}

/** Only the agents snapshotted as stakeholders when the proposal opened may vote on it. */
export function assertStakeholder(stakeholderIds: readonly string[], agentId: string): void {
  if (!stakeholderIds.includes(agentId)) {
    throw new ForbiddenError(`Agent ${agentId} is not a stakeholder`, 'NOT_A_STAKEHOLDER');
  }
}
