import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';
import { SpendTargetPacer } from './spend-target-pacer.js';

/**
 * A stand-in for selection: a call is dear ($1) with probability 1 / (1 + scale), else cheap
 * ($0.01), as a larger tolerance makes the cheaper model win more often.
 */
function run(targetPerCall: number, calls: number, seed = 1) {
  const random = seededRandom(seed);
  const pacer = new SpendTargetPacer({ targetUsd: targetPerCall * 1000, windowMs: 1000 * 1000 });
  let spent = 0;
  for (let k = 0; k < calls; k++) {
    const dear = random() < 1 / (1 + pacer.toleranceScale);
    const cost = dear ? 1 : 0.01;
    spent += cost;
    pacer.record(k * 1000, cost);
  }
  return { perCall: spent / calls, scale: pacer.toleranceScale };
}

describe('SpendTargetPacer', () => {
  it.each([0.1, 0.3, 0.6])('holds the spend at a target of $%s a call', (target) => {
    const { perCall } = run(target, 20_000);
    expect(perCall).toBeGreaterThan(0.9 * target);
    expect(perCall).toBeLessThan(1.1 * target);
  });

  it('raises the tolerance to spend less and lowers it to spend more', () => {
    expect(run(0.1, 5000).scale).toBeGreaterThan(1);
    expect(run(0.9, 5000).scale).toBeLessThan(1);
  });

  it('stays within its bounds when the target cannot be met', () => {
    const pacer = new SpendTargetPacer({ targetUsd: 1e-9, windowMs: 1000, maxScale: 8 });
    for (let k = 0; k < 1000; k++) pacer.record(k, 1);
    expect(pacer.toleranceScale).toBeCloseTo(8, 10);
  });
});
