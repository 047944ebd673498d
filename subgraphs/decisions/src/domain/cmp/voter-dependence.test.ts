import { describe, expect, it } from 'vitest';
import { defaultBiasParams } from './bias-params.js';
import type { Voter } from './contracts.js';
import { detectDependentVoters } from './voter-dependence.js';

// Eight voters of accuracy 0.7 in eight departments; l leads, f1–f3 copy it (elsewhere).
const voters: Voter[] = ['l', 'f1', 'f2', 'f3', 'h1', 'h2', 'h3', 'h4'].map((agentId, i) => ({
  agentId,
  role: 'R',
  departmentId: `d${i}`,
}));
const cluster = new Set(['l', 'f1', 'f2', 'f3']);
/** Independent voters of 0.7 agree 58% of the time; copiers of one leader 95%. */
const pairs = (votes: number) => (a: string, b: string) => ({
  votes,
  agreed: Math.round(votes * (cluster.has(a) && cluster.has(b) ? 0.95 : 0.58)),
});
const record = { accuracy: 0.7, evidence: 200 };
const detect = (votes: number, excluded: string[] = []) =>
  detectDependentVoters({
    voters,
    pairs: pairs(votes),
    accuracy: () => record,
    excluded: new Set(excluded),
    params: defaultBiasParams,
  });

describe('detectDependentVoters', () => {
  it('finds copiers spread over departments and counts them as their effective size', () => {
    const [finding, ...rest] = detect(200);
    expect(rest).toEqual([]);
    expect(finding?.kind).toBe('BLOC_VOTING');
    expect(finding?.agentIds).toEqual(['f1', 'f2', 'f3', 'l']);
    expect(finding?.mitigation).toBe('DOWN_WEIGHT');
    // ĉ ≈ (0.95 − a⁺)/(1 − a⁺) ≈ 0.86 for every pair: n_eff = 4/(1 + 3·0.86) ≈ 1.1 of 4.
    expect(finding?.weightFactor).toBeGreaterThan(0.25);
    expect(finding?.weightFactor).toBeLessThan(0.35);
    expect(finding?.evidence).toContain('departments d0, d1, d2, d3');
    expect(finding?.evidence).toContain('exact binomial test');
  });

  it('needs enough shared blind votes, and shrinks a short history toward independence', () => {
    expect(detect(10)).toEqual([]);
    const short = detect(40)[0]?.weightFactor ?? 1;
    const long = detect(400)[0]?.weightFactor ?? 1;
    expect(short).toBeGreaterThan(long);
  });

  it('finds nothing among voters that agree as their accuracies say', () => {
    cluster.clear();
    expect(detect(500)).toEqual([]);
    for (const id of ['l', 'f1', 'f2', 'f3']) cluster.add(id);
  });

  it('leaves out voters another check already counts as ignoring the merits', () => {
    expect(detect(200, ['l', 'f1', 'f2'])).toEqual([]);
  });

  it('expects more agreement from better voters: strong voters agreeing often are no cluster', () => {
    const strong = detectDependentVoters({
      voters,
      pairs: (a, b) => ({ votes: 300, agreed: a === b ? 0 : Math.round(300 * 0.83) }),
      accuracy: () => ({ accuracy: 0.9, evidence: 200 }),
      excluded: new Set(),
      params: defaultBiasParams,
    });
    expect(strong).toEqual([]);
  });
});
