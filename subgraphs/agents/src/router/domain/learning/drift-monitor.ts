import type { DriftEvent, TaskType } from '../contracts.js';
import { PageHinkley, type PageHinkleyOptions } from './page-hinkley.js';

/**
 * Quality signals are 0–1 and at worst Bernoulli (sd ≈ 0.4–0.5). δ = 0.05 ignores drops under
 * five points; λ = 10 then fires on a 0.8 → 0.6 drop after a median ~60 signals (λ / (0.2 − δ)
 * plus the running mean's lag), 99% within 200, while a stationary Bernoulli(0.8) stream
 * false-alarms in ~7% of 1,000-signal runs — cheap, since a false alarm only makes the router
 * re-explore the pair (drift-monitor.test.ts measures both over many seeds).
 */
export const QUALITY_DRIFT: Omit<PageHinkleyOptions, 'direction'> = {
  delta: 0.05,
  lambda: 10,
  minObservations: 30,
};
/**
 * Latency is watched in ln(ms), where a provider slowing down by a factor k shifts the mean by
 * ln k whatever the model's speed: δ = 0.1 ignores rises under ~10%, λ = 12 fires on a doubling
 * (ln 2 ≈ 0.69) after ~20–30 calls with typical log-latency noise (sd ≈ 0.3–0.5).
 */
export const LATENCY_DRIFT: Omit<PageHinkleyOptions, 'direction'> = {
  delta: 0.1,
  lambda: 12,
  minObservations: 30,
};

interface PairDetectors {
  readonly quality: PageHinkley;
  readonly latency: PageHinkley;
}

/**
 * One Page–Hinkley detector per (model, task type) on quality (a drop is 'worse') and one on
 * latency (a rise is 'worse'). A detector resets after it fires, so the next alarm needs fresh
 * evidence against the new level.
 */
export class DriftMonitor {
  private readonly pairs = new Map<string, PairDetectors>();

  constructor(
    private readonly quality = QUALITY_DRIFT,
    private readonly latency = LATENCY_DRIFT,
  ) {}

  observeQuality(model: string, taskType: TaskType, quality: number, at: Date): DriftEvent | null {
    const detector = this.detectors(model, taskType).quality;
    return this.feed(detector, quality, { model, taskType, metric: 'quality', at });
  }

  observeLatency(
    model: string,
    taskType: TaskType,
    latencyMs: number,
    at: Date,
  ): DriftEvent | null {
    const detector = this.detectors(model, taskType).latency;
    return this.feed(detector, Math.log(Math.max(1, latencyMs)), {
      model,
      taskType,
      metric: 'latency',
      at,
    });
  }

  private feed(
    detector: PageHinkley,
    x: number,
    event: Pick<DriftEvent, 'model' | 'taskType' | 'metric' | 'at'>,
  ): DriftEvent | null {
    if (!detector.update(x)) return null;
    const fired: DriftEvent = {
      ...event,
      // Both detectors watch the bad direction only: a quality drop, a latency rise.
      direction: 'worse',
      observations: detector.observations,
      statistic: detector.statistic,
      threshold: detector.options.lambda,
    };
    detector.reset();
    return fired;
  }

  private detectors(model: string, taskType: TaskType): PairDetectors {
    const key = `${model}\u0000${taskType}`;
    let pair = this.pairs.get(key);
    if (!pair) {
      pair = {
        quality: new PageHinkley({ ...this.quality, direction: 'decrease' }),
        latency: new PageHinkley({ ...this.latency, direction: 'increase' }),
      };
      this.pairs.set(key, pair);
    }
    return pair;
  }
}
