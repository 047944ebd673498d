import { ConflictError, NotFoundError, Role, requireRole } from '@daena/platform';
import type { Outcome } from '../domain/cmp/contracts.js';
import { isClosed, validateReason } from '../domain/proposal.js';
import type { DecisionsContext } from '../request/context.js';
import { runInTransaction } from '../store/decision-transaction.js';
import type { ProposalRecord } from '../store/records.js';

/**
 * Stores what really happened after a closed proposal (APPROVE: approving was right; REJECT:
 * rejecting was), once. It becomes the ground truth of the track records (`estimateTrackRecords`)
 * and of the kind's regret rate (`computeThreshold`) of proposals opened later. Recording the same
 * outcome again changes nothing; a different one is a CONFLICT.
 */
export async function recordOutcome(
  ctx: DecisionsContext,
  proposalId: string,
  outcome: Outcome,
  note: string | null | undefined,
): Promise<ProposalRecord> {
  const { principal } = ctx;
  requireRole(principal, Role.EXECUTIVE);
  const text = validateReason(note, false);
  const proposal = await runInTransaction(ctx.em, ctx.runtime.jobs, async (tx) => {
    const locked = await tx.proposals.lock(proposalId);
    if (!locked) throw new NotFoundError('Proposal', proposalId);
    if (!isClosed(locked.status) || locked.currentRound === 0) {
      throw new ConflictError(
        `Proposal ${proposalId} is ${locked.status}: only a voted-on, closed proposal has an outcome`,
        'NOT_DECIDED',
        { status: locked.status },
      );
    }
    if (await tx.outcomes.record(locked.id, outcome, text, principal.sub as string)) return locked;
    const stored = await tx.outcomes.find(locked.id);
    if (stored?.outcome !== outcome) {
      throw new ConflictError(
        `Proposal ${proposalId}'s outcome is already recorded as ${stored?.outcome}`,
        'OUTCOME_ALREADY_RECORDED',
        { outcome: stored?.outcome },
      );
    }
    return locked;
  });
  ctx.afterWrite();
  ctx.runtime.log.info({ proposalId, outcome }, 'outcome recorded');
  return proposal;
}
