/** The two-sided 95% standard normal quantile, z₀.₉₇₅. */
export const z95 = 1.959963984540054;

/**
 * Kish's effective sample size of a weighted sample, (Σw)² / Σw² (Kish, "Survey Sampling", 1965):
 * n equal weights give n; one dominant weight gives about 1.
 */
export function effectiveSampleSize(weights: Iterable<number>): number {
  let sum = 0;
  let squares = 0;
  for (const w of weights) {
    sum += w;
    squares += w * w;
  }
  return squares > 0 ? (sum * sum) / squares : 0;
}

/**
 * Wilson's score interval for a proportion (Wilson 1927), with the sample size taken as Kish's
 * effective size so weighted votes widen it as unequal weights should. Defined for any n > 0
 * (fractional too); n = 0 says nothing: [0, 1].
 */
export function wilsonInterval(
  proportion: number,
  n: number,
  z = z95,
): { low: number; high: number } {
  if (!(n > 0)) return { low: 0, high: 1 };
  const p = Math.min(1, Math.max(0, proportion));
  const z2n = (z * z) / n;
  const center = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}
