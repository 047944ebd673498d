import { describe, expect, it } from 'vitest';
import { percent, pValue } from './evidence-text.js';

describe('evidence text', () => {
  it.each([
    [percent(0.905), '91%'],
    [percent(1), '100%'],
    [pValue(0.000123, 0.01 / 64), 'p = 1.2e-4 < 1.6e-4'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
