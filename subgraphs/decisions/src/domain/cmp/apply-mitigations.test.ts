import { describe, expect, it } from 'vitest';
import { applyMitigations } from './apply-mitigations.js';
import type { BiasFinding, Stakeholder } from './contracts.js';

const equal = (n: number): Stakeholder[] =>
  Array.from({ length: n }, (_, i) => ({ agentId: `a${i}`, weight: 1 / n, why: 'role' }));
const down = (
  agentIds: string[],
  weightFactor: number,
  kind: BiasFinding['kind'] = 'HERDING',
): BiasFinding => ({
  kind,
  agentIds,
  evidence: '',
  mitigation: 'DOWN_WEIGHT',
  weightFactor,
});

describe('applyMitigations', () => {
  const cases: [string, number, BiasFinding[], number[]][] = [
    ['no findings: unchanged', 10, [], Array(10).fill(0.1)],
    [
      'one voter at a tenth, the rest share its loss',
      10,
      [down(['a0'], 0.1)],
      [0.01 / 0.91, ...Array(9).fill(0.1 / 0.91)],
    ],
    [
      'two findings multiply',
      10,
      [down(['a0'], 0.5), down(['a0'], 0.5, 'BLOC_VOTING')],
      [0.025 / 0.925, ...Array(9).fill(0.1 / 0.925)],
    ],
    [
      'a re-vote request changes no weight',
      10,
      [{ kind: 'COPIED_RATIONALE', agentIds: ['a0'], evidence: '', mitigation: 'REVOTE' }],
      Array(10).fill(0.1),
    ],
    ['the cap holds after renormalising', 5, [down(['a0', 'a1'], 0.1)], [0.2, 0.2, 0.2, 0.2, 0.2]],
    [
      'six voters, three halved: the rest meet the cap',
      6,
      [down(['a0', 'a1', 'a2'], 0.5)],
      [0.4 / 3, 0.4 / 3, 0.4 / 3, 0.2, 0.2, 0.2],
    ],
  ];
  it.each(cases)('%s', (_name, n, findings, expected) => {
    const weights = applyMitigations(equal(n), findings).map((s) => s.weight);
    weights.forEach((w, i) => expect(w).toBeCloseTo(expected[i] ?? Number.NaN, 12));
  });

  it('says why a weight dropped', () => {
    const [first, second] = applyMitigations(equal(10), [down(['a0'], 0.1, 'ALWAYS_APPROVE')]);
    expect(first?.why).toBe('role; ×0.10 for ALWAYS_APPROVE → 1.1%');
    expect(second?.why).toBe('role');
  });
});
