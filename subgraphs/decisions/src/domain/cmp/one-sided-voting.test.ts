import { describe, expect, it } from 'vitest';
import { emptyCounts, type BiasHistory } from './bias-history.js';
import { defaultBiasParams } from './bias-params.js';
import { detectOneSidedVoting } from './one-sided-voting.js';

const history = (votes: number, approvals: number, pooled = 0.5): BiasHistory => ({
  agents: new Map([['x', { ...emptyCounts(), blindVotes: votes, blindApprovals: approvals }]]),
  blindVotes: 1000,
  blindApprovals: 1000 * pooled,
  pairs: new Map(),
});

describe('detectOneSidedVoting', () => {
  const cases: [string, BiasHistory, string | null][] = [
    ['approved 20 of 20', history(20, 20), 'ALWAYS_APPROVE'],
    ['rejected 20 of 20', history(20, 0), 'ALWAYS_REJECT'],
    ['19 of 20 is still one-sided', history(20, 19), 'ALWAYS_APPROVE'],
    ['too few votes to tell', history(9, 9), null],
    ['85% is below the share cut-off', history(20, 17), null],
    ['when nearly everything gets approved, approving is no sign', history(12, 12, 0.9), null],
  ];
  it.each(cases)('%s → %s', (_name, h, expected) => {
    const findings = detectOneSidedVoting(h, ['x', 'y'], defaultBiasParams);
    expect(findings.map((f) => f.kind)).toEqual(expected ? [expected] : []);
  });

  it('explains itself and down-weights', () => {
    const [finding] = detectOneSidedVoting(history(20, 20), ['x'], defaultBiasParams);
    expect(finding).toMatchObject({
      agentIds: ['x'],
      mitigation: 'DOWN_WEIGHT',
      weightFactor: 0.1,
    });
    expect(finding?.evidence).toMatch(
      /^Approved 20 of 20 blind votes \(100%; cut-off ≥ 90% over ≥ 10\)/,
    );
    expect(finding?.evidence).toContain('pooled approve rate 50%: p = 9.5e-7 < 1.0e-2.');
  });
});
