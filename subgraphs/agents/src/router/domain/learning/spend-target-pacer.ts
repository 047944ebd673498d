/**
 * The deployment's cost knob (issue 18): a spend target ("at most $X per window"), held by scaling
 * the quality tolerance of every selection. Each call compares its cost with the budget accrued
 * since the previous call and moves the scale in log space (dual mirror descent, as in budget
 * pacing for repeated auctions: Balseiro & Gur 2019, "Learning in Repeated Auctions with
 * Budgets", Management Science 65(9)):
 *   ln s ← ln s + η · (costₖ − b·Δtₖ) / (b·Δt̄),   b = target / window,
 * with Δt̄ the mean gap between calls, clamped to [minScale, maxScale]. It settles where the mean
 * cost per call equals the budget per call: over target the tolerance grows (a cheaper model wins
 * more often), under it shrinks. One operator number picks the point on the quality/cost curve
 * that test/bench/router-replay.ts measures.
 */
export interface SpendTargetOptions {
  /** US dollars the window may spend. */
  readonly targetUsd: number;
  readonly windowMs: number;
  /** η: 0.02 multiplies the scale by e^(0.02·k) for a call k budgets-per-call over. */
  readonly adapt?: number;
  readonly minScale?: number;
  readonly maxScale?: number;
}

export const DEFAULT_PACER_ADAPT = 0.02;
/** The tolerance can be divided or multiplied by 64: beyond, one model wins whatever its cost. */
export const DEFAULT_PACER_BOUNDS = { min: 1 / 64, max: 64 } as const;
/** Weight of the newest gap in the mean gap between calls (an EWMA over ~50 calls). */
const GAP_SMOOTHING = 0.02;

export class SpendTargetPacer {
  private logScale = 0;
  private lastAt: number | null = null;
  private meanGapMs: number | null = null;

  constructor(private readonly options: SpendTargetOptions) {}

  /** The multiplier of the selection's quality tolerance now. */
  get toleranceScale(): number {
    return Math.exp(this.logScale);
  }

  /** Counts a call's cost at `now` (epoch ms) and adjusts the scale. */
  record(now: number, usd: number): void {
    const { targetUsd, windowMs } = this.options;
    const gap = this.lastAt === null ? null : Math.max(0, now - this.lastAt);
    this.lastAt = now;
    if (gap === null) return;
    this.meanGapMs =
      this.meanGapMs === null ? gap : this.meanGapMs + GAP_SMOOTHING * (gap - this.meanGapMs);
    const perMs = targetUsd / windowMs;
    const perCall = perMs * this.meanGapMs;
    if (!(perCall > 0)) return;
    const error = (Math.max(0, usd) - perMs * gap) / perCall;
    const adapt = this.options.adapt ?? DEFAULT_PACER_ADAPT;
    const min = Math.log(this.options.minScale ?? DEFAULT_PACER_BOUNDS.min);
    const max = Math.log(this.options.maxScale ?? DEFAULT_PACER_BOUNDS.max);
    this.logScale = Math.min(max, Math.max(min, this.logScale + adapt * error));
  }
}
