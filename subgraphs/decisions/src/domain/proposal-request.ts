import { ForbiddenError, NotFoundError, Role, type Principal } from '@daena/platform/domain';
import type { ProposalFeatures } from './cmp/contracts.js';
import { departmentOfAgent, departmentsNamed, type OrganizationCell } from './electorate.js';
import { assertMayOpenProposalIn, type ProposalDraft } from './proposal.js';

export interface Requester {
  /** A person's token subject, or the requesting agent's id. */
  subject: string;
  agentId: string | null;
}

const people: readonly Role[] = [Role.ADMIN, Role.EXECUTIVE, Role.DEPARTMENT_LEAD];

/**
 * Who may ask for a decision, and who the requester is. People: admins and executives anywhere, a
 * department lead for their own department, on their own behalf or an agent's. Agents: for their
 * own department, as themselves. Every named department must exist (NOT_FOUND otherwise).
 */
export function authorizeRequest(
  principal: Principal & { sub: string },
  organization: readonly OrganizationCell[],
  draft: Pick<ProposalDraft, 'departmentIds' | 'requesterAgentId'>,
): Requester {
  const [proposing] = departmentsNamed(organization, draft.departmentIds);
  if (!proposing) throw new NotFoundError('Department', draft.departmentIds[0] ?? '');
  if (principal.roles.some((role) => people.includes(role))) {
    assertMayOpenProposalIn(principal, proposing.slug);
    const agentId = draft.requesterAgentId;
    if (agentId !== null && !departmentOfAgent(organization, agentId)) {
      throw new NotFoundError('Agent', agentId);
    }
    return { subject: agentId ?? principal.sub, agentId };
  }
  if (draft.requesterAgentId !== null && draft.requesterAgentId !== principal.sub) {
    throw new ForbiddenError('An agent asks for decisions only as itself', 'NOT_THIS_AGENT');
  }
  if (departmentOfAgent(organization, principal.sub)?.id !== proposing.id) {
    throw new ForbiddenError(
      `An agent proposes only for its own department, not ${proposing.slug}`,
      'OTHER_DEPARTMENT',
    );
  }
  return { subject: principal.sub, agentId: principal.sub };
}

/**
 * Who may open a draft: whoever may propose for its department, or its requester or creator
 * (an agent that asked for a decision starts the vote itself).
 */
export function assertMayOpen(
  principal: Principal & { sub: string },
  proposal: { requesterSubject: string; requesterAgentId: string | null; createdBy: string },
  proposingSlug: string,
): void {
  const own = [proposal.requesterSubject, proposal.requesterAgentId, proposal.createdBy];
  if (own.includes(principal.sub)) return;
  if (!principal.roles.some((role) => people.includes(role))) {
    throw new ForbiddenError('Only the requester opens this proposal', 'NOT_REQUESTER');
  }
  assertMayOpenProposalIn(principal, proposingSlug);
}

/** The features CMP reads from a proposal. */
export function featuresOf(proposal: {
  kind: ProposalFeatures['kind'];
  risk: number;
  stakeholderImpact: number;
  urgency: number;
  departmentIds: readonly string[];
}): ProposalFeatures {
  return {
    kind: proposal.kind,
    risk: proposal.risk,
    stakeholderImpact: proposal.stakeholderImpact,
    urgency: proposal.urgency,
    departmentIds: proposal.departmentIds,
  };
}
