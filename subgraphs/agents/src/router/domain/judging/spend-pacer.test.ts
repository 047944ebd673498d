import { describe, expect, it } from 'vitest';
import { SpendPacer } from './spend-pacer.js';

describe('SpendPacer', () => {
  it('allows calls until the window’s budget is spent, then again as spend leaves the window', () => {
    const pacer = new SpendPacer(1, 1000);
    expect(pacer.allows(0, 0.4)).toBe(true);
    pacer.spend(0, 0.4);
    pacer.spend(100, 0.4);
    expect(pacer.allows(200, 0.4)).toBe(false);
    expect(pacer.allows(200, 0.2)).toBe(true);
    expect(pacer.spentUsd(200)).toBeCloseTo(0.8, 12);
    // The first spend leaves the window at 1,000 ms.
    expect(pacer.allows(1000, 0.4)).toBe(true);
    expect(pacer.spentUsd(1100)).toBe(0);
  });

  it('allows nothing with a budget of 0, and ignores a non-positive spend', () => {
    const pacer = new SpendPacer(0, 1000);
    expect(pacer.allows(0, 0.001)).toBe(false);
    pacer.spend(0, -5);
    expect(pacer.spentUsd(0)).toBe(0);
  });
});
