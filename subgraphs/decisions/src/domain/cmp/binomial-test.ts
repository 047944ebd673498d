/**
 * One-sided exact binomial test: P(X ≥ k) for X ~ Binomial(n, p), summed from the pmf at k
 * (computed in log space with ln Γ, Lanczos 1964, g = 7, n = 9 coefficients) by the ratio
 * pmf(i + 1) = pmf(i) · (n − i)/(i + 1) · p/(1 − p).
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const ratio = p / (1 - p);
  let pmf = Math.exp(
    logGamma(n + 1) -
      logGamma(k + 1) -
      logGamma(n - k + 1) +
      k * Math.log(p) +
      (n - k) * Math.log1p(-p),
  );
  let tail = 0;
  for (let i = k; i <= n; i++) {
    tail += pmf;
    pmf *= ((n - i) / (i + 1)) * ratio;
    // Past the mode the terms shrink geometrically; stop once they no longer count.
    if (pmf < tail * 1e-17) break;
  }
  return Math.min(1, tail);
}

const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = lanczos[0] ?? 0;
  for (let i = 1; i < lanczos.length; i++) sum += (lanczos[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
