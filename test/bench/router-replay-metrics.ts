/**
 * RouteLLM's routing metrics (Ong et al. 2024, arXiv 2406.18665, §5.1) over a scored test set:
 * route the highest-scoring prompts to the strong model, sweep how many. PGR(k) = (quality with
 * the top k strong − weak) / (strong − weak); APGR = area under PGR over the strong-call share;
 * CPT(x) = the least share at which PGR reaches x. Tied scores are routed in random order, so the
 * curve is the expected one: linear across a tie group (a constant score is random routing:
 * APGR 0.5, CPT(x) = x).
 */
export interface ScoredItem {
  /** Higher: more reason to call the strong model. */
  readonly score: number;
  readonly strong: number;
  readonly weak: number;
}

export interface CurvePoint {
  readonly share: number;
  readonly pgr: number;
}

/** The PGR curve at every tie-group boundary, from (0, 0) to (1, 1). */
export function pgrCurve(items: readonly ScoredItem[]): CurvePoint[] {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const weakTotal = sorted.reduce((s, i) => s + i.weak, 0);
  const strongTotal = sorted.reduce((s, i) => s + i.strong, 0);
  const gap = strongTotal - weakTotal;
  const points: CurvePoint[] = [{ share: 0, pgr: 0 }];
  let gained = 0;
  for (let k = 0; k < sorted.length; k++) {
    const item = sorted[k] as ScoredItem;
    gained += item.strong - item.weak;
    const next = sorted[k + 1];
    if (next === undefined || next.score !== item.score) {
      points.push({ share: (k + 1) / sorted.length, pgr: gained / gap });
    }
  }
  return points;
}

/** Curve points of a router that is not a ranking (an online router's tolerance sweep). */
export function closedCurve(points: readonly CurvePoint[]): CurvePoint[] {
  return [{ share: 0, pgr: 0 }, ...points, { share: 1, pgr: 1 }].sort((a, b) => a.share - b.share);
}

/** Trapezoidal area under the curve. */
export function apgr(curve: readonly CurvePoint[]): number {
  let area = 0;
  for (let i = 1; i < curve.length; i++) {
    const a = curve[i - 1] as CurvePoint;
    const b = curve[i] as CurvePoint;
    area += ((b.share - a.share) * (a.pgr + b.pgr)) / 2;
  }
  return area;
}

/** The least strong-call share at which the (interpolated) curve reaches `target`. */
export function cpt(curve: readonly CurvePoint[], target: number): number {
  for (let i = 1; i < curve.length; i++) {
    const a = curve[i - 1] as CurvePoint;
    const b = curve[i] as CurvePoint;
    if (b.pgr >= target) {
      if (a.pgr >= target || b.pgr === a.pgr) return a.share;
      return a.share + ((target - a.pgr) / (b.pgr - a.pgr)) * (b.share - a.share);
    }
  }
  return 1;
}

export interface RoutingFigures {
  readonly apgr: number;
  readonly cpt50: number;
  readonly cpt80: number;
}

export function figures(curve: readonly CurvePoint[]): RoutingFigures {
  return { apgr: apgr(curve), cpt50: cpt(curve, 0.5), cpt80: cpt(curve, 0.8) };
}

/** "mean ± sd" of a list (sample standard deviation), at `digits` decimals. */
export function meanSd(values: readonly number[], digits: number, scale = 1): string {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance =
    values.length > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1) : 0;
  return `${(scale * mean).toFixed(digits)} ± ${(scale * Math.sqrt(variance)).toFixed(digits)}`;
}
