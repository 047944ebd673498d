import { DEFAULT_QUALITY_TOLERANCE } from './selection-policy.js';
import { DEFAULT_PACER_BOUNDS } from './spend-target-pacer.js';

/**
 * The per-request cost knob (issue 18): how much a caller is willing to pay for quality, from 0
 * to 1. 0.5 keeps the deployment's trade-off (the default tolerance, moved by the spend target's
 * pacer when one is set); higher sends more requests to dearer, stronger models, lower to cheaper
 * ones. Its ends put price first (0: a dearer model must be far better to win) and quality first
 * (1: price only breaks near ties), from the deployment's point.
 */
export const WILLINGNESS_TO_PAY_RANGE = { min: 0, max: 1 } as const;

/** The point that leaves the deployment's trade-off as it is. */
export const NEUTRAL_WILLINGNESS_TO_PAY = 0.5;

/**
 * The factor the knob's ends multiply or divide the quality tolerance by: the pacer's bounds,
 * beyond which one model wins whatever its price.
 */
const END_FACTOR = DEFAULT_PACER_BOUNDS.max;

/**
 * The multiplier of the quality tolerance a willingness to pay w asks for, log-linear in w:
 * 64^(1 − 2w), so 0 → 64 (quality is cheap to give up), 0.5 → 1, 1 → 1/64, and every step of
 * 1/12 halves or doubles it. A smaller tolerance lets a dearer model win with a smaller lead in
 * quality (see `selectModel`).
 */
export function willingnessScale(willingness: number | undefined): number {
  if (willingness === undefined) return 1;
  const w = Math.min(
    WILLINGNESS_TO_PAY_RANGE.max,
    Math.max(WILLINGNESS_TO_PAY_RANGE.min, willingness),
  );
  return END_FACTOR ** ((NEUTRAL_WILLINGNESS_TO_PAY - w) / NEUTRAL_WILLINGNESS_TO_PAY);
}

/**
 * The quality tolerance of one selection: the default, scaled by the deployment's pacer (its
 * spend target) and by the request's willingness to pay. The two multiply: the request moves
 * from wherever the deployment's spend target has put the trade-off.
 */
export function selectionTolerance(
  pacerScale: number,
  willingness: number | undefined,
): { easy: number; hard: number } {
  const scale = pacerScale * willingnessScale(willingness);
  return {
    easy: DEFAULT_QUALITY_TOLERANCE.easy * scale,
    hard: DEFAULT_QUALITY_TOLERANCE.hard * scale,
  };
}
