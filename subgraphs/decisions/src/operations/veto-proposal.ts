import { assertMayIntervene } from '../domain/lifecycle.js';
import { ProposalStatus, validateReason } from '../domain/proposal.js';
import type { DecisionsContext } from '../schema/context.js';
import type { ProposalRecord } from '../store/entities.js';
import { intervene } from './intervene.js';

/** An executive rejects an open proposal whatever its votes say, with a reason. */
export function vetoProposal(
  ctx: DecisionsContext,
  proposalId: string,
  reason: string,
): Promise<ProposalRecord> {
  assertMayIntervene(ctx.principal);
  const text = validateReason(reason, true);
  return intervene(ctx, proposalId, {
    status: ProposalStatus.REJECTED,
    reason: `vetoed by ${ctx.principal.sub}: ${text}`,
    authorize: () => {},
  });
}
