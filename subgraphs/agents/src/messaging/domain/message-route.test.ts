import { describe, expect, it } from 'vitest';
import { buildMesh, type MeshAgent } from './message-mesh.js';
import { departmentPath, directHops, hubPath, type Hop } from './message-route.js';
import {
  AgentRole,
  defaultDepartments,
  seedAgents,
} from '../../organization/domain/organization.js';

/**
 * The default honeycomb, ids = slugs. Cells (q, r): engineering (-1,1), product (0,1), sales
 * (1,0), marketing (1,-1), finance (0,-1), hr (-1,0) around the hub; legal (-2,2) and
 * customer-success (-1,2) in ring 2.
 */
function defaultMesh(
  change: { retireAgents?: string[]; retireDepartments?: string[]; hire?: MeshAgent[] } = {},
) {
  const retired = new Date('2026-01-01T00:00:00Z');
  const departments = defaultDepartments.map((d, ordinal) => ({
    id: d.slug,
    ordinal,
    retiredAt: change.retireDepartments?.includes(d.slug) ? retired : null,
  }));
  const agents = seedAgents(defaultDepartments).map((a) => ({
    id: a.slug,
    departmentId: a.departmentSlug,
    role: a.role,
    seat: a.seat,
    retiredAt: change.retireAgents?.includes(a.slug) ? retired : null,
  }));
  return buildMesh(departments, [...agents, ...(change.hire ?? [])]);
}

const border = (department: string) => `${department}-border-agent`;

describe('departmentPath: shortest chains of cells with Border Agents', () => {
  it.each([
    ['finance', 'finance', {}, ['finance']],
    ['finance', 'hr', {}, ['finance', 'hr']],
    // Finance (0,-1) and Legal (-2,2) are 3 cells apart; the only 3-step chain avoiding the hub.
    ['finance', 'legal', {}, ['finance', 'hr', 'engineering', 'legal']],
    ['legal', 'finance', {}, ['legal', 'engineering', 'hr', 'finance']],
    // 3 cells apart through the hub, 4 around it: the hub is no shortcut.
    ['legal', 'marketing', {}, ['legal', 'engineering', 'product', 'sales', 'marketing']],
    // Ties break towards the lower ordinal: engineering (0) before customer-success (7).
    ['product', 'legal', {}, ['product', 'engineering', 'legal']],
    [
      'finance',
      'legal',
      { retireAgents: [border('hr')] },
      ['finance', 'marketing', 'sales', 'product', 'engineering', 'legal'],
    ],
    [
      'finance',
      'legal',
      { retireDepartments: ['hr'] },
      ['finance', 'marketing', 'sales', 'product', 'engineering', 'legal'],
    ],
    [
      'finance',
      'legal',
      { retireAgents: [border('hr'), border('engineering')] },
      ['finance', 'marketing', 'sales', 'product', 'customer-success', 'legal'],
    ],
  ])('%s → %s (%j): %j', (from, to, change, expected) => {
    expect(departmentPath(defaultMesh(change), from, to)).toEqual(expected);
  });

  it.each([
    [
      'legal cut off by its neighbours',
      { retireAgents: [border('engineering'), border('customer-success')] },
    ],
    ['no Border Agent in the destination', { retireAgents: [border('legal')] }],
    ['no Border Agent in the origin', { retireAgents: [border('finance')] }],
    ['a retired destination', { retireDepartments: ['legal'] }],
  ])('finds no route with %s', (_case, change) => {
    expect(departmentPath(defaultMesh(change), 'finance', 'legal')).toBeNull();
  });
});

describe('hubPath: out along the shortest spoke', () => {
  it.each([
    ['finance', {}, ['finance']],
    ['legal', {}, ['legal', 'engineering']],
    ['customer-success', {}, ['customer-success', 'engineering']],
    [
      'customer-success',
      { retireAgents: [border('engineering')] },
      ['customer-success', 'product'],
    ],
  ])('%s (%j): %j', (from, change, expected) => {
    expect(hubPath(defaultMesh(change), from)).toEqual(expected);
  });

  it('needs a Border Agent even next to the hub', () => {
    expect(hubPath(defaultMesh({ retireAgents: [border('finance')] }), 'finance')).toBeNull();
  });
});

const hop = (kind: Hop['kind'], agentId: string | null, departmentId: string | null): Hop => ({
  kind,
  agentId,
  departmentId,
});
const agent = (slug: string, departmentId: string) => ({ id: slug, departmentId });

describe('directHops: sender → Border Agents → addressee', () => {
  it('takes a Finance scout to a Legal synthesizer through the four Border Agents on the way', () => {
    expect(
      directHops(
        defaultMesh(),
        agent('finance-data-scout', 'finance'),
        agent('legal-synthesizer', 'legal'),
      ),
    ).toEqual([
      hop('SENDER', 'finance-data-scout', 'finance'),
      hop('BORDER', border('finance'), 'finance'),
      hop('BORDER', border('hr'), 'hr'),
      hop('BORDER', border('engineering'), 'engineering'),
      hop('BORDER', border('legal'), 'legal'),
      hop('RECIPIENT', 'legal-synthesizer', 'legal'),
    ]);
  });

  it.each([
    ['within one cell: straight to the addressee', 'finance-data-scout', 'finance-synthesizer', 2],
    ['from a Border Agent: it is the first relay itself', border('finance'), 'hr-synthesizer', 3],
    ['to a Border Agent: it is the last relay itself', 'finance-data-scout', border('hr'), 3],
    ['between neighbouring Border Agents', border('finance'), border('hr'), 2],
  ])('%s', (_case, from, to, hops) => {
    const path = directHops(
      defaultMesh(),
      agent(from, from.split('-')[0] as string),
      agent(to, to.split('-')[0] as string),
    );
    expect(path?.map((h) => h.agentId)).toHaveLength(hops);
    expect(path?.at(0)).toMatchObject({ kind: 'SENDER', agentId: from });
    expect(path?.at(-1)).toMatchObject({ kind: 'RECIPIENT', agentId: to });
  });

  it('relays through the active Border Agent in the lowest seat', () => {
    const hire = (slug: string, seat: number) => ({
      id: slug,
      departmentId: 'hr',
      role: AgentRole.BORDER_AGENT,
      seat,
      retiredAt: null,
    });
    const mesh = defaultMesh({
      retireAgents: [border('hr')],
      hire: [hire('hr-second-border', 9), hire('hr-first-border', 8)],
    });
    const path = directHops(
      mesh,
      agent('finance-data-scout', 'finance'),
      agent('hr-synthesizer', 'hr'),
    );
    expect(path?.map((h) => h.agentId)).toEqual([
      'finance-data-scout',
      border('finance'),
      'hr-first-border',
      'hr-synthesizer',
    ]);
  });
});
