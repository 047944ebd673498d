import {
  ConflictError,
  ForbiddenError,
  Role,
  requireAuthenticated,
  type Principal,
} from '@daena/platform/domain';
import type { RoundDecision, RoundResult } from './cmp/contracts.js';
import { supportOf } from './cmp/decide-round.js';
import { ProposalStatus, isClosed, type ClosedStatus } from './proposal.js';

/**
 * The CMP state machine (issue 4):
 *
 *   DRAFT ──open──▶ OPEN ──round closes: NEXT_ROUND──▶ OPEN (round + 1)
 *     │              ├──round closes: ACCEPTED | REJECTED | NO_CONSENSUS
 *     │              ├──round closes, decided on votes flagged for a person──▶ ESCALATED
 *     │              ├──veto (executive)──▶ REJECTED
 *     │              ├──escalate (executive)──▶ ESCALATED (to a person)
 *     │              ├──deadline passed, undecided──▶ EXPIRED
 *     └──withdraw────┴──withdraw (requester, admin)──▶ WITHDRAWN
 *
 * Closed statuses are final. A new round is recorded as the transition OPEN → OPEN.
 */
const allowed: Record<ProposalStatus, readonly ProposalStatus[]> = {
  DRAFT: [ProposalStatus.OPEN, ProposalStatus.WITHDRAWN],
  OPEN: [
    ProposalStatus.OPEN,
    ProposalStatus.ACCEPTED,
    ProposalStatus.REJECTED,
    ProposalStatus.NO_CONSENSUS,
    ProposalStatus.ESCALATED,
    ProposalStatus.WITHDRAWN,
    ProposalStatus.EXPIRED,
  ],
  ACCEPTED: [],
  REJECTED: [],
  NO_CONSENSUS: [],
  ESCALATED: [],
  WITHDRAWN: [],
  EXPIRED: [],
};

/** Who made a transition that no caller asked for (a round closing, a deadline passing). */
export const systemActor = 'system';

/** One stored transition, as the store writes it and `Proposal.transitions` shows it. */
export interface TransitionDraft {
  from: ProposalStatus | null;
  to: ProposalStatus;
  /** The round the proposal is in after the transition (0 for drafts). */
  round: number;
  /** The caller's token subject, or `system`. */
  by: string;
  reason: string | null;
}

/** Throws CONFLICT unless `from → to` is an edge of the state machine. */
export function assertTransition(from: ProposalStatus, to: ProposalStatus, id: string): void {
  if (allowed[from].includes(to)) return;
  throw new ConflictError(
    `Proposal ${id} is ${from} and cannot become ${to}`,
    isClosed(from) ? 'PROPOSAL_CLOSED' : 'INVALID_TRANSITION',
    { status: from },
  );
}

/** Veto and escalation are for executives (and admins, who may do anything). */
export function assertMayIntervene(principal: Principal): void {
  requireAuthenticated(principal);
  if (principal.roles.includes(Role.ADMIN) || principal.roles.includes(Role.EXECUTIVE)) return;
  throw new ForbiddenError('Only an executive vetoes or escalates a proposal', 'ROLE_REQUIRED');
}

/** A proposal is withdrawn by whoever asked for it (or created it), or by an admin. */
export function assertMayWithdraw(
  principal: Principal,
  requester: { subject: string; agentId: string | null; createdBy: string },
): void {
  requireAuthenticated(principal);
  if (principal.roles.includes(Role.ADMIN)) return;
  const own = [requester.subject, requester.agentId, requester.createdBy];
  if (principal.sub !== null && own.includes(principal.sub)) return;
  throw new ForbiddenError('Only the requester or an admin withdraws a proposal', 'NOT_REQUESTER');
}

/** A round waits `roundSeconds`, but never past the proposal's own deadline. */
export function roundDeadline(now: Date, roundSeconds: number, deadline: Date | null): Date {
  const end = now.getTime() + roundSeconds * 1000;
  return new Date(deadline ? Math.min(end, deadline.getTime()) : end);
}

/** What follows a closed round: the final status, or another round. */
export type RoundStep = { next: 'ROUND' } | { next: 'CLOSE'; status: ClosedStatus };

/**
 * The decision of a round becomes the proposal's next step. Past the proposal's deadline nothing
 * undecided goes on: it EXPIRES (a decided round still stands).
 */
export function stepAfterRound(decision: RoundDecision, expired: boolean): RoundStep {
  if (decision === 'ACCEPTED' || decision === 'REJECTED' || decision === 'ESCALATED')
    return { next: 'CLOSE', status: decision };
  if (expired) return { next: 'CLOSE', status: ProposalStatus.EXPIRED };
  if (decision === 'NO_CONSENSUS') return { next: 'CLOSE', status: ProposalStatus.NO_CONSENSUS };
  return { next: 'ROUND' };
}

/** One line a person can check: the round's figures against the threshold, and why it closed. */
export function describeRound(
  round: number,
  result: RoundResult,
  threshold: number,
  because: string,
  findings: number,
): string {
  const f = (x: number) => x.toFixed(2);
  const bias = findings > 0 ? `; ${findings} bias finding${findings === 1 ? '' : 's'}` : '';
  // The stopping rule's figure: P(approving is right) with the accuracies' uncertainty averaged
  // out; a decision's chance of being wrong is 1 − P for an acceptance, P for a rejection.
  const expected =
    result.logOdds === undefined ? '' : `, P(approving right) ${f(supportOf(result))}`;
  return (
    `round ${round} closed (${because}): support ${f(result.support)}, 95% interval ` +
    `${f(result.interval.low)}–${f(result.interval.high)}${expected}, threshold ${f(threshold)}, ` +
    `participation ${f(result.participation)}${bias}`
  );
}
