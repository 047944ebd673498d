import { ProposalStatus } from '../domain/proposal.js';
import type { DecisionsContext } from '../request/context.js';
import type { ProposalRecord } from '../store/records.js';
import { interveneAsExecutive } from './intervene.js';

/** An executive rejects an open proposal whatever its votes say, with a reason. */
export function vetoProposal(
  ctx: DecisionsContext,
  proposalId: string,
  reason: string,
): Promise<ProposalRecord> {
  return interveneAsExecutive(ctx, proposalId, reason, {
    status: ProposalStatus.REJECTED,
    verb: 'vetoed',
  });
}
