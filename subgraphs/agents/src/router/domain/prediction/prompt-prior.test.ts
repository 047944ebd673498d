import { describe, expect, it } from 'vitest';
import { QualityPosterior } from '../learning/quality-posterior.js';
import { seededRandom } from '../learning/seeded-random.js';
import { promptFeatures } from './prompt-features.js';
import type { PromptQualityModel } from './prompt-quality-model.js';
import { profileOf, promptShifts, ShiftedBelief } from './prompt-prior.js';

const dimensions = 1 << 16;
/** A model whose `strong` profile predicts well for prompts with the word "prove" only. */
function model(): PromptQualityModel {
  const weights = new Float32Array(dimensions);
  // The word's own slots, not the shape ones it shares with any short prompt.
  const shared = new Set(promptFeatures('hello there', dimensions).indices);
  for (const slot of promptFeatures('prove', dimensions).indices) {
    if (!shared.has(slot)) weights[slot] = 8;
  }
  return {
    dimensions,
    profiles: new Map([
      ['strong', { bias: -1, weights }],
      ['weak', { bias: 0, weights: new Float32Array(dimensions) }],
    ]),
    averages: new Map([
      ['strong', 0.4],
      ['weak', 0.5],
    ]),
  };
}
const spec = (name: string, upstreamModel: string, promptProfile?: string) => ({
  name,
  upstreamModel,
  ...(promptProfile ? { promptProfile } : {}),
});

describe('promptShifts', () => {
  const candidates = [
    spec('big', 'gpt-x', 'strong'),
    spec('small', 'weak'),
    spec('other', 'unknown-model'),
  ];

  it('moves each profiled model by its prediction minus its average, others by nothing', () => {
    const shifts = promptShifts(model(), 'prove that the sum is even', candidates);
    expect(shifts.get('big')).toBeGreaterThan(0.3);
    expect(shifts.get('small')).toBeCloseTo(0, 6);
    expect(shifts.get('other')).toBe(0);
  });

  it('moves the strong profile down on prompts unlike its good ones', () => {
    expect(promptShifts(model(), 'hello there', candidates).get('big')).toBeLessThan(0);
  });

  it('maps a model to its promptProfile, else its upstream model id', () => {
    expect(profileOf(spec('a', 'gpt-x', 'strong'))).toBe('strong');
    expect(profileOf(spec('b', 'weak'))).toBe('weak');
  });
});

describe('ShiftedBelief', () => {
  it('shifts the mean and the draws, keeps the spread, and stays within [0, 1]', () => {
    const base = new QualityPosterior({ alpha: 8, beta: 2 });
    const up = new ShiftedBelief(base, 0.15);
    expect(up.mean).toBeCloseTo(0.95, 10);
    expect(up.stdDev).toBe(base.stdDev);
    expect(new ShiftedBelief(base, 0.5).mean).toBe(1);
    expect(new ShiftedBelief(base, -0.9).mean).toBe(0);
    const [a, b] = [seededRandom(4), seededRandom(4)];
    for (let i = 0; i < 100; i++) {
      const draw = up.sample(a);
      expect(draw).toBeCloseTo(Math.min(1, base.sample(b) + 0.15), 10);
    }
  });
});
