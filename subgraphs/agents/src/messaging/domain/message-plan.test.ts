import { DaenaError } from '@daena/platform/domain';
import { describe, expect, it } from 'vitest';
import { buildMesh } from './message-mesh.js';
import {
  checkSendRequest,
  directPath,
  leavesCell,
  maxMessageBodyLength,
  planDelivery,
  type MessageTopic,
  type SendRequest,
} from './message-plan.js';
import { defaultDepartments, seedAgents } from '../../organization/domain/organization.js';

/** The default organization, ids = slugs; `retired` names agents or departments to retire. */
function defaultMesh(retired: string[] = []) {
  const at = (id: string) => (retired.includes(id) ? new Date('2026-01-01T00:00:00Z') : null);
  return buildMesh(
    defaultDepartments.map((d, ordinal) => ({ id: d.slug, ordinal, retiredAt: at(d.slug) })),
    seedAgents(defaultDepartments).map((a) => ({
      id: a.slug,
      departmentId: a.departmentSlug,
      role: a.role,
      seat: a.seat,
      retiredAt: at(a.slug),
    })),
  );
}

const agent = (slug: string, retiredAt: Date | null = null) => ({
  id: slug,
  departmentId: defaultDepartments.map((d) => d.slug).find((d) => slug.startsWith(`${d}-`)) ?? '',
  retiredAt,
});

function codeOf(run: () => unknown): { code: string; reason: string | undefined } | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DaenaError) return { code: error.code, reason: error.reason };
    throw error;
  }
  return undefined;
}

describe('checkSendRequest: what needs no lookup', () => {
  const valid: SendRequest = { fromAgentId: 'a', topic: 'DIRECT', toAgentId: 'b', body: 'hello' };

  it.each<[string, Partial<SendRequest>, string]>([
    ['an unknown topic', { topic: 'GOSSIP' }, 'UNKNOWN_TOPIC'],
    ['a blank body', { body: ' \n ' }, 'EMPTY_MESSAGE'],
    ['one character too many', { body: 'x'.repeat(maxMessageBodyLength + 1) }, 'MESSAGE_TOO_LARGE'],
    ['too many emoji', { body: '🐝'.repeat(maxMessageBodyLength + 1) }, 'MESSAGE_TOO_LARGE'],
    ['DIRECT without addressee', { toAgentId: null }, 'ADDRESSEE_REQUIRED'],
    ['CELL with an addressee', { topic: 'CELL' }, 'ADDRESSEE_NOT_ALLOWED'],
    ['a message to oneself', { toAgentId: 'a' }, 'CANNOT_MESSAGE_SELF'],
  ])('refuses %s with BAD_USER_INPUT %s', (_case, change, reason) => {
    expect(codeOf(() => checkSendRequest({ ...valid, ...change }))).toEqual({
      code: 'BAD_USER_INPUT',
      reason,
    });
  });

  it.each([
    ['exactly the limit', 'x'.repeat(maxMessageBodyLength)],
    // Postgres counts code points: 4,000 bees are 8,000 UTF-16 units and still fit.
    ['the limit in astral characters', '🐝'.repeat(maxMessageBodyLength)],
  ])('accepts %s', (_case, body) => {
    expect(codeOf(() => checkSendRequest({ ...valid, body }))).toBeUndefined();
  });
});

describe('planDelivery: audience and relays per topic', () => {
  const mesh = defaultMesh();
  const scout = agent('finance-data-scout');
  const plan = (topic: MessageTopic, addressee: ReturnType<typeof agent> | null = null) =>
    planDelivery(mesh, topic, scout, addressee);

  it('DIRECT: the addressee alone, relayed by the Border Agents of a shortest chain', () => {
    expect(plan('DIRECT', agent('legal-synthesizer'))).toMatchObject({
      recipients: ['legal-synthesizer'],
      relays: [
        'finance-border-agent',
        'hr-border-agent',
        'engineering-border-agent',
        'legal-border-agent',
      ],
    });
  });

  it('CELL: the seven other agents of the department, nobody relays', () => {
    const cell = plan('CELL');
    expect(cell.recipients).toHaveLength(7);
    expect(cell.recipients.every((id) => id.startsWith('finance-'))).toBe(true);
    expect(cell.recipients).not.toContain(scout.id);
    expect(cell).toMatchObject({ relays: [], path: null });
  });

  it('RING: every agent of the neighbouring cells, through both sides of each border', () => {
    const ring = plan('RING');
    expect(new Set(ring.recipients.map((id) => id.split('-')[0]))).toEqual(
      new Set(['marketing', 'hr']),
    );
    expect(ring.recipients).toHaveLength(16);
    expect(ring.relays).toEqual([
      'finance-border-agent',
      'marketing-border-agent',
      'hr-border-agent',
    ]);
  });

  it('RADIAL: to the hub out along the spoke, no agent inbox', () => {
    const radial = planDelivery(mesh, 'RADIAL', agent('legal-synthesizer'), null);
    expect(radial).toEqual({
      recipients: [],
      relays: ['legal-border-agent', 'engineering-border-agent'],
      path: [
        { kind: 'SENDER', agentId: 'legal-synthesizer', departmentId: 'legal' },
        { kind: 'BORDER', agentId: 'legal-border-agent', departmentId: 'legal' },
        { kind: 'BORDER', agentId: 'engineering-border-agent', departmentId: 'engineering' },
        { kind: 'HUB', agentId: null, departmentId: null },
      ],
    });
  });

  it('GLOBAL: all 63 other agents, every Border Agent relaying, nearest cells first', () => {
    const global = plan('GLOBAL');
    expect(global.recipients).toHaveLength(63);
    expect(global.relays.slice(0, 3)).toEqual([
      'finance-border-agent',
      'marketing-border-agent',
      'hr-border-agent',
    ]);
    expect(global.relays).toHaveLength(8);
  });

  it('leaves a sending Border Agent out of its own relays', () => {
    const ring = planDelivery(mesh, 'RING', agent('finance-border-agent'), null);
    expect(ring.relays).toEqual(['marketing-border-agent', 'hr-border-agent']);
  });
});

describe('planDelivery: what the organization cannot carry', () => {
  it.each<[string, string[], MessageTopic, string, string | null, string]>([
    [
      'a retired sender',
      ['finance-data-scout'],
      'CELL',
      'finance-data-scout',
      null,
      'AGENT_RETIRED',
    ],
    [
      'a retired addressee',
      ['legal-synthesizer'],
      'DIRECT',
      'finance-data-scout',
      'legal-synthesizer',
      'AGENT_RETIRED',
    ],
    [
      'an addressee in a retired department',
      ['legal'],
      'DIRECT',
      'finance-data-scout',
      'legal-synthesizer',
      'DEPARTMENT_RETIRED',
    ],
    [
      'a cell cut off from the addressee',
      ['engineering-border-agent', 'customer-success-border-agent'],
      'DIRECT',
      'finance-data-scout',
      'legal-synthesizer',
      'NO_ROUTE',
    ],
    [
      'a ring neighbour without a Border Agent',
      ['hr-border-agent'],
      'RING',
      'finance-data-scout',
      null,
      'NO_ROUTE',
    ],
    [
      'a sender cell without a Border Agent',
      ['finance-border-agent'],
      'RADIAL',
      'finance-data-scout',
      null,
      'NO_ROUTE',
    ],
    [
      'any cell out of reach of a GLOBAL message',
      ['legal-border-agent'],
      'GLOBAL',
      'finance-data-scout',
      null,
      'NO_ROUTE',
    ],
  ])('refuses %s with CONFLICT', (_case, retired, topic, from, to, reason) => {
    const mesh = defaultMesh(retired);
    const sender = agent(from, retired.includes(from) ? new Date() : null);
    const addressee = to === null ? null : agent(to, retired.includes(to) ? new Date() : null);
    expect(codeOf(() => planDelivery(mesh, topic, sender, addressee))).toEqual({
      code: 'CONFLICT',
      reason,
    });
  });

  it('refuses a CELL message nobody else in the department would hear', () => {
    const others = seedAgents(defaultDepartments)
      .filter((a) => a.departmentSlug === 'hr' && a.slug !== 'hr-synthesizer')
      .map((a) => a.slug);
    expect(
      codeOf(() => planDelivery(defaultMesh(others), 'CELL', agent('hr-synthesizer'), null)),
    ).toEqual({ code: 'CONFLICT', reason: 'NO_RECIPIENTS' });
  });

  it('directPath refuses a path from an agent to itself', () => {
    const scout = agent('finance-data-scout');
    expect(codeOf(() => directPath(defaultMesh(), scout, scout))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'CANNOT_MESSAGE_SELF',
    });
  });
});

describe('leavesCell', () => {
  const finance = { departmentId: 'finance' };
  const legal = { departmentId: 'legal' };
  it.each([
    ['CELL', finance, null, false],
    ['DIRECT', finance, finance, false],
    ['DIRECT', finance, legal, true],
    ['RING', finance, null, true],
    ['RADIAL', finance, null, true],
    ['GLOBAL', finance, null, true],
  ] as const)('%s from finance to %o: %s', (topic, sender, addressee, expected) => {
    expect(leavesCell(topic as MessageTopic, sender, addressee)).toBe(expected);
  });
});
