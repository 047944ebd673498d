/**
 * A spending cap over a sliding window: `allows` says whether a call expected to cost `usd` fits
 * in what is left of the window's budget; `spend` counts what a call did cost. In memory, per
 * replica: each replica paces its own share (the cap is per replica, documented with the setting).
 */
export class SpendPacer {
  private readonly spent: { at: number; usd: number }[] = [];
  private total = 0;

  constructor(
    private readonly budgetUsd: number,
    private readonly windowMs: number,
  ) {}

  allows(now: number, usd: number): boolean {
    this.expire(now);
    return this.total + Math.max(0, usd) <= this.budgetUsd;
  }

  spend(now: number, usd: number): void {
    this.expire(now);
    if (!(usd > 0)) return;
    this.spent.push({ at: now, usd });
    this.total += usd;
  }

  /** US dollars spent in the window ending `now`. */
  spentUsd(now: number): number {
    this.expire(now);
    return this.total;
  }

  private expire(now: number): void {
    while (this.spent.length > 0 && (this.spent[0]?.at ?? now) <= now - this.windowMs) {
      this.total -= this.spent.shift()?.usd ?? 0;
    }
    if (this.spent.length === 0) this.total = 0;
  }
}
