import { describe, expect, it } from 'vitest';
import { emptySummary, validateSampleLimit } from './sample-query.js';

describe('validateSampleLimit', () => {
  it.each([1, 100, 1000])('accepts %i', (limit) => {
    expect(validateSampleLimit(limit)).toBe(limit);
  });

  it.each([0, -1, 1001, 2.5])('rejects %d with BAD_USER_INPUT', (limit) => {
    expect(() => validateSampleLimit(limit)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'LIMIT_OUT_OF_RANGE' }),
    );
  });
});

describe('emptySummary', () => {
  it('counts nothing and has no bounds', () => {
    expect(emptySummary('x')).toEqual({
      name: 'x',
      count: 0,
      sum: 0,
      min: null,
      max: null,
      avg: null,
      firstRecordedAt: null,
      lastRecordedAt: null,
    });
  });
});
