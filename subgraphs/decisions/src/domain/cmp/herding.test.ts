import { describe, expect, it } from 'vitest';
import { emptyCounts, type BiasHistory } from './bias-history.js';
import { defaultBiasParams } from './bias-params.js';
import { detectHerding } from './herding.js';

const history = (toward: number, away: number): BiasHistory => ({
  agents: new Map([['x', { ...emptyCounts(), towardMajority: toward, awayFromMajority: away }]]),
  blindVotes: 0,
  blindApprovals: 0,
});

describe('detectHerding', () => {
  const cases: [string, number, number, boolean][] = [
    ['always toward the majority, often', 14, 0, true],
    ['mostly toward it, often', 22, 2, true],
    ['changes both ways alike', 10, 10, false],
    ['too few changes to tell', 4, 0, false],
    ['toward it in 70%: under the share cut-off', 35, 15, false],
    ['12 of 12 is not yet beyond chance among 64 voters', 12, 0, false],
  ];
  it.each(cases)('%s', (_name, toward, away, flagged) => {
    const findings = detectHerding(history(toward, away), ['x'], 64, defaultBiasParams);
    expect(findings.length).toBe(flagged ? 1 : 0);
  });

  it('explains itself and halves the weight', () => {
    const [finding] = detectHerding(history(12, 0), ['x'], 1, defaultBiasParams);
    expect(finding).toMatchObject({
      kind: 'HERDING',
      mitigation: 'DOWN_WEIGHT',
      weightFactor: 0.5,
    });
    expect(finding?.evidence).toContain(
      "toward the previous round's majority 12 times and away from it 0 times",
    );
  });
});
