import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  Role,
  requireAuthenticated,
  type Principal,
} from '@daena/platform/domain';
import type { AccessLevel } from './classification.js';
import { charCount, entryLimits } from './entry-limits.js';

/**
 * Who may share what, and who decides (issue 16 §6). Pure: the operations read the share, the
 * entry and the owner's policy, and these rules say yes or throw a typed error before anything
 * is written.
 */
export type ShareStatus = 'PENDING' | 'APPROVED' | 'REFUSED' | 'REVOKED';

export interface ShareState {
  status: ShareStatus;
  fromDepartmentSlug: string;
  /** Null until the Border Agents carried the request: no Border Agent decides it before. */
  ownerBorderAgentId: string | null;
}

/** A reason is one line: 1 to 500 characters, like an access override's. */
export function checkShareReason(reason: string | null | undefined, required: boolean): void {
  if (reason == null && !required) return;
  const text = reason ?? '';
  const length = charCount(text);
  if (text.trim() === '' || length > entryLimits.noteMaxChars) {
    throw new BadInputError(
      `reason must have 1 to ${entryLimits.noteMaxChars} characters and not be blank`,
      'SHARE_REASON',
      { field: 'reason', max: entryLimits.noteMaxChars },
    );
  }
}

/**
 * The department a share is for, as the caller names it: by id (the agents subgraph's Department
 * id, as issue 16 names it) or by slug (how knowledge keys departments), exactly one.
 */
export type DepartmentRef = { id: string } | { slug: string };

export function departmentRefOf(
  id: string | null | undefined,
  slug: string | null | undefined,
): DepartmentRef {
  if ((id == null) === (slug == null)) {
    throw new BadInputError(
      'Name the department by departmentId or by departmentSlug, exactly one',
      'ONE_DEPARTMENT_REQUIRED',
      { fields: ['departmentId', 'departmentSlug'] },
    );
  }
  if (id != null) {
    if (id.trim() === '' || charCount(id) > entryLimits.slugMaxChars) {
      throw new BadInputError(
        `departmentId has 1 to ${entryLimits.slugMaxChars} characters`,
        'DEPARTMENT_ID',
        { field: 'departmentId', max: entryLimits.slugMaxChars },
      );
    }
    return { id };
  }
  return { slug: slug ?? '' };
}

/** The target must be another department, named by a slug; PERSONAL entries never leave. */
export function checkShareable(
  entry: { accessLevel: AccessLevel; departmentSlug: string },
  targetSlug: string,
): void {
  if (targetSlug.trim() === '' || charCount(targetSlug) > entryLimits.slugMaxChars) {
    throw new BadInputError(
      `departmentSlug has 1 to ${entryLimits.slugMaxChars} characters`,
      'DEPARTMENT_SLUG',
      { field: 'departmentSlug', max: entryLimits.slugMaxChars },
    );
  }
  if (entry.accessLevel === 'PERSONAL') {
    throw new BadInputError('PERSONAL entries are never shared', 'PERSONAL_NOT_SHAREABLE', {
      field: 'entryId',
    });
  }
  if (entry.departmentSlug === targetSlug) {
    throw new BadInputError('The entry already belongs to that department', 'SAME_DEPARTMENT', {
      field: 'departmentSlug',
    });
  }
}

/**
 * Approving, refusing and revoking: admins, the owning department's lead, and the owning
 * department's Border Agent (an agent token naming it) when the owner's policy lets it.
 */
export function assertMayDecide(
  principal: Principal,
  share: ShareState,
  borderAgentApproves: boolean,
): void {
  requireAuthenticated(principal);
  const { roles, department, sub } = principal;
  const ownLead = roles.includes(Role.DEPARTMENT_LEAD) && department === share.fromDepartmentSlug;
  const ownBorderAgent =
    borderAgentApproves &&
    roles.includes(Role.AGENT) &&
    share.ownerBorderAgentId !== null &&
    sub === share.ownerBorderAgentId;
  if (roles.includes(Role.ADMIN) || ownLead || ownBorderAgent) return;
  throw new ForbiddenError(
    `Only ${share.fromDepartmentSlug}'s lead${borderAgentApproves ? ' or Border Agent' : ''} may decide this share`,
    'SHARE_APPROVER_REQUIRED',
  );
}

/** A decision applies to a share in one status only (CONFLICT otherwise). */
export function assertStatus(share: ShareState, expected: ShareStatus): void {
  if (share.status === expected) return;
  throw new ConflictError(
    `The share is ${share.status}; this needs it ${expected}`,
    `SHARE_NOT_${expected}`,
    { status: share.status },
  );
}

/** A department's sharing policy is set by its lead, for its own department. */
export function policyDepartmentOf(principal: Principal): string {
  requireAuthenticated(principal);
  if (principal.roles.includes(Role.DEPARTMENT_LEAD) && principal.department !== null) {
    return principal.department;
  }
  throw new ForbiddenError(
    "Only a department's lead sets its sharing policy",
    'DEPARTMENT_LEAD_REQUIRED',
  );
}
