import { DaenaError, Role, type Principal } from '@daena/platform/domain';
import { describe, expect, it } from 'vitest';
import { assertMayReadHub, assertMayReadMessagesOf, assertMaySendAs } from './message-access.js';

const agent = { id: 'finance-scout-id', departmentSlug: 'finance' };
const caller = (roles: Role[], sub: string | null = 'someone', department: string | null = null) =>
  ({ sub, roles, department, token: null }) satisfies Principal;

function outcome(check: () => void): string {
  try {
    check();
    return 'allowed';
  } catch (error) {
    if (error instanceof DaenaError) return error.code;
    throw error;
  }
}

describe('who may send as, and read the messages of, a Finance scout', () => {
  it.each<[string, Principal, string, string]>([
    ['an admin', caller([Role.ADMIN]), 'allowed', 'allowed'],
    ['the scout itself', caller([Role.AGENT], agent.id), 'allowed', 'allowed'],
    ['the Finance lead', caller([Role.DEPARTMENT_LEAD], 'lead', 'finance'), 'allowed', 'allowed'],
    ['an executive', caller([Role.EXECUTIVE]), 'FORBIDDEN', 'allowed'],
    ['another agent', caller([Role.AGENT], 'legal-synthesizer-id'), 'FORBIDDEN', 'FORBIDDEN'],
    ['the Legal lead', caller([Role.DEPARTMENT_LEAD], 'lead', 'legal'), 'FORBIDDEN', 'FORBIDDEN'],
    ['a viewer', caller([Role.VIEWER]), 'FORBIDDEN', 'FORBIDDEN'],
    ['an anonymous caller', caller([], null), 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
  ])('%s: send %s, read %s', (_who, principal, send, read) => {
    expect(outcome(() => assertMaySendAs(principal, agent))).toBe(send);
    expect(outcome(() => assertMayReadMessagesOf(principal, agent))).toBe(read);
  });

  it.each<[string, Principal, string]>([
    ['an admin', caller([Role.ADMIN]), 'allowed'],
    ['an executive', caller([Role.EXECUTIVE]), 'allowed'],
    ['a department lead', caller([Role.DEPARTMENT_LEAD], 'lead', 'finance'), 'FORBIDDEN'],
    ['an anonymous caller', caller([], null), 'UNAUTHENTICATED'],
  ])('the hub is read by %s: %s', (_who, principal, expected) => {
    expect(outcome(() => assertMayReadHub(principal))).toBe(expected);
  });
});
