import { describe, expect, it } from 'vitest';
import {
  applyPosteriorMerge,
  priorFor,
  QualityPosterior,
  UNINFORMATIVE_PRIOR,
  type PosteriorMerge,
  type PosteriorState,
} from './quality-posterior.js';
import { seededRandom } from './seeded-random.js';

const at = new Date('2025-01-01T00:00:00Z');

describe('priorFor', () => {
  const cases: [string, Record<string, number>, { alpha: number; beta: number }][] = [
    // A score published for the type is worth 64 signals, a general default 32.
    ['the task type’s prior', { code: 0.9, default: 0.5 }, { alpha: 57.6, beta: 6.4 }],
    ['the default when the type has none', { default: 0.5 }, { alpha: 16, beta: 16 }],
    ['uninformative without any', {}, UNINFORMATIVE_PRIOR],
    [
      'a certain prior is clamped so evidence still moves it',
      { code: 1 },
      { alpha: 62.72, beta: 1.28 },
    ],
  ];
  it.each(cases)('%s', (_name, priorQuality, expected) => {
    const prior = priorFor({ priorQuality }, 'code');
    expect(prior.alpha).toBeCloseTo(expected.alpha, 12);
    expect(prior.beta).toBeCloseTo(expected.beta, 12);
  });

  it('takes one strength for every kind of number when given one', () => {
    expect(priorFor({ priorQuality: { code: 0.75 } }, 'code', 8)).toEqual({ alpha: 6, beta: 2 });
  });
});

describe('QualityPosterior', () => {
  it('counts a quality signal as a fractional success', () => {
    const p = new QualityPosterior(UNINFORMATIVE_PRIOR, undefined, 1);
    p.observe(0.75, at);
    p.observe(1, at);
    expect(p.state()).toEqual({ alpha: 2.75, beta: 1.25, observations: 2, updatedAt: at });
    expect(p.mean).toBeCloseTo(2.75 / 4, 12);
    expect(p.stdDev).toBeCloseTo(Math.sqrt((2.75 * 1.25) / (16 * 5)), 12);
  });

  it('clamps signals outside [0, 1] and treats garbage as a failure', () => {
    const p = new QualityPosterior(UNINFORMATIVE_PRIOR, undefined, 1);
    p.observe(3, at);
    p.observe(-1, at);
    p.observe(Number.NaN, at);
    expect(p.state()).toMatchObject({ alpha: 2, beta: 3 });
  });

  it('forgets old evidence geometrically but never the prior', () => {
    const p = new QualityPosterior({ alpha: 2, beta: 2 }, undefined, 0.5);
    for (let i = 0; i < 60; i++) p.observe(1, at);
    // Evidence converges to 1 / (1 − γ) = 2 pseudo-observations of success.
    expect(p.state().alpha).toBeCloseTo(4, 9);
    expect(p.state().beta).toBeCloseTo(2, 9);
    expect(p.state().observations).toBe(60);
  });

  it('discount(factor) keeps that share of the evidence, widening the posterior', () => {
    const p = new QualityPosterior({ alpha: 1, beta: 1 }, undefined, 1);
    for (let i = 0; i < 100; i++) p.observe(i % 5 === 0 ? 0 : 1, at);
    const before = { mean: p.mean, sd: p.stdDev };
    p.discount(0.1);
    expect(p.effectiveObservations).toBeCloseTo(10, 9);
    expect(p.mean).toBeCloseTo((1 + 8) / (2 + 10), 9);
    expect(p.stdDev).toBeGreaterThan(2.5 * before.sd);
  });

  it('learns the truth from many signals', () => {
    const random = seededRandom(9);
    const p = new QualityPosterior(priorFor({ priorQuality: { default: 0.9 } }, 'code'));
    for (let i = 0; i < 2000; i++) p.observe(random() < 0.6 ? 1 : 0, at);
    expect(p.mean).toBeGreaterThan(0.52);
    expect(p.mean).toBeLessThan(0.68);
  });

  it('draws around the mean, wider with less evidence', () => {
    const random = seededRandom(1);
    const spread = (p: QualityPosterior) => {
      const draws = Array.from({ length: 4000 }, () => p.sample(random));
      const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
      return { mean, sd: Math.sqrt(draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length) };
    };
    const little = new QualityPosterior(UNINFORMATIVE_PRIOR, {
      alpha: 4,
      beta: 2,
      observations: 4,
      updatedAt: at,
    });
    const much = new QualityPosterior(UNINFORMATIVE_PRIOR, {
      alpha: 400,
      beta: 200,
      observations: 598,
      updatedAt: at,
    });
    const [a, b] = [spread(little), spread(much)];
    expect(a.mean).toBeCloseTo(2 / 3, 1);
    expect(b.mean).toBeCloseTo(2 / 3, 2);
    expect(a.sd).toBeCloseTo(little.stdDev, 2);
    expect(b.sd).toBeLessThan(a.sd / 5);
  });

  it('round-trips its state', () => {
    const p = new QualityPosterior({ alpha: 3, beta: 1 });
    p.observe(0.4, at);
    const q = new QualityPosterior({ alpha: 3, beta: 1 }, p.state());
    expect(q.state()).toEqual(p.state());
    expect(JSON.parse(JSON.stringify(q.state()))).toMatchObject({ observations: 1 });
  });
});

/** The store's side of a merge (what the agents repository does in SQL). */
describe('QualityPosterior merges (replicas sharing one store)', () => {
  const prior = { alpha: 8, beta: 2 };
  const signals = Array.from({ length: 300 }, (_, i) => ((i * 7919) % 100) / 100);

  it('synced through the store in any batches, reads exactly as counted in one place', () => {
    const alone = new QualityPosterior(prior);
    const synced = new QualityPosterior(prior);
    let stored: PosteriorState | null = null;
    signals.forEach((q, i) => {
      alone.observe(q, at);
      synced.observe(q, at);
      if (i === 120) {
        alone.discount(0.1);
        synced.discount(0.1);
      }
      if (i % 37 === 0) {
        const merge = synced.takeMerge();
        if (merge) stored = applyPosteriorMerge(stored, merge);
        if (stored) synced.syncTo(stored);
      }
    });
    expect(synced.mean).toBeCloseTo(alone.mean, 12);
    expect(synced.stdDev).toBeCloseTo(alone.stdDev, 12);
    expect(synced.state().observations).toBe(300);
    expect(synced.takeMerge()).not.toBeNull();
    expect(synced.takeMerge()).toBeNull(); // nothing new since
  });

  it('folds in what the other replica learned, and never loses a failed merge', () => {
    const a = new QualityPosterior(prior);
    const b = new QualityPosterior(prior);
    for (let i = 0; i < 200; i++) a.observe(0.1, at); // A sees the model fail
    let stored = applyPosteriorMerge(null, a.takeMerge() as PosteriorMerge);
    a.syncTo(stored);
    b.observe(0.9, at);
    stored = applyPosteriorMerge(stored, b.takeMerge() as PosteriorMerge);
    b.syncTo(stored);
    // B, after one signal of its own, believes what A's 200 taught.
    expect(b.mean).toBeLessThan(0.2);
    expect(b.state().observations).toBe(201);

    // A failed write is taken back, with what was learned meanwhile on top.
    const before = a.mean;
    a.observe(0.9, at);
    const expected = a.mean;
    a.takeMerge();
    a.observe(0.9, at);
    a.restoreMerge();
    // The same signals counted in one place, with no store at all.
    const twin = new QualityPosterior(prior);
    for (let i = 0; i < 200; i++) twin.observe(0.1, at);
    twin.observe(0.9, at);
    twin.observe(0.9, at);
    expect(a.mean).toBeCloseTo(twin.mean, 12);
    expect(a.stdDev).toBeCloseTo(twin.stdDev, 12);
    expect(a.mean).toBeGreaterThan(expected);
    expect(expected).toBeGreaterThan(before);
    expect(a.takeMerge()?.observations).toBe(2);
  });
});
