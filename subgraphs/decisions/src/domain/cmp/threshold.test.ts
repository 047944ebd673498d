import { describe, expect, it } from 'vitest';
import type { KindHistory, ProposalFeatures } from './contracts.js';
import { computeThreshold, defaultThresholdParams, kindHistoryOf } from './threshold.js';

const features = (over: Partial<ProposalFeatures> = {}): ProposalFeatures => ({
  kind: 'BRAND',
  risk: 0,
  stakeholderImpact: 0,
  urgency: 0,
  departmentIds: ['marketing'],
  ...over,
});
const fresh: KindHistory = { decided: 0, regretted: 0 };

describe('computeThreshold', () => {
  const cases: [string, Partial<ProposalFeatures>, KindHistory, number][] = [
    ['nothing at stake: the base', {}, fresh, 0.55],
    ['full risk adds its weight', { risk: 1 }, fresh, 0.75],
    ['impact adds its weight', { stakeholderImpact: 0.5 }, fresh, 0.6],
    ['urgency lowers it, to the floor', { urgency: 1 }, fresh, 0.51],
    ['risk and impact and urgency together', { risk: 0.5, stakeholderImpact: 1 }, fresh, 0.75],
    ['history matching the prior adds nothing', {}, { decided: 90, regretted: 9 }, 0.55],
    ['a kind often regretted asks for more', {}, { decided: 10, regretted: 5 }, 0.55 + 0.5 * 0.2],
    ['a kind never regretted asks for less', {}, { decided: 30, regretted: 0 }, 0.55 - 0.5 * 0.075],
    [
      'everything at once is clamped to the ceiling',
      { risk: 1, stakeholderImpact: 1 },
      { decided: 10, regretted: 10 },
      0.95,
    ],
    ['inputs outside [0, 1] are clamped', { risk: 7, urgency: -3 }, fresh, 0.75],
  ];
  it.each(cases)('%s', (_name, over, history, expected) => {
    expect(computeThreshold(features(over), history).value).toBeCloseTo(expected, 10);
  });

  it('returns terms that sum to the value and explains each', () => {
    const t = computeThreshold(features({ risk: 0.8, urgency: 0.3 }), { decided: 4, regretted: 1 });
    const sum = t.terms.reduce((s, term) => s + term.contribution, 0);
    expect(sum).toBeCloseTo(t.value, 12);
    expect(t.explanation).toContain('Risk 0.80 adds 0.160.');
    expect(t.explanation).toContain('Urgency 0.30 takes 0.024.');
    expect(t.explanation).toContain('BRAND decisions regretted 1 of 4');
    expect(t.explanation).toMatch(/required support 0\.\d\d\.$/);
  });

  it('adds a clamp term when the score leaves the range', () => {
    const t = computeThreshold(features({ urgency: 1 }), fresh);
    expect(t.terms.at(-1)).toMatchObject({ name: 'clamp' });
    expect(t.terms.at(-1)?.contribution).toBeCloseTo(0.51 - 0.47, 12);
  });

  it('takes partial parameters over the defaults', () => {
    expect(computeThreshold(features(), fresh, { base: 0.7 }).value).toBeCloseTo(0.7, 12);
    expect(defaultThresholdParams.min).toBeGreaterThan(0.5);
  });
});

describe('kindHistoryOf', () => {
  const cases: [string, Parameters<typeof kindHistoryOf>[0], KindHistory][] = [
    ['no decided proposal', [], { decided: 0, regretted: 0 }],
    ['accepted and right', [{ status: 'ACCEPTED', outcome: 'APPROVE', proposals: 3 }], fresh3(0)],
    [
      'accepted, then rejecting was right',
      [{ status: 'ACCEPTED', outcome: 'REJECT', proposals: 3 }],
      fresh3(3),
    ],
    ['rejected and right', [{ status: 'REJECTED', outcome: 'REJECT', proposals: 3 }], fresh3(0)],
    [
      'rejected, then approving was right',
      [{ status: 'REJECTED', outcome: 'APPROVE', proposals: 3 }],
      fresh3(3),
    ],
    [
      'every pair counted once',
      [
        { status: 'ACCEPTED', outcome: 'APPROVE', proposals: 4 },
        { status: 'ACCEPTED', outcome: 'REJECT', proposals: 1 },
        { status: 'REJECTED', outcome: 'APPROVE', proposals: 2 },
        { status: 'REJECTED', outcome: 'REJECT', proposals: 5 },
      ],
      { decided: 12, regretted: 3 },
    ],
  ];
  it.each(cases)('%s', (_name, counts, expected) => {
    expect(kindHistoryOf(counts)).toEqual(expected);
  });
});

function fresh3(regretted: number): KindHistory {
  return { decided: 3, regretted };
}
