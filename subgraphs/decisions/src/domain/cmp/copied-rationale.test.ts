import { describe, expect, it } from 'vitest';
import { defaultBiasParams } from './bias-params.js';
import type { Ballot } from './contracts.js';
import { detectCopiedRationales } from './copied-rationale.js';

const ballot = (agentId: string, rationale: string | null): Ballot => ({
  agentId,
  choice: 'APPROVE',
  confidence: 1,
  rationale,
});
const line = 'The campaign fits our brand voice and the budget stays inside the quarterly plan';

describe('detectCopiedRationales', () => {
  const cases: [string, Ballot[], string[][]][] = [
    [
      'the same text modulo case and punctuation',
      [
        ballot('a', line),
        ballot('b', `${line.toUpperCase()}!!`),
        ballot('c', 'Too risky for the timeline we have, I would wait a quarter'),
      ],
      [['a', 'b']],
    ],
    [
      'one word changed in a long text',
      [
        ballot('a', `${line} and the legal review is complete already`),
        ballot('b', `${line} and the legal review is complete by now`),
      ],
      [['a', 'b']],
    ],
    [
      'near-copies chain into one group',
      [ballot('a', line), ballot('b', line), ballot('c', `${line} too`)],
      [['a', 'b', 'c']],
    ],
    [
      'different arguments',
      [
        ballot('a', line),
        ballot('b', 'Our brand voice is off here and the budget plan is not met at all'),
      ],
      [],
    ],
    [
      'short rationales say too little to tell',
      [ballot('a', 'Looks good.'), ballot('b', 'Looks good.')],
      [],
    ],
    ['no rationale', [ballot('a', null), ballot('b', null)], []],
    ['one agent repeating itself', [ballot('a', line), ballot('a', line)], []],
  ];
  it.each(cases)('%s', (_name, ballots, expected) => {
    const findings = detectCopiedRationales(ballots, defaultBiasParams);
    expect(findings.map((f) => f.agentIds)).toEqual(expected);
  });

  it('asks for a re-vote with the similarity as evidence', () => {
    const [finding] = detectCopiedRationales(
      [ballot('a', line), ballot('b', line)],
      defaultBiasParams,
    );
    expect(finding).toMatchObject({ kind: 'COPIED_RATIONALE', mitigation: 'REVOTE' });
    expect(finding?.evidence).toContain(
      '2 agents gave the same rationale (Jaccard similarity of 3-word shingles 1.00; cut-off ≥ 0.80)',
    );
  });

  // Regression: the agents' offline policy wrote every rationale from one template (word-shingle
  // Jaccard 0.82 > 0.80), so an honest panel got a COPIED_RATIONALE finding and a false REVOTE.
  it('discounts template text shared by most of the round (COPIED_RATIONALE false REVOTE)', () => {
    const templated = ['Engineering', 'Product', 'Legal', 'Sales', 'Support', 'Finance'].map(
      (department) =>
        ballot(
          department,
          `Execution Agent, ${department}: APPROVE (p 0.62). Risk 0.40 +0.12; urgency 0.70 ` +
            `+0.16; stakeholder impact 0.60 +0.08; own department +0.30; wording +0.00; ` +
            `temperament +0.04; disposition +0.20. STRATEGIC: competence 0.30, below its own trigger.`,
        ),
    );
    const withoutDiscount = { ...defaultBiasParams, boilerplateMinTexts: Infinity };
    expect(detectCopiedRationales(templated, withoutDiscount)).not.toEqual([]);
    expect(detectCopiedRationales(templated, defaultBiasParams)).toEqual([]);
  });

  it('still finds a copying bloc among templated rationales', () => {
    const others = ['a', 'b', 'c', 'd'].map((id, i) =>
      ballot(id, `Synthesizer ${id}: REJECT (p 0.3${i}). Risk 0.80 −0.30; own department +0.30.`),
    );
    const bloc = [ballot('x', line), ballot('y', `${line} now`), ballot('z', `${line} today`)];
    const findings = detectCopiedRationales([...others, ...bloc], defaultBiasParams);
    expect(findings.map((f) => f.agentIds)).toEqual([['x', 'y', 'z']]);
  });
});
