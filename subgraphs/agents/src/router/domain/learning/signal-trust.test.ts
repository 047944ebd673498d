import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '../contracts.js';
import { PerformanceTracker } from './performance-tracker.js';
import { outcomeSignalWeight, SIGNAL_TRUST } from './signal-trust.js';

const outcome = (quality: number, extra: Partial<CallOutcome> = {}): CallOutcome => ({
  model: 'm',
  taskType: 'analysis',
  at: new Date(0),
  ok: true,
  errorKind: null,
  latencyMs: 100,
  inputTokens: 10,
  outputTokens: 10,
  costUsd: 0,
  quality,
  ...extra,
});

describe('signal trust', () => {
  it('ranks a person over the judge over outcomes over the automatic checks', () => {
    const { feedback, judge, task, decision, automatic } = SIGNAL_TRUST;
    expect([feedback, judge, task, decision, automatic]).toEqual(
      [feedback, judge, task, decision, automatic].sort((a, b) => b - a),
    );
  });

  it('weighs an answer by its source, and an unusable one fully', () => {
    expect(outcomeSignalWeight(outcome(1))).toBe(SIGNAL_TRUST.automatic);
    expect(outcomeSignalWeight(outcome(1, { qualitySource: 'judge' }))).toBe(1);
    expect(outcomeSignalWeight(outcome(0, { ok: false, errorKind: 'bad_response' }))).toBe(1);
  });

  it('lets a posterior learn little from "no defect found" and much from grades', () => {
    const auto = new PerformanceTracker({ now: () => new Date(0) });
    const graded = new PerformanceTracker({ now: () => new Date(0) });
    for (let i = 0; i < 20; i++) {
      auto.record(outcome(1));
      graded.recordFeedback('m', 'analysis', 0, 'judge');
    }
    // From Beta(1, 1): 20 passes of the checks are worth 2 signals; 20 zero grades, 20.
    expect(auto.posterior('m', 'analysis').mean).toBeCloseTo(3 / 4, 2);
    expect(graded.posterior('m', 'analysis').mean).toBeCloseTo(1 / 22, 2);
  });
});
