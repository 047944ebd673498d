import { describe, expect, it } from 'vitest';
import { parseVoteAnswer } from './llm-vote-advisor.js';

describe('parseVoteAnswer', () => {
  it.each([
    ['{"choice":"APPROVE","confidence":0.834,"rationale":" Low risk. "}', 'APPROVE', 0.83],
    ['{"choice":"REJECT","confidence":1,"rationale":"Privacy exposure."}', 'REJECT', 1],
    ['{"choice":"ABSTAIN","confidence":0,"rationale":"Outside my role."}', 'ABSTAIN', 0],
  ])('reads a valid vote %s', (text, choice, confidence) => {
    expect(parseVoteAnswer(text)).toMatchObject({ choice, confidence });
  });

  it.each([
    ['not json'],
    ['{"choice":"MAYBE","confidence":0.5,"rationale":"x"}'],
    ['{"choice":"APPROVE","confidence":1.5,"rationale":"x"}'],
    ['{"choice":"APPROVE","confidence":0.5,"rationale":""}'],
    ['[offline] {"answer":"template"}'],
  ])('refuses %s, so the offline policy votes instead', (text) => {
    expect(parseVoteAnswer(text)).toBeNull();
  });

  it('cuts a rationale to the 2,000 characters decisions accepts', () => {
    const long = 'é'.repeat(2_500);
    const advice = parseVoteAnswer(
      JSON.stringify({ choice: 'APPROVE', confidence: 1, rationale: long }),
    );
    expect([...(advice?.rationale ?? '')]).toHaveLength(2_000);
  });
});
