/**
 * The Page–Hinkley test (Page 1954, "Continuous inspection schemes"; Hinkley 1971) for a change in
 * a stream's mean. With x̄ₜ the running mean since the last reset:
 *   increase: Uₜ = Σ (xᵢ − x̄ᵢ − δ), alarm when Uₜ − min U > λ
 *   decrease: Lₜ = Σ (xᵢ − x̄ᵢ + δ), alarm when max L − Lₜ > λ
 * δ is the change too small to care about (it also makes the statistic drift away from an alarm
 * on a stationary stream), λ the evidence needed; no alarm before `minObservations`.
 */
export interface PageHinkleyOptions {
  readonly delta: number;
  readonly lambda: number;
  readonly minObservations: number;
  readonly direction: 'increase' | 'decrease' | 'both';
}

export type MeanShift = 'increase' | 'decrease';

export class PageHinkley {
  private n = 0;
  private mean = 0;
  private up = 0;
  private upMin = 0;
  private down = 0;
  private downMax = 0;

  constructor(readonly options: PageHinkleyOptions) {}

  /** Feeds one value; returns the shift when the test fires (the caller decides whether to reset). */
  update(x: number): MeanShift | null {
    if (!Number.isFinite(x)) return null;
    const { delta, lambda, minObservations, direction } = this.options;
    this.n += 1;
    this.mean += (x - this.mean) / this.n;
    this.up += x - this.mean - delta;
    this.upMin = Math.min(this.upMin, this.up);
    this.down += x - this.mean + delta;
    this.downMax = Math.max(this.downMax, this.down);
    if (this.n < minObservations) return null;
    if (direction !== 'decrease' && this.up - this.upMin > lambda) return 'increase';
    if (direction !== 'increase' && this.downMax - this.down > lambda) return 'decrease';
    return null;
  }

  /** The larger of the two test statistics being watched, to compare with λ. */
  get statistic(): number {
    const { direction } = this.options;
    const up = direction === 'decrease' ? 0 : this.up - this.upMin;
    const down = direction === 'increase' ? 0 : this.downMax - this.down;
    return Math.max(up, down);
  }

  get observations(): number {
    return this.n;
  }

  reset(): void {
    this.n = 0;
    this.mean = 0;
    this.up = 0;
    this.upMin = 0;
    this.down = 0;
    this.downMax = 0;
  }
}
