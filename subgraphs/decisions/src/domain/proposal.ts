import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  Role,
  type Principal,
} from '@daena/platform';
import { isUuid } from './ids.js';

/**
 * A proposal's life: OPEN while stakeholders vote, then exactly one closed outcome. The full CMP
 * protocol (rounds, thresholds, bias checks) comes later; this is its foundation.
 */
export const ProposalStatus = {
  OPEN: 'OPEN',
  ACCEPTED: 'ACCEPTED',
  REJECTED: 'REJECTED',
  NO_CONSENSUS: 'NO_CONSENSUS',
} as const;
export type ProposalStatus = (typeof ProposalStatus)[keyof typeof ProposalStatus];
export type ClosedStatus = Exclude<ProposalStatus, 'OPEN'>;

/** Limits of the issue "Foundation"; the migration's check constraints repeat them. */
export const proposalLimits = { titleMax: 200, descriptionMax: 10_000 } as const;

export interface ProposalRequest {
  title: string;
  description?: string | null | undefined;
  departmentId: string;
  deadline?: Date | null | undefined;
}

export interface ProposalDraft {
  title: string;
  description: string;
  departmentId: string;
  deadline: Date | null;
}

/** Counts code points, as Postgres `length()` does on UTF-8 text. */
const length = (text: string) => [...text].length;

/** Checks and normalizes what a caller asks to open; `now` is injected for testability. */
export function validateProposalRequest(request: ProposalRequest, now: Date): ProposalDraft {
  const title = request.title.trim();
  if (length(title) < 1 || length(title) > proposalLimits.titleMax) {
    throw new BadInputError(
      `title must have 1 to ${proposalLimits.titleMax} characters`,
      'TITLE_LENGTH',
    );
  }
  const description = request.description ?? '';
  if (length(description) > proposalLimits.descriptionMax) {
    throw new BadInputError(
      `description must have at most ${proposalLimits.descriptionMax} characters`,
      'DESCRIPTION_TOO_LONG',
    );
  }
  if (!isUuid(request.departmentId)) {
    throw new BadInputError('departmentId must be a department id (a UUID)', 'INVALID_ID');
  }
  const deadline = request.deadline ?? null;
  if (deadline && !(deadline.getTime() > now.getTime())) {
    throw new BadInputError('deadline must be in the future', 'DEADLINE_NOT_IN_FUTURE');
  }
  return { title, description, departmentId: request.departmentId, deadline };
}

/** Admins and executives open proposals anywhere; a department lead only in their department. */
export function assertMayOpenProposalIn(principal: Principal, departmentSlug: string): void {
  if (principal.roles.includes(Role.ADMIN) || principal.roles.includes(Role.EXECUTIVE)) return;
  if (principal.roles.includes(Role.DEPARTMENT_LEAD) && principal.department === departmentSlug) {
    return;
  }
  throw new ForbiddenError(
    `A department lead opens proposals only in their own department, not in ${departmentSlug}`,
    'OTHER_DEPARTMENT',
  );
}

/** The stakeholders of a new proposal: the department's agents, deduplicated, at least one. */
export function selectStakeholders(agentIds: readonly string[]): string[] {
  const unique = [...new Set(agentIds)];
  if (unique.length === 0) {
    throw new BadInputError('The department has no agents to vote', 'NO_STAKEHOLDERS');
  }
  return unique;
}

/** Only an OPEN proposal takes votes or closes. */
export function assertOpen<T extends { status: ProposalStatus }>(
  proposal: T | null,
  proposalId: string,
): T {
  if (!proposal) throw new NotFoundError('Proposal', proposalId);
  if (proposal.status !== ProposalStatus.OPEN) {
    throw new ConflictError(`Proposal ${proposalId} is ${proposal.status}`, 'PROPOSAL_CLOSED', {
      status: proposal.status,
    });
  }
  return proposal;
}
