import { describe, expect, it } from 'vitest';
import { anonymous, requireAdminOrAgentItself, Role, type Principal } from './principal.js';

const caller = (sub: string, ...roles: Role[]): Principal => ({
  sub,
  roles,
  department: null,
  token: 'token',
});

describe('requireAdminOrAgentItself', () => {
  const agentId = 'agent-1';
  const forbidden = { code: 'FORBIDDEN', reason: 'NOT_THIS_AGENT' };
  const cases: [string, Principal, Record<string, string> | null][] = [
    ['an admin, for any agent', caller('admin-1', Role.ADMIN), null],
    ['the agent itself', caller(agentId, Role.AGENT), null],
    ['another agent', caller('agent-2', Role.AGENT), forbidden],
    ['its id without the agent role', caller(agentId, Role.VIEWER), forbidden],
    ['nobody', anonymous, { code: 'UNAUTHENTICATED' }],
  ];
  it.each(cases)('%s', (_name, principal, refusal) => {
    const check = () => requireAdminOrAgentItself(principal, agentId, 'only the agent itself');
    if (refusal === null) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining(refusal));
  });
});
