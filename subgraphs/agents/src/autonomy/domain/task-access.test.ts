import { Role, type Principal } from '@daena/platform/domain';
import { describe, expect, it } from 'vitest';
import { assertMayReadTasksOf, mayReadTasksOf, taskReadScope } from './task-access.js';

const principal = (change: Partial<Principal>): Principal => ({
  sub: 'someone',
  roles: [],
  department: null,
  token: null,
  ...change,
});
const none = { tokenDepartmentId: null, agentDepartmentId: null };

describe('taskReadScope', () => {
  it.each([
    ['an admin', principal({ roles: [Role.ADMIN] }), none, ['finance', 'legal']],
    ['an executive', principal({ roles: [Role.EXECUTIVE] }), none, ['finance', 'legal']],
    [
      'a finance lead',
      principal({ roles: [Role.DEPARTMENT_LEAD], department: 'finance' }),
      { tokenDepartmentId: 'finance', agentDepartmentId: null },
      ['finance'],
    ],
    [
      'a finance agent by its own token',
      principal({ roles: [Role.AGENT] }),
      { tokenDepartmentId: null, agentDepartmentId: 'finance' },
      ['finance'],
    ],
    ['a viewer of no department', principal({ roles: [Role.VIEWER] }), none, []],
    ['an anonymous caller', principal({ sub: null }), { ...none, tokenDepartmentId: 'legal' }, []],
  ])('lets %s read %j', (_who, caller, own, readable) => {
    const scope = taskReadScope(caller, own);
    for (const department of ['finance', 'legal']) {
      expect(mayReadTasksOf(scope, department)).toBe(readable.includes(department));
    }
  });

  it('refuses the rest with FORBIDDEN NOT_IN_DEPARTMENT', () => {
    const scope = taskReadScope(principal({ roles: [Role.VIEWER] }), none);
    expect(() => assertMayReadTasksOf(scope, 'finance')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_IN_DEPARTMENT' }),
    );
  });
});
