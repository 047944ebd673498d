import { assertMayIntervene } from '../domain/lifecycle.js';
import { ProposalStatus, validateReason } from '../domain/proposal.js';
import type { DecisionsContext } from '../schema/context.js';
import type { ProposalRecord } from '../store/entities.js';
import { intervene } from './intervene.js';

/** An executive takes an open proposal out of the agents' hands, to a person, with a reason. */
export function escalateProposal(
  ctx: DecisionsContext,
  proposalId: string,
  reason: string,
): Promise<ProposalRecord> {
  assertMayIntervene(ctx.principal);
  const text = validateReason(reason, true);
  return intervene(ctx, proposalId, {
    status: ProposalStatus.ESCALATED,
    reason: `escalated by ${ctx.principal.sub}: ${text}`,
    authorize: () => {},
  });
}
