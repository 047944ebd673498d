import { anonymous, Role, type Principal } from '@daena/platform/domain';
import { describe, expect, it } from 'vitest';
import {
  assertMayReport,
  maxTaskLength,
  planStateChange,
  validateStateReport,
  type AgentStateReport,
} from './agent-state.js';
import { AgentStatus } from '../../organization/domain/organization.js';

const agentId = '6f1c2a4e-0000-4000-8000-000000000001';
const principal = (roles: Role[], sub = 'someone'): Principal => ({
  sub,
  roles,
  department: 'finance',
  token: 'token',
});
const fails = (code: string, reason?: string) =>
  expect.objectContaining({ code, ...(reason ? { reason } : {}) });

describe('assertMayReport', () => {
  it.each([
    ['an admin', principal([Role.ADMIN]), null],
    ['the agent itself', principal([Role.AGENT], agentId), null],
    ['another agent', principal([Role.AGENT], 'another-agent'), 'FORBIDDEN'],
    ["the agent's department lead", principal([Role.DEPARTMENT_LEAD]), 'FORBIDDEN'],
    ['a viewer whose sub is the id', principal([Role.VIEWER], agentId), 'FORBIDDEN'],
    ['an anonymous caller', anonymous, 'UNAUTHENTICATED'],
  ])('%s → %s', (_who, caller, code) => {
    if (code === null) expect(() => assertMayReport(caller, agentId)).not.toThrow();
    else expect(() => assertMayReport(caller, agentId)).toThrow(fails(code));
  });
});

describe('validateStateReport', () => {
  const longTask = 'x'.repeat(maxTaskLength + 1);
  // 500 emoji are 1,000 UTF-16 units but 500 characters to Postgres: allowed.
  const emojiTask = '🐝'.repeat(maxTaskLength);
  it.each<[string, AgentStateReport, string | null]>([
    ['a full report', { status: 'WORKING', currentTask: 'audit', load: 0.5, spentUsd: 0.02 }, null],
    ['an empty report (a heartbeat)', {}, null],
    ['load of 0', { load: 0 }, null],
    ['load of exactly 1', { load: 1 }, null],
    ['no spend', { spentUsd: 0 }, null],
    ['a task of 500 characters in emoji', { currentTask: emojiTask }, null],
    ['clearing the task', { currentTask: null }, null],
    ['PAUSED as a status', { status: AgentStatus.PAUSED }, 'STATUS_NOT_REPORTABLE'],
    ['load above 1', { load: 1.01 }, 'LOAD_OUT_OF_RANGE'],
    ['negative load', { load: -0.1 }, 'LOAD_OUT_OF_RANGE'],
    ['non-finite load', { load: Number.NaN }, 'LOAD_OUT_OF_RANGE'],
    ['negative spend', { spentUsd: -1 }, 'NEGATIVE_SPEND'],
    ['a task over 500 characters', { currentTask: longTask }, 'TASK_TOO_LONG'],
  ])('%s → %s', (_case, report, reason) => {
    if (reason === null) expect(() => validateStateReport(report)).not.toThrow();
    else expect(() => validateStateReport(report)).toThrow(fails('BAD_USER_INPUT', reason));
  });
});

describe('planStateChange', () => {
  const active = { status: AgentStatus.IDLE, retiredAt: null };
  const paused = { status: AgentStatus.PAUSED, retiredAt: null };
  const retired = { status: AgentStatus.IDLE, retiredAt: new Date('2026-01-01T00:00:00Z') };

  it.each<[string, { status: AgentStatus; retiredAt: Date | null }, AgentStateReport, unknown]>([
    [
      'an active agent starting work',
      active,
      { status: 'WORKING', currentTask: 'audit', load: 0.4, spentUsd: 0.5 },
      { status: 'WORKING', currentTask: 'audit', load: 0.4, spentUsd: 0.5 },
    ],
    ['only the fields named', active, { load: 0.2 }, { load: 0.2, spentUsd: 0 }],
    ['null task clears it', active, { currentTask: null }, { currentTask: null, spentUsd: 0 }],
    ['null status and load change nothing', active, { status: null, load: null }, { spentUsd: 0 }],
    [
      'a paused agent booking spend and load',
      paused,
      { spentUsd: 1.25, load: 0, currentTask: null },
      { spentUsd: 1.25, load: 0, currentTask: null },
    ],
  ])('%s', (_case, current, report, change) => {
    expect(planStateChange(current, report)).toEqual(change);
  });

  it.each<[string, { status: AgentStatus; retiredAt: Date | null }, AgentStateReport, string]>([
    ['a paused agent reported WORKING', paused, { status: 'WORKING' }, 'AGENT_PAUSED'],
    ['a paused agent reported IDLE', paused, { status: 'IDLE' }, 'AGENT_PAUSED'],
    ['a retired agent reporting anything', retired, { load: 0.1 }, 'AGENT_RETIRED'],
    ['a retired agent reporting nothing', retired, {}, 'AGENT_RETIRED'],
  ])('refuses %s (%s)', (_case, current, report, reason) => {
    expect(() => planStateChange(current, report)).toThrow(fails('CONFLICT', reason));
  });
});
