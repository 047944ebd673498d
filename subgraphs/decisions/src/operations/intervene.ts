import { NotFoundError, type Principal } from '@daena/platform';
import { assertMayIntervene, assertTransition } from '../domain/lifecycle.js';
import { ProposalStatus, validateReason, type ClosedStatus } from '../domain/proposal.js';
import type { DecisionsContext } from '../request/context.js';
import { runInTransaction } from '../store/decision-transaction.js';
import type { ProposalRecord } from '../store/records.js';
import { closeRound } from './close-round.js';
import { announce, noEffects } from './effects.js';
import { moveTo } from './lifecycle-steps.js';

export interface Intervention {
  status: ClosedStatus;
  /** e.g. "vetoed by exec-1: …": the stored reason of the transition. */
  reason: string;
  /** Checks the caller against the locked proposal (who may withdraw depends on it). */
  authorize(principal: Principal, proposal: ProposalRecord): void;
}

/**
 * Ends a proposal on a person's word (veto, escalation, withdrawal). An OPEN proposal's current
 * round is closed first, so its figures and bias findings are kept with the reason; a draft
 * simply moves. The transition is stored and announced like any other.
 */
export async function intervene(
  ctx: DecisionsContext,
  proposalId: string,
  intervention: Intervention,
): Promise<ProposalRecord> {
  const { principal } = ctx;
  const by = principal.sub as string;
  const effects = noEffects();
  const ended = await runInTransaction(ctx.em, ctx.runtime.jobs, async (tx) => {
    const proposal = await tx.proposals.lock(proposalId);
    if (!proposal) throw new NotFoundError('Proposal', proposalId);
    intervention.authorize(principal, proposal);
    assertTransition(proposal.status, intervention.status, proposal.id);
    if (proposal.status === ProposalStatus.OPEN) {
      const ending = { status: intervention.status, reason: intervention.reason };
      return closeRound(ctx, tx, proposal, { because: intervention.reason, by, ending }, effects);
    }
    const move = {
      to: intervention.status,
      round: proposal.currentRound,
      by,
      reason: intervention.reason,
    };
    return moveTo(tx, proposal, move, effects);
  });
  ctx.afterWrite();
  await announce(ctx.runtime, effects);
  return ended;
}

/** An executive ends an open proposal with `status` whatever its votes say, giving a reason. */
export function interveneAsExecutive(
  ctx: DecisionsContext,
  proposalId: string,
  reason: string,
  ending: { status: ClosedStatus; verb: string },
): Promise<ProposalRecord> {
  assertMayIntervene(ctx.principal);
  const text = validateReason(reason, true);
  return intervene(ctx, proposalId, {
    status: ending.status,
    reason: `${ending.verb} by ${ctx.principal.sub}: ${text}`,
    authorize: () => {},
  });
}
