import { Events, Role, requireRole } from '@daena/platform';
import { assertOpen } from '../domain/proposal.js';
import { decideOutcome, tallyVotes } from '../domain/tally.js';
import { firstRound } from '../domain/vote.js';
import { publishCommitted } from '../events/publish-committed.js';
import type { DecisionsContext } from '../schema/context.js';
import { runInTransaction } from '../store/decision-transaction.js';
import type { ProposalRecord } from '../store/entities.js';

/** Closes an open proposal with the outcome of its votes (src/domain/tally.ts). */
export async function closeProposal(
  ctx: DecisionsContext,
  proposalId: string,
): Promise<ProposalRecord> {
  const { principal, runtime } = ctx;
  requireRole(principal, Role.EXECUTIVE);

  const closed = await runInTransaction(ctx.em, async (tx) => {
    const proposal = assertOpen(await tx.lockProposal(proposalId), proposalId);
    const [votes, stakeholders] = await Promise.all([
      tx.votesOf(proposal.id, firstRound),
      tx.stakeholderIds(proposal.id),
    ]);
    return tx.closeProposal(proposal.id, decideOutcome(tallyVotes(votes, stakeholders.length)));
  });
  ctx.afterWrite();
  runtime.log.info({ proposalId, status: closed.status }, 'proposal closed');
  await publishCommitted(
    runtime,
    Events.proposalClosed.create({
      proposalId: closed.id,
      status: closed.status,
      departmentId: closed.departmentId,
    }),
  );
  return closed;
}
