import { requireAuthenticated } from '@daena/platform';
import { assertMayWithdraw } from '../domain/lifecycle.js';
import { ProposalStatus, validateReason } from '../domain/proposal.js';
import type { DecisionsContext } from '../request/context.js';
import type { ProposalRecord } from '../store/records.js';
import { intervene } from './intervene.js';

/** The requester (or its creator, or an admin) takes back a draft or an open proposal. */
export function withdrawProposal(
  ctx: DecisionsContext,
  proposalId: string,
  reason: string | null | undefined,
): Promise<ProposalRecord> {
  requireAuthenticated(ctx.principal);
  const text = validateReason(reason, false);
  return intervene(ctx, proposalId, {
    status: ProposalStatus.WITHDRAWN,
    reason: `withdrawn by ${ctx.principal.sub}${text ? `: ${text}` : ''}`,
    authorize: (principal, proposal) =>
      assertMayWithdraw(principal, {
        subject: proposal.requesterSubject,
        agentId: proposal.requesterAgentId,
        createdBy: proposal.createdBy,
      }),
  });
}
