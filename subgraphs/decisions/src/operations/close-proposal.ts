import { Role, requireRole } from '@daena/platform';
import { assertOpen } from '../domain/proposal.js';
import type { DecisionsContext } from '../request/context.js';
import { runInTransaction } from '../store/decision-transaction.js';
import type { ProposalRecord } from '../store/records.js';
import { closeRound } from './close-round.js';
import { announce, noEffects } from './effects.js';

/**
 * An executive closes an open proposal now: its current round closes with the votes cast and its
 * decision is final (no further round): ACCEPTED or REJECTED only if the interval clears the
 * threshold, else NO_CONSENSUS.
 */
export async function closeProposal(
  ctx: DecisionsContext,
  proposalId: string,
): Promise<ProposalRecord> {
  const { principal } = ctx;
  requireRole(principal, Role.EXECUTIVE);
  const effects = noEffects();
  const closed = await runInTransaction(ctx.em, ctx.runtime.jobs, async (tx) => {
    const proposal = assertOpen(await tx.proposals.lock(proposalId), proposalId);
    const close = {
      because: `closed by ${principal.sub}`,
      by: principal.sub as string,
      lastRound: true,
    };
    return closeRound(ctx, tx, proposal, close, effects);
  });
  ctx.afterWrite();
  await announce(ctx.runtime, effects);
  return closed;
}
