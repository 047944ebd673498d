import { randomUUID } from 'node:crypto';
import { Events, NotFoundError, Role, requireRole } from '@daena/platform';
import {
  assertMayOpenProposalIn,
  selectStakeholders,
  validateProposalRequest,
  type ProposalRequest,
} from '../domain/proposal.js';
import { publishCommitted } from '../events/publish-committed.js';
import type { DecisionsContext } from '../schema/context.js';
import { runInTransaction } from '../store/decision-transaction.js';
import type { ProposalRecord } from '../store/entities.js';

/**
 * Opens a proposal with the department's current agents as its stakeholders. Every check (role,
 * input, department, stakeholders) runs before the one transaction that writes.
 */
export async function openProposal(
  ctx: DecisionsContext,
  request: ProposalRequest,
): Promise<ProposalRecord> {
  const { principal, runtime } = ctx;
  requireRole(principal, Role.EXECUTIVE, Role.DEPARTMENT_LEAD);
  const draft = validateProposalRequest(request, runtime.now());
  const department = await runtime.agents.department(draft.departmentId, principal.token);
  if (!department) throw new NotFoundError('Department', draft.departmentId);
  assertMayOpenProposalIn(principal, department.slug);
  const stakeholders = selectStakeholders(department.agentIds);

  const proposal = await runInTransaction(ctx.em, (tx) =>
    tx.insertProposal(
      { ...draft, id: randomUUID(), createdBy: principal.sub as string },
      stakeholders,
    ),
  );
  ctx.afterWrite();
  runtime.log.info(
    {
      proposalId: proposal.id,
      departmentId: proposal.departmentId,
      stakeholders: stakeholders.length,
    },
    'proposal opened',
  );
  await publishCommitted(
    runtime,
    Events.proposalOpened.create({
      proposalId: proposal.id,
      status: proposal.status,
      departmentId: proposal.departmentId,
    }),
  );
  return proposal;
}
