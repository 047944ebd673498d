import { describe, expect, it } from 'vitest';
import { JUDGE_MAX_CHARS, judgeRequest, parseJudgeRating } from './judge-prompt.js';

describe('parseJudgeRating', () => {
  it.each([
    ['{"rating": 10, "reason": "complete"}', 1],
    ['{"rating": 1}', 0],
    ['{"rating": 7}', 6 / 9],
    ['```json\n{"rating": 4}\n```', 3 / 9],
    ['{"rating": 0}', null],
    ['{"rating": 11}', null],
    ['{"rating": "8"}', null],
    ['{"score": 8}', null],
    ['It is an 8 out of 10.', null],
    ['', null],
  ])('%j gives %s', (reply, quality) => {
    const parsed = parseJudgeRating(reply);
    if (quality === null) expect(parsed).toBeNull();
    else expect(parsed).toBeCloseTo(quality, 12);
  });
});

describe('judgeRequest', () => {
  it('asks for JSON at temperature 0 and bounds what the judge reads', () => {
    const request = judgeRequest('q'.repeat(3 * JUDGE_MAX_CHARS), 'an answer');
    expect(request).toMatchObject({ temperature: 0, responseFormat: 'json' });
    const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
    expect(user.length).toBeLessThan(2 * JUDGE_MAX_CHARS + 100);
    expect(user).toContain('an answer');
  });
});
