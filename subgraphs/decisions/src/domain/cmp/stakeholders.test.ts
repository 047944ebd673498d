import { describe, expect, it } from 'vitest';
import type { ProposalFeatures, TrackRecord, Voter } from './contracts.js';
import { selectStakeholders } from './stakeholders.js';

const voter = (agentId: string, role: string, departmentId: string): Voter => ({
  agentId,
  role,
  departmentId,
});
const voters = [
  voter('m-creative', 'CREATIVE_ADVISOR', 'marketing'),
  voter('m-strategic', 'STRATEGIC_ADVISOR', 'marketing'),
  voter('m-data', 'DATA_SCOUT', 'marketing'),
  voter('m-border', 'BORDER_AGENT', 'marketing'),
  voter('s-border', 'BORDER_AGENT', 'sales'),
  voter('s-creative', 'CREATIVE_ADVISOR', 'sales'),
  voter('f-border', 'BORDER_AGENT', 'finance'),
  voter('h-border', 'BORDER_AGENT', 'hr'),
];
const neighbors = { marketing: ['sales', 'finance'], sales: ['marketing', 'hr'] };
const features = (over: Partial<ProposalFeatures> = {}): ProposalFeatures => ({
  kind: 'BRAND',
  risk: 0.5,
  stakeholderImpact: 0.5,
  urgency: 0.5,
  departmentIds: ['marketing'],
  ...over,
});
const select = (
  over: Partial<ProposalFeatures> = {},
  trackRecords: TrackRecord[] = [],
  cap = 0.2,
) =>
  selectStakeholders({
    features: features(over),
    voters,
    neighbors,
    trackRecords,
    params: { cap },
  });
const ids = (over: Partial<ProposalFeatures>) => select(over).map((s) => s.agentId);

describe('selectStakeholders', () => {
  const cases: [string, Partial<ProposalFeatures>, string[]][] = [
    [
      'brand: the creative and strategic roles, and neighbouring border agents',
      {},
      ['m-creative', 'm-strategic', 's-border', 'f-border'],
    ],
    [
      'dispute: the affected cell’s own border agent votes too',
      { kind: 'DISPUTE' },
      ['m-strategic', 'm-border', 's-border', 'f-border'],
    ],
    [
      'two departments: neighbours of either, not the affected ones',
      { departmentIds: ['marketing', 'sales'] },
      ['m-creative', 'm-strategic', 's-creative', 'f-border', 'h-border'],
    ],
    [
      'no role of the kind and no neighbours: no one',
      { kind: 'QUALITY', departmentIds: ['hr'] },
      [],
    ],
    ['an unknown department: no one', { departmentIds: ['nowhere'] }, []],
  ];
  it.each(cases)('%s', (_name, over, expected) => {
    expect(ids(over)).toEqual(expected);
  });

  it('weighs by relevance × log-odds, sums to 1 and explains why', () => {
    const records: TrackRecord[] = [
      { agentId: 'm-creative', accuracy: 0.9, evidence: 40 },
      { agentId: 's-creative', accuracy: 0.6, evidence: 40 },
    ];
    // Five voters under a 20% cap would all get 20%: a looser cap shows the proportions.
    const stakeholders = select({ departmentIds: ['marketing', 'sales'] }, records, 0.45);
    const weight = Object.fromEntries(stakeholders.map((s) => [s.agentId, s.weight]));
    expect(stakeholders.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(1, 12);
    expect(weight['m-creative']).toBeCloseTo(0.45, 12); // log(9) × 1.2 alone would be 55%
    expect((weight['s-creative'] ?? 0) / (weight['h-border'] ?? 1)).toBeCloseTo(
      (1.2 * Math.log(1.5)) / (0.55 * Math.log(7 / 3)),
      10,
    );
    const why = stakeholders.find((s) => s.agentId === 'm-creative')?.why;
    expect(why).toContain('the role BRAND decisions name');
    expect(why).toContain('track record 0.90 over 40 outcomes');
    expect(why).toContain('capped at 45%');
    expect(stakeholders.find((s) => s.agentId === 'h-border')?.why).toContain(
      'no track record yet',
    );
  });

  it('gives an agent no better than a coin the floor weight, not a negative one', () => {
    const records = [{ agentId: 's-creative', accuracy: 0.3, evidence: 50 }];
    const stakeholders = select({ departmentIds: ['marketing', 'sales'] }, records, 0.45);
    const coin = stakeholders.find((s) => s.agentId === 's-creative');
    expect(coin?.weight).toBeGreaterThan(0);
    expect(coin?.weight).toBeLessThan(0.01);
  });

  it('lets fewer than five voters share the vote equally rather than break the cap', () => {
    const records = [{ agentId: 'm-creative', accuracy: 0.95, evidence: 80 }];
    for (const s of select({}, records)) expect(s.weight).toBeCloseTo(0.25, 12);
  });
});
