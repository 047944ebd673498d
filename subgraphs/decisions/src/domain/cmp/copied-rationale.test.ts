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
});
