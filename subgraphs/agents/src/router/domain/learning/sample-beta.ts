/**
 * Beta and Gamma draws from a uniform RNG, so Thompson sampling needs no dependency and replays
 * exactly under a seeded RNG. `random` returns uniforms in [0, 1), like `Math.random`.
 */

/** A standard normal draw by the Marsaglia polar method (Marsaglia & Bray 1964). */
export function sampleNormal(random: () => number): number {
  for (;;) {
    const u = 2 * random() - 1;
    const v = 2 * random() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** Fills `out` with standard normal draws, using both values of each polar-method pair. */
export function fillNormals(out: Float64Array, random: () => number): void {
  for (let i = 0; i < out.length; i += 2) {
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * random() - 1;
      v = 2 * random() - 1;
      s = u * u + v * v;
    } while (s <= 0 || s >= 1);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    out[i] = u * f;
    if (i + 1 < out.length) out[i + 1] = v * f;
  }
}

/**
 * A Gamma(shape, 1) draw: Marsaglia & Tsang 2000, "A simple method for generating gamma
 * variables"; shapes below 1 use their boost Gamma(a) = Gamma(a + 1) · U^(1/a).
 */
export function sampleGamma(shape: number, random: () => number): number {
  if (!(shape > 0)) throw new RangeError(`Gamma shape must be positive, got ${shape}`);
  if (shape < 1) {
    const u = 1 - random(); // (0, 1]: the power never sees 0
    return sampleGamma(shape + 1, random) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(alpha, beta) draw as X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta). */
export function sampleBeta(alpha: number, beta: number, random: () => number): number {
  const x = sampleGamma(alpha, random);
  const y = sampleGamma(beta, random);
  return x + y > 0 ? x / (x + y) : alpha / (alpha + beta);
}
