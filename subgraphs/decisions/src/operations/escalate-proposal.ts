import { ProposalStatus } from '../domain/proposal.js';
import type { DecisionsContext } from '../request/context.js';
import type { ProposalRecord } from '../store/records.js';
import { interveneAsExecutive } from './intervene.js';

/** An executive takes an open proposal out of the agents' hands, to a person, with a reason. */
export function escalateProposal(
  ctx: DecisionsContext,
  proposalId: string,
  reason: string,
): Promise<ProposalRecord> {
  return interveneAsExecutive(ctx, proposalId, reason, {
    status: ProposalStatus.ESCALATED,
    verb: 'escalated',
  });
}
