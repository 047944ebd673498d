import { ConflictError, NotFoundError, Role, requireRole } from '@daena/platform';
import { Events } from '@daena/contracts';
import type { Outcome } from '../domain/cmp/contracts.js';
import { decidedStatuses, isRegretted, type DecidedStatus } from '../domain/cmp/threshold.js';
import { isClosed, validateReason } from '../domain/proposal.js';
import { publishCommitted } from '../events/publish-committed.js';
import type { DecisionsContext } from '../request/context.js';
import { runInTransaction } from '../store/decision-transaction.js';
import type { ProposalRecord } from '../store/records.js';

/**
 * Stores what really happened after a closed proposal (APPROVE: approving was right; REJECT:
 * rejecting was), once. It becomes the ground truth of the track records (`estimateTrackRecords`)
 * and of the kind's regret rate (`computeThreshold`) of proposals opened later. Recording the same
 * outcome again changes nothing and announces nothing; a different one is a CONFLICT. A new
 * outcome is announced after the commit (`decisions.outcome.recorded`), as the proposal's own
 * transitions are: metrics counts decision accuracy from it.
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
  const { proposal, recorded } = await runInTransaction(ctx.em, ctx.runtime.jobs, async (tx) => {
    const locked = await tx.proposals.lock(proposalId);
    if (!locked) throw new NotFoundError('Proposal', proposalId);
    if (!isClosed(locked.status) || locked.currentRound === 0) {
      throw new ConflictError(
        `Proposal ${proposalId} is ${locked.status}: only a voted-on, closed proposal has an outcome`,
        'NOT_DECIDED',
        { status: locked.status },
      );
    }
    if (await tx.outcomes.record(locked.id, outcome, text, principal.sub as string)) {
      return { proposal: locked, recorded: true };
    }
    const stored = await tx.outcomes.find(locked.id);
    if (stored?.outcome !== outcome) {
      throw new ConflictError(
        `Proposal ${proposalId}'s outcome is already recorded as ${stored?.outcome}`,
        'OUTCOME_ALREADY_RECORDED',
        { outcome: stored?.outcome },
      );
    }
    return { proposal: locked, recorded: false };
  });
  ctx.afterWrite();
  ctx.runtime.log.info({ proposalId, outcome, repeat: !recorded }, 'outcome recorded');
  if (recorded) {
    await publishCommitted(
      ctx.runtime,
      Events.outcomeRecorded.create({
        proposalId: proposal.id,
        departmentId: proposal.departmentId,
        kind: proposal.kind,
        status: proposal.status,
        outcome,
        correct: decisionWasRight(proposal.status, outcome),
      }),
    );
  }
  return proposal;
}

/** Right or regretted by its outcome; null for a proposal that closed without a decision. */
function decisionWasRight(status: string, outcome: Outcome): boolean | null {
  const decided = (decidedStatuses as readonly string[]).includes(status);
  return decided ? !isRegretted(status as DecidedStatus, outcome) : null;
}
