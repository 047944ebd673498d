import { describe, expect, it } from 'vitest';
import type {
  Exclusion,
  HealthState,
  LoadState,
  ModelSpec,
  TaskClassification,
} from '../contracts.js';
import { BudgetTooLowError, NoModelAvailableError, QualityUnreachableError } from '../errors.js';
import { QualityPosterior } from './quality-posterior.js';
import { selectModel, type SelectModelInput } from './select-model.js';
import { seededRandom } from './seeded-random.js';

const spec = (name: string, over: Partial<ModelSpec> = {}): ModelSpec => ({
  name,
  kind: 'openai-compatible',
  baseURL: 'http://localhost/v1',
  upstreamModel: name,
  apiKey: null,
  inputUsdPerMTok: 1,
  outputUsdPerMTok: 1,
  contextWindow: 128_000,
  taskTypes: [],
  features: ['streaming', 'json'],
  requestsPerMinute: null,
  tokensPerMinute: null,
  enabled: true,
  priorQuality: {},
  timeoutMs: 30_000,
  ...over,
});

const classification = (over: Partial<TaskClassification> = {}): TaskClassification => ({
  taskType: 'code',
  complexity: 0.5,
  confidence: 0.9,
  signals: [],
  estimatedInputTokens: 1000,
  estimatedOutputTokens: 500,
  method: 'offline',
  ...over,
});

/** A posterior that has seen n signals with mean `mean`. */
const known = (mean: number, n = 400) =>
  new QualityPosterior(
    undefined,
    { alpha: 1 + mean * n, beta: 1 + (1 - mean) * n, observations: n, updatedAt: null },
    1,
  );

const idle: LoadState = { requestsLastMinute: 0, tokensLastMinute: 0, inFlight: 0 };
const healthy: HealthState = { circuit: 'closed', recentErrorRate: 0 };

const big = spec('big', { inputUsdPerMTok: 10, outputUsdPerMTok: 30 });
const small = spec('small', { inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 });

function input(
  over: Partial<SelectModelInput> & { beliefs?: Record<string, QualityPosterior> } = {},
): SelectModelInput {
  const beliefs = over.beliefs ?? { big: known(0.9), small: known(0.86) };
  return {
    request: { text: 'write a function' },
    classification: classification(),
    candidates: [big, small],
    posterior: (model) => beliefs[model] ?? new QualityPosterior(),
    load: () => idle,
    health: () => healthy,
    random: seededRandom(1),
    ...over,
  };
}

describe('selectModel eligibility', () => {
  const cases: [
    string,
    ModelSpec,
    Partial<SelectModelInput> & { beliefs?: Record<string, QualityPosterior> },
    Exclusion,
  ][] = [
    ['a disabled model', spec('x', { enabled: false }), {}, 'DISABLED'],
    [
      'a model not offered for the type',
      spec('x', { taskTypes: ['creative'] }),
      {},
      'TASK_TYPE_NOT_OFFERED',
    ],
    [
      'a missing feature',
      spec('x', { features: [] }),
      { request: { text: '', requiredFeatures: ['json'] } },
      'FEATURE_MISSING',
    ],
    [
      'a context window smaller than input + output',
      spec('x', { contextWindow: 1400 }),
      {},
      'CONTEXT_TOO_SMALL',
    ],
    [
      'room for the output cap, not just the estimate',
      spec('x', { contextWindow: 2000 }),
      { request: { text: '', maxOutputTokens: 4000 } },
      'CONTEXT_TOO_SMALL',
    ],
    [
      'an open circuit',
      spec('x'),
      { health: (m) => (m === 'x' ? { circuit: 'open', recentErrorRate: 1 } : healthy) },
      'CIRCUIT_OPEN',
    ],
    [
      'requests per minute used up',
      spec('x', { requestsPerMinute: 60 }),
      { load: () => ({ ...idle, requestsLastMinute: 60 }) },
      'RATE_LIMITED',
    ],
    [
      'a call that would pass the tokens per minute',
      spec('x', { tokensPerMinute: 10_000 }),
      { load: () => ({ ...idle, tokensLastMinute: 9000 }) },
      'RATE_LIMITED',
    ],
    [
      'a call dearer than the budget',
      spec('x', { inputUsdPerMTok: 100, outputUsdPerMTok: 100 }),
      { request: { text: '', maxCostUsd: 0.01 } },
      'OVER_BUDGET',
    ],
    [
      'a model that cannot reach the quality asked',
      spec('x'),
      {
        request: { text: '', qualityRequirement: 0.8 },
        beliefs: { big: known(0.9), small: known(0.86), x: known(0.5) },
      },
      'BELOW_QUALITY',
    ],
  ];
  it.each(cases)('excludes %s', (_name, candidate, over, exclusion) => {
    const selection = selectModel(input({ ...over, candidates: [big, small, candidate] }));
    expect(selection.candidates.at(-1)).toMatchObject({
      model: 'x',
      eligible: false,
      exclusion,
      score: 0,
    });
    expect(selection.fallbacks).not.toContain('x');
    expect(selection.reasoning).toContain(`x (${exclusion})`);
  });

  it('credits a model with its posterior mean: one expected to fall short is not eligible', () => {
    const selection = selectModel(
      input({
        request: { text: '', qualityRequirement: 0.85 },
        beliefs: {
          big: known(0.9),
          // Unknown: a uniform prior's mean is 0.5, though its upper bound would reach 0.85.
          small: new QualityPosterior(),
          // Barely known, a prior of 0.9 and 5 signals: expected to reach 0.85.
          new: new QualityPosterior({ alpha: 3.6, beta: 0.4 }, undefined, 1),
        },
        candidates: [big, small, spec('new')],
      }),
    );
    expect(selection.candidates.find((c) => c.model === 'new')?.eligible).toBe(true);
    expect(selection.candidates.find((c) => c.model === 'small')?.exclusion).toBe('BELOW_QUALITY');
  });

  it('finds 0.999 unreachable when the models are believed to be ~0.9 from priors and a few signals', () => {
    const prior = { alpha: 3.6, beta: 0.4 };
    const few = new QualityPosterior(prior, undefined, 1);
    for (let i = 0; i < 3; i++) few.observe(1, new Date(0));
    expect(few.mean + 2 * few.stdDev).toBeGreaterThan(0.999); // the old upper-bound rule's credit
    expect(() =>
      selectModel(
        input({
          request: { text: '', qualityRequirement: 0.999 },
          beliefs: { big: few, small: new QualityPosterior(prior, undefined, 1) },
        }),
      ),
    ).toThrow(QualityUnreachableError);
  });
});

describe('selectModel errors', () => {
  const open: HealthState = { circuit: 'open', recentErrorRate: 1 };
  const cases: [
    string,
    Partial<SelectModelInput> & { beliefs?: Record<string, QualityPosterior> },
    new (...args: never[]) => Error,
  ][] = [
    [
      'every model disabled',
      { candidates: [spec('a', { enabled: false }), spec('b', { enabled: false })] },
      NoModelAvailableError,
    ],
    ['every circuit open', { health: () => open }, NoModelAvailableError],
    [
      'every model rate limited',
      {
        candidates: [spec('a', { requestsPerMinute: 1 })],
        load: () => ({ ...idle, requestsLastMinute: 1 }),
      },
      NoModelAvailableError,
    ],
    ['no candidates at all', { candidates: [] }, NoModelAvailableError],
    [
      'a quality no model can reach',
      { request: { text: '', qualityRequirement: 0.99 } },
      QualityUnreachableError,
    ],
    [
      'a budget below the cheapest call',
      { request: { text: '', maxCostUsd: 1e-6 } },
      BudgetTooLowError,
    ],
    [
      'a budget below the cheapest model good enough',
      {
        request: { text: '', maxCostUsd: 0.001, qualityRequirement: 0.89 },
        beliefs: { big: known(0.9), small: known(0.7) },
      },
      BudgetTooLowError,
    ],
  ];
  it.each(cases)('%s', (_name, over, error) => {
    expect(() => selectModel(input(over))).toThrow(error);
  });

  it('names the cheapest affordable-quality call in the budget error', () => {
    try {
      selectModel(input({ request: { text: '', maxCostUsd: 1e-6 } }));
    } catch (e) {
      expect((e as BudgetTooLowError).details).toMatchObject({
        cheapestUsd: (1000 * 0.15 + 500 * 0.6) / 1e6,
      });
    }
  });
});

describe('selectModel ranking', () => {
  /** How often each model is chosen over `runs` selections. */
  function shares(
    over: Partial<SelectModelInput> & { beliefs?: Record<string, QualityPosterior> },
    runs = 400,
  ) {
    const random = seededRandom(7);
    const counts: Record<string, number> = {};
    for (let i = 0; i < runs; i++) {
      const { model } = selectModel(input({ ...over, random }));
      counts[model] = (counts[model] ?? 0) + 1 / runs;
    }
    return counts;
  }

  const cases: [
    string,
    Partial<SelectModelInput> & { beliefs?: Record<string, QualityPosterior> },
    string,
    number,
  ][] = [
    [
      'an easy task goes to the cheap model close in quality',
      {
        classification: classification({ complexity: 0.1 }),
        beliefs: { big: known(0.9), small: known(0.88) },
      },
      'small',
      0.9,
    ],
    [
      'a hard task goes to the clearly better model',
      {
        classification: classification({ complexity: 0.95 }),
        beliefs: { big: known(0.9), small: known(0.8) },
      },
      'big',
      0.9,
    ],
    [
      'a much worse cheap model is not chosen even for an easy task',
      {
        classification: classification({ complexity: 0.1 }),
        beliefs: { big: known(0.9), small: known(0.6) },
      },
      'big',
      0.95,
    ],
    // Health and load break ties; a model that fails outright is removed by its open circuit.
    [
      'a failing model loses to a healthy one of equal quality and price',
      {
        candidates: [spec('a'), spec('b')],
        beliefs: { a: known(0.8, 1e5), b: known(0.8, 1e5) },
        health: (m) => ({ circuit: 'closed', recentErrorRate: m === 'a' ? 0.5 : 0 }),
      },
      'b',
      0.9,
    ],
    [
      'a model near its rate limit loses to one with headroom',
      {
        candidates: [spec('a', { requestsPerMinute: 10 }), spec('b')],
        beliefs: { a: known(0.8, 1e5), b: known(0.8, 1e5) },
        load: (m) => ({ ...idle, requestsLastMinute: m === 'a' ? 8 : 0 }),
      },
      'b',
      0.9,
    ],
  ];
  it.each(cases)('%s', (_name, over, model, atLeast) => {
    expect(shares(over)[model] ?? 0).toBeGreaterThanOrEqual(atLeast);
  });

  it('explores a model it knows nothing about, and stops once it is known to be worse', () => {
    const candidates = [big, small, spec('new', { inputUsdPerMTok: 0.1, outputUsdPerMTok: 0.1 })];
    const fresh = shares({
      candidates,
      beliefs: { big: known(0.9), small: known(0.86), new: new QualityPosterior() },
    });
    const learned = shares({
      candidates,
      beliefs: { big: known(0.9), small: known(0.86), new: known(0.5) },
    });
    expect(fresh['new'] ?? 0).toBeGreaterThan(0.1);
    expect(learned['new'] ?? 0).toBe(0);
  });

  it('is confident when one model dominates and unsure between equals', () => {
    const sure = selectModel(
      input({ candidates: [spec('a'), spec('b')], beliefs: { a: known(0.9), b: known(0.5) } }),
    );
    const unsure = selectModel(
      input({
        candidates: [spec('a'), spec('b')],
        beliefs: { a: known(0.8, 10), b: known(0.8, 10) },
      }),
    );
    expect(sure).toMatchObject({ model: 'a', confidence: 1 });
    expect(unsure.confidence).toBeGreaterThan(0.2);
    expect(unsure.confidence).toBeLessThan(0.8);
    expect(selectModel(input({ candidates: [big] })).confidence).toBe(1);
  });

  it('orders candidates and fallbacks by score and explains every score', () => {
    const selection = selectModel(
      input({
        candidates: [big, small, spec('mid', { inputUsdPerMTok: 2.5, outputUsdPerMTok: 10 })],
        beliefs: { big: known(0.93), small: known(0.895), mid: known(0.89) },
        classification: classification({ complexity: 0.1 }),
      }),
    );
    const scores = selection.candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(selection.fallbacks).toEqual(selection.candidates.slice(1).map((c) => c.model));
    expect(selection.model).toBe('small');
    expect(selection.reasoning).toMatch(
      /^code task \(complexity 0\.10, tolerance 0\.074\): chose small — quality 0\.89±0\.02/,
    );
    expect(selection.reasoning).toContain('cheaper than');
    for (const model of ['big', 'mid']) expect(selection.reasoning).toContain(`${model} 0.`);
    expect(selection.classification.taskType).toBe('code');
  });

  it('uses the request’s task type over the classifier’s', () => {
    const seen: string[] = [];
    selectModel(
      input({
        request: { text: '', taskType: 'planning' },
        posterior: (_m, t) => (seen.push(t), known(0.8)),
      }),
    );
    expect(new Set(seen)).toEqual(new Set(['planning']));
  });

  it('replays exactly under the same seed', () => {
    const a = selectModel(input({ random: seededRandom(3) }));
    const b = selectModel(input({ random: seededRandom(3) }));
    expect(b).toEqual(a);
  });
});
