import { describe, expect, it } from 'vitest';
import {
  agentSlugBase,
  assertDepartmentHasNoOpenWork,
  assertNoOpenWork,
  assertNotRetired,
  assertVersion,
  firstFreeSlug,
  hasOpenWork,
  nextPlace,
  slugify,
  validateName,
  validateSlug,
} from './organization-admin.js';
import { AgentRole, AgentStatus } from './organization.js';

/** The error `run` throws, for asserting its code, reason and details. */
function thrown(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (error) {
    return { ...(error as object) };
  }
  throw new Error('expected an error');
}

describe('slugs', () => {
  it.each(['hr', 'customer-success', 'team-2', 'a', 'x'.repeat(63)])('accepts %j', (slug) =>
    expect(validateSlug(slug)).toBe(slug),
  );

  it.each([
    '',
    'Sales',
    'sales team',
    '-sales',
    'sales-',
    'sales--ops',
    'ventas_ñ',
    'x'.repeat(64),
  ])('refuses %j with INVALID_SLUG', (slug) =>
    expect(thrown(() => validateSlug(slug))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_SLUG',
    }),
  );

  it.each([
    ['Ada Lovelace', 'ada-lovelace'],
    ['  Señor  Data-Scout #2 ', 'senor-data-scout-2'],
    ['Ünïcödé', 'unicode'],
    ['!!!', ''],
    [`${'word '.repeat(20)}`, 'word-'.repeat(12) + 'wor'],
  ])('slugifies %j as %j', (name, slug) => expect(slugify(name)).toBe(slug));

  it('derives an agent slug from its name, else from department and role', () => {
    expect(agentSlugBase('Ada', 'sales', AgentRole.DATA_SCOUT)).toBe('ada');
    expect(agentSlugBase('★', 'sales', AgentRole.DATA_SCOUT)).toBe('sales-data-scout');
  });

  it('numbers a derived slug until it is free, staying within 63 characters', () => {
    expect(firstFreeSlug('ada', new Set())).toBe('ada');
    expect(firstFreeSlug('ada', new Set(['ada', 'ada-2']))).toBe('ada-3');
    const long = 'a'.repeat(63);
    expect(firstFreeSlug(long, new Set([long]))).toBe(`${'a'.repeat(61)}-2`);
  });
});

describe('names', () => {
  it('trims', () => expect(validateName('  Research  ')).toBe('Research'));

  it.each(['', '   ', 'n'.repeat(101), 'tab\there'])('refuses %j with INVALID_NAME', (name) =>
    expect(thrown(() => validateName(name))).toMatchObject({ reason: 'INVALID_NAME' }),
  );
});

describe('places', () => {
  it.each([
    [null, 0],
    [0, 1],
    [7, 8],
  ])('after highest %j comes %i', (highest, next) => expect(nextPlace(highest)).toBe(next));
});

describe('open work', () => {
  const agent = (status: AgentStatus, currentTask: string | null = null) => ({
    id: 'a',
    status,
    currentTask,
  });

  it.each([
    [AgentStatus.IDLE, null, false],
    [AgentStatus.PAUSED, null, false],
    [AgentStatus.ERROR, null, false],
    [AgentStatus.WORKING, null, true],
    [AgentStatus.WAITING_FOR_CONSENSUS, null, true],
    [AgentStatus.PAUSED, 'Draft the plan', true],
  ])('%s with task %j: open work %j', (status, task, open) =>
    expect(hasOpenWork(agent(status, task))).toBe(open),
  );

  it('keeps a busy agent from moving or retiring', () =>
    expect(thrown(() => assertNoOpenWork(agent(AgentStatus.WORKING)))).toMatchObject({
      code: 'CONFLICT',
      reason: 'AGENT_HAS_OPEN_WORK',
      details: { agentId: 'a', status: 'WORKING', hasCurrentTask: false },
    }));

  it('keeps a department with busy agents or open proposals from retiring, naming them', () => {
    const idle = agent(AgentStatus.IDLE);
    expect(() => assertDepartmentHasNoOpenWork('d', [idle], [])).not.toThrow();
    expect(
      thrown(() =>
        assertDepartmentHasNoOpenWork(
          'd',
          [idle, { ...agent(AgentStatus.WORKING), id: 'b' }],
          ['p'],
        ),
      ),
    ).toMatchObject({
      reason: 'DEPARTMENT_HAS_OPEN_WORK',
      details: { busyAgentIds: ['b'], openProposalIds: ['p'] },
    });
  });
});

describe('retirement and versions', () => {
  it('refuses changes to retired rows with a reason per kind', () => {
    const retiredAt = new Date('2026-01-01T00:00:00Z');
    expect(() => assertNotRetired('Agent', { id: 'a', retiredAt: null })).not.toThrow();
    expect(thrown(() => assertNotRetired('Department', { id: 'd', retiredAt }))).toMatchObject({
      reason: 'DEPARTMENT_RETIRED',
      details: { id: 'd', retiredAt: '2026-01-01T00:00:00.000Z' },
    });
    expect(thrown(() => assertNotRetired('Agent', { id: 'a', retiredAt }))).toMatchObject({
      reason: 'AGENT_RETIRED',
    });
  });

  it('refuses a stale version, telling the current one', () => {
    expect(() => assertVersion('Agent', { id: 'a', version: 3 }, 3)).not.toThrow();
    expect(thrown(() => assertVersion('Agent', { id: 'a', version: 3 }, 2))).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
      details: { currentVersion: 3 },
    });
  });
});
