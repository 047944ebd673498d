/**
 * Forecast error measured as horizons come due: each forecast's last point (`horizon` ahead) is
 * kept until its instant is in the history, then scored as an absolute percentage error. MAPE is
 * the mean over the last `window` scored forecasts of a target (Hyndman & Koehler 2006, "Another
 * look at measures of forecast accuracy"); actual values of 0 have no percentage error and are
 * skipped, as in `mape`.
 */
export class ForecastAccuracy {
  private readonly pending = new Map<string, Map<number, number>>();
  private readonly errors: number[] = [];

  constructor(private readonly window = 288) {}

  /** Remembers that series `key` was forecast to be `value` at `at` (ms). */
  predict(key: string, at: number, value: number): void {
    const series = this.pending.get(key) ?? new Map<number, number>();
    series.set(at, value);
    this.pending.set(key, series);
  }

  /**
   * Scores the pending forecasts of `key` whose instant `actual` (points in time order) now
   * holds, and forgets those older than its first point (a gap: nothing to score against).
   * Returns how many were scored.
   */
  settle(key: string, actual: readonly (readonly [number, number])[]): number {
    const series = this.pending.get(key);
    if (!series || actual.length === 0) return 0;
    const values = new Map(actual.map(([at, value]) => [at, value]));
    const oldest = actual[0]?.[0] ?? 0;
    const newest = actual[actual.length - 1]?.[0] ?? 0;
    let scored = 0;
    for (const [at, predicted] of series) {
      if (at > newest) continue;
      series.delete(at);
      const value = values.get(at);
      if (at < oldest || value === undefined || value === 0) continue;
      this.errors.push(Math.abs((value - predicted) / value));
      if (this.errors.length > this.window) this.errors.shift();
      scored++;
    }
    return scored;
  }

  /** Mean absolute percentage error of the scored forecasts (a ratio), NaN before any. */
  mape(): number {
    if (this.errors.length === 0) return NaN;
    return this.errors.reduce((sum, e) => sum + e, 0) / this.errors.length;
  }

  get scored(): number {
    return this.errors.length;
  }
}
