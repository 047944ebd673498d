import { randomUUID } from 'node:crypto';
import { Role, requireRole, type Principal } from '@daena/platform';
import { authorizeRequest } from '../domain/proposal-request.js';
import {
  ProposalStatus,
  validateProposalRequest,
  type ProposalDraft,
  type ProposalRequest,
} from '../domain/proposal.js';
import type { OrganizationCell } from '../domain/electorate.js';
import type { DecisionsContext } from '../request/context.js';
import { runInTransaction, type DecisionTransaction } from '../store/decision-transaction.js';
import type { ProposalRecord } from '../store/records.js';
import { announce, noEffects, type Effects } from './effects.js';

/** A checked request, with the organization it was checked against. */
export interface AuthorizedRequest {
  draft: ProposalDraft;
  organization: OrganizationCell[];
  requester: { subject: string; agentId: string | null };
  by: string;
}

/** Checks role, input, departments and requester: everything before anything is written. */
export async function authorizeProposal(
  ctx: DecisionsContext,
  request: ProposalRequest,
): Promise<AuthorizedRequest> {
  const { principal, runtime } = ctx;
  requireRole(principal, Role.EXECUTIVE, Role.DEPARTMENT_LEAD, Role.AGENT);
  const caller = principal as Principal & { sub: string };
  const draft = validateProposalRequest(request, runtime.now(), runtime.roundSeconds);
  const organization = await runtime.agents.organization(principal.token);
  const requester = authorizeRequest(caller, organization, draft);
  return { draft, organization, requester, by: caller.sub };
}

/** Inserts the draft and its first transition (none → DRAFT). */
export async function insertDraft(
  tx: DecisionTransaction,
  request: AuthorizedRequest,
  effects: Effects,
): Promise<ProposalRecord> {
  const proposal = await tx.proposals.insertDraft({
    ...request.draft,
    id: randomUUID(),
    createdBy: request.by,
    requesterSubject: request.requester.subject,
    requesterAgentId: request.requester.agentId,
  });
  const transition = await tx.transitions.record(proposal.id, randomUUID(), {
    from: null,
    to: ProposalStatus.DRAFT,
    round: 0,
    by: request.by,
    reason: null,
  });
  effects.transitions.push({ proposal, transition });
  return proposal;
}

/** Creates a DRAFT proposal: nobody votes until it is opened. */
export async function createProposal(
  ctx: DecisionsContext,
  request: ProposalRequest,
): Promise<ProposalRecord> {
  const authorized = await authorizeProposal(ctx, request);
  const effects = noEffects();
  const proposal = await runInTransaction(ctx.em, ctx.runtime.jobs, (tx) =>
    insertDraft(tx, authorized, effects),
  );
  ctx.afterWrite();
  await announce(ctx.runtime, effects);
  return proposal;
}
