/**
 * Normalises raw weights to sum 1 with none above `cap`, by water-filling: scale the uncapped
 * weights to fill what the capped ones leave, cap whoever then exceeds, repeat (the capped-simplex
 * projection of e.g. Wang & Carreira-Perpiñán 2015, in its proportional form). The cap rises to
 * 1/n when fewer than 1/cap weights exist, as no set of n weights summing to 1 can all stay below.
 * Negative or non-finite raw weights count as 0; if only zeros are left uncapped they share the
 * rest equally.
 */
export function capWeights(raw: readonly number[], cap: number): number[] {
  const n = raw.length;
  if (n === 0) return [];
  const limit = Math.max(cap, 1 / n);
  const clean = raw.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const capped = new Uint8Array(n);
  let cappedCount = 0;
  for (;;) {
    const free = 1 - cappedCount * limit;
    let freeRaw = 0;
    for (let i = 0; i < n; i++) if (!capped[i]) freeRaw += clean[i] ?? 0;
    if (freeRaw <= 0) {
      const share = free / (n - cappedCount);
      return clean.map((_, i) => (capped[i] ? limit : share));
    }
    const scale = free / freeRaw;
    let newlyCapped = 0;
    for (let i = 0; i < n; i++) {
      if (!capped[i] && (clean[i] ?? 0) * scale > limit) {
        capped[i] = 1;
        newlyCapped++;
      }
    }
    if (newlyCapped === 0) return clean.map((w, i) => (capped[i] ? limit : w * scale));
    cappedCount += newlyCapped;
  }
}
