import { anonymous, Role, type Principal } from '@daena/platform/domain';
import { describe, expect, it } from 'vitest';
import {
  assertMayDecide,
  assertStatus,
  checkShareable,
  checkShareReason,
  departmentRefOf,
  policyDepartmentOf,
  type ShareState,
} from './share-rules.js';

const principal = (roles: Role[], department: string | null, sub = 'someone'): Principal => ({
  sub,
  roles,
  department,
  token: 'token',
});

const share: ShareState = {
  status: 'PENDING',
  fromDepartmentSlug: 'finance',
  ownerBorderAgentId: 'finance-border',
};

const codeOf = (check: () => void): string | null => {
  try {
    check();
    return null;
  } catch (error) {
    return (error as { reason?: string }).reason ?? 'UNTYPED';
  }
};

describe('who decides a share', () => {
  it.each([
    ['an admin', principal([Role.ADMIN], null), false, null],
    ["the owner's lead", principal([Role.DEPARTMENT_LEAD], 'finance'), false, null],
    [
      "the target's lead",
      principal([Role.DEPARTMENT_LEAD], 'legal'),
      false,
      'SHARE_APPROVER_REQUIRED',
    ],
    ["an owner's agent", principal([Role.AGENT], 'finance'), true, 'SHARE_APPROVER_REQUIRED'],
    [
      "the owner's Border Agent without the policy",
      principal([Role.AGENT], 'finance', 'finance-border'),
      false,
      'SHARE_APPROVER_REQUIRED',
    ],
    [
      "the owner's Border Agent with the policy",
      principal([Role.AGENT], 'finance', 'finance-border'),
      true,
      null,
    ],
    ['an executive', principal([Role.EXECUTIVE], null), true, 'SHARE_APPROVER_REQUIRED'],
    ['nobody', anonymous, true, 'TOKEN_REQUIRED'],
  ])('%s', (_, caller, policy, expected) => {
    expect(codeOf(() => assertMayDecide(caller, share, policy))).toBe(expected);
  });
});

describe('what may be shared', () => {
  it.each([
    ['a CONFIDENTIAL entry to another department', 'CONFIDENTIAL', 'legal', null],
    ['a PUBLIC entry', 'PUBLIC', 'legal', null],
    ['a PERSONAL entry', 'PERSONAL', 'legal', 'PERSONAL_NOT_SHAREABLE'],
    ['to its own department', 'RESTRICTED', 'finance', 'SAME_DEPARTMENT'],
    ['to a blank slug', 'RESTRICTED', ' ', 'DEPARTMENT_SLUG'],
    ['to an oversize slug', 'RESTRICTED', 'x'.repeat(65), 'DEPARTMENT_SLUG'],
  ] as const)('%s', (_, accessLevel, target, expected) => {
    expect(codeOf(() => checkShareable({ accessLevel, departmentSlug: 'finance' }, target))).toBe(
      expected,
    );
  });

  it.each([
    ['a reason', 'Legal reviews it', true, null],
    ['no reason where one is required', undefined, true, 'SHARE_REASON'],
    ['no reason where none is required', undefined, false, null],
    ['a blank reason', '   ', false, 'SHARE_REASON'],
    ['an oversize reason', 'x'.repeat(501), true, 'SHARE_REASON'],
  ])('%s', (_, reason, required, expected) => {
    expect(codeOf(() => checkShareReason(reason, required))).toBe(expected);
  });
});

describe('share states and policies', () => {
  it('decides a share in the one status its decision needs', () => {
    expect(codeOf(() => assertStatus(share, 'PENDING'))).toBeNull();
    expect(codeOf(() => assertStatus({ ...share, status: 'REFUSED' }, 'PENDING'))).toBe(
      'SHARE_NOT_PENDING',
    );
    expect(codeOf(() => assertStatus(share, 'APPROVED'))).toBe('SHARE_NOT_APPROVED');
  });

  it("sets a policy for the lead's own department only", () => {
    expect(policyDepartmentOf(principal([Role.DEPARTMENT_LEAD], 'finance'))).toBe('finance');
    expect(codeOf(() => policyDepartmentOf(principal([Role.ADMIN], null)))).toBe(
      'DEPARTMENT_LEAD_REQUIRED',
    );
    expect(codeOf(() => policyDepartmentOf(principal([Role.AGENT], 'finance')))).toBe(
      'DEPARTMENT_LEAD_REQUIRED',
    );
  });
});

describe('naming the target department', () => {
  it.each([
    ['an id', 'dep-1', undefined, { id: 'dep-1' }],
    ['a slug', undefined, 'legal', { slug: 'legal' }],
  ])('takes %s', (_, id, slug, expected) => {
    expect(departmentRefOf(id, slug)).toEqual(expected);
  });

  it.each([
    ['both', 'dep-1', 'legal', 'ONE_DEPARTMENT_REQUIRED'],
    ['neither', undefined, undefined, 'ONE_DEPARTMENT_REQUIRED'],
    ['a blank id', ' ', undefined, 'DEPARTMENT_ID'],
    ['an oversize id', 'x'.repeat(65), undefined, 'DEPARTMENT_ID'],
  ])('refuses %s', (_, id, slug, reason) => {
    expect(codeOf(() => departmentRefOf(id, slug))).toBe(reason);
  });
});
