import { anonymous, Role, type Principal } from '@daena/platform/domain';
import { describe, expect, it } from 'vitest';
import { assertMayControl, nextStatus } from './agent-control.js';
import { AgentStatus } from '../../organization/domain/organization.js';

const principal = (roles: Role[], department: string | null = null): Principal => ({
  sub: 'someone',
  roles,
  department,
  token: 'token',
});

describe('nextStatus', () => {
  it.each([
    AgentStatus.IDLE,
    AgentStatus.WORKING,
    AgentStatus.WAITING_FOR_CONSENSUS,
    AgentStatus.ERROR,
    AgentStatus.PAUSED,
  ])('pauses an agent that is %s', (status) =>
    expect(nextStatus(status, 'pause')).toBe(AgentStatus.PAUSED),
  );

  it('resumes a paused agent to IDLE', () =>
    expect(nextStatus(AgentStatus.PAUSED, 'resume')).toBe(AgentStatus.IDLE));

  it('refuses to resume an agent that is not paused', () => {
    expect(() => nextStatus(AgentStatus.WORKING, 'resume')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'AGENT_NOT_PAUSED' }),
    );
  });
});

describe('assertMayControl', () => {
  it.each([
    ['an admin', principal([Role.ADMIN]), null],
    ["the department's lead", principal([Role.DEPARTMENT_LEAD], 'finance'), null],
    ["another department's lead", principal([Role.DEPARTMENT_LEAD], 'legal'), 'FORBIDDEN'],
    ['an executive', principal([Role.EXECUTIVE], 'finance'), 'FORBIDDEN'],
    ['an anonymous caller', anonymous, 'UNAUTHENTICATED'],
  ])('for %s: %s', (_who, caller, code) => {
    const check = () => assertMayControl(caller, 'finance');
    if (code === null) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code }));
  });
});
