import { describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY_TOLERANCE } from './selection-policy.js';
import { selectionTolerance, willingnessScale } from './willingness-to-pay.js';

describe('willingnessScale', () => {
  it.each([
    [undefined, 1],
    [0.5, 1],
    [0, 64],
    [1, 1 / 64],
    [0.5 - 1 / 12, 2],
    [0.5 + 1 / 12, 0.5],
  ])('scales the tolerance by %s → %s', (willingness, scale) => {
    expect(willingnessScale(willingness)).toBeCloseTo(scale, 10);
  });

  it('shrinks the tolerance as the willingness to pay grows', () => {
    const scales = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 1].map(willingnessScale);
    for (let i = 1; i < scales.length; i++) {
      expect(scales[i]).toBeLessThan(scales[i - 1] as number);
    }
  });
});

describe('selectionTolerance', () => {
  it('multiplies the pacer and the request', () => {
    const { easy, hard } = selectionTolerance(4, 0.5 + 1 / 12);
    expect(easy).toBeCloseTo(DEFAULT_QUALITY_TOLERANCE.easy * 2, 12);
    expect(hard).toBeCloseTo(DEFAULT_QUALITY_TOLERANCE.hard * 2, 12);
  });

  it('is the default with no pacer and no knob', () => {
    expect(selectionTolerance(1, undefined)).toEqual(DEFAULT_QUALITY_TOLERANCE);
  });
});
