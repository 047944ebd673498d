import { describe, expect, it } from 'vitest';
import { emptyCounts, type BiasHistory } from './bias-history.js';
import { defaultBiasParams } from './bias-params.js';
import { detectHerding } from './herding.js';

/** A voter's past: blind agreement with the others' majority, and later rounds in its minority. */
const history = (joined: number, minority: number, agreed = 60, blind = 100): BiasHistory => ({
  agents: new Map([
    [
      'x',
      {
        ...emptyCounts(),
        joinedMajority: joined,
        minorityRounds: minority,
        blindWithMajority: agreed,
        blindMajorityChances: blind,
      },
    ],
  ]),
  blindVotes: 0,
  blindApprovals: 0,
  pairs: new Map(),
});

describe('detectHerding', () => {
  const cases: [string, number, number, number, boolean][] = [
    ['always joins the majority, often, though it agrees with it 60% blind', 30, 30, 60, true],
    ['joins it 38 of 40 times against a 60% blind rate', 38, 40, 60, true],
    ['joins it about as often as it agrees blind', 12, 20, 60, false],
    ['too few minority rounds to tell', 4, 4, 60, false],
    // An accurate voter in an accurate panel sides with the (correct) majority anyway.
    ['an accurate voter: 19 of 20, but 92% agreement blind', 19, 20, 92, false],
    ['10 of 10 is not yet beyond a 60% rate among 64 voters', 10, 10, 60, false],
  ];
  it.each(cases)('%s', (_name, joined, minority, agreed, flagged) => {
    const findings = detectHerding(history(joined, minority, agreed), ['x'], 64, defaultBiasParams);
    expect(findings.length).toBe(flagged ? 1 : 0);
  });

  it('explains itself and halves the weight', () => {
    const [finding] = detectHerding(history(20, 20), ['x'], 1, defaultBiasParams);
    expect(finding).toMatchObject({
      kind: 'HERDING',
      mitigation: 'DOWN_WEIGHT',
      weightFactor: 0.5,
    });
    expect(finding?.evidence).toContain(
      "Joined the previous round's majority in 20 of the 20 later rounds it entered in the minority",
    );
    expect(finding?.evidence).toContain("blind-round agreement with the others' majority of 60%");
  });
});
