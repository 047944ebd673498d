import type { SelectionWeights } from '../contracts.js';

/**
 * Quality and cost weigh alike: one tolerance of quality (see DEFAULT_QUALITY_TOLERANCE) is worth
 * one price factor (see DEFAULT_PRICE_FACTOR). Load and health break ties and push traffic away
 * from models near their rate limits or failing (an open circuit excludes).
 */
export const DEFAULT_SELECTION_WEIGHTS: SelectionWeights = {
  quality: 0.4,
  cost: 0.4,
  load: 0.1,
  health: 0.1,
};

/**
 * The quality a request will give up for a cheaper model, per price factor: 0.08 on a trivial
 * task, shrinking linearly to 0.02 on the hardest, where answers of a weaker model are worth least
 * (the router's posterior is per task type, not per complexity, so this is the one place
 * complexity enters the ranking).
 */
export const DEFAULT_QUALITY_TOLERANCE = { easy: 0.08, hard: 0.02 } as const;

/**
 * The price ratio one tolerance of quality is worth: a model 30× dearer must be expected (or drawn)
 * one tolerance better to win — 2 points on the hardest task, 8 on a trivial one; 2× dearer, 0.2
 * tolerances. Tuned with the tolerance on test/bench/router.ts to the issue's operating point
 * (≥ 95% of the best model's quality at ≤ 40% of its cost). A fixed exchange rate, not the spread of the candidates' prices, so adding a
 * very expensive model to the registry does not make the others look cheap.
 */
export const DEFAULT_PRICE_FACTOR = 30;

/**
 * Value-of-information gate: a model dearer than the incumbent is explored (Thompson-drawn) only
 * when its upper bound could beat the incumbent by more than one tolerance — a smaller possible
 * gain is not worth paying a higher price to find out.
 */
export const EXPLORATION_MARGIN = 1;

/** Extra Thompson rounds behind `confidence`: ±0.1 resolution for a few µs with 20 models. */
export const DEFAULT_CONFIDENCE_DRAWS = 24;

/** Costs are compared in log dollars; this floor keeps a free (local) model finite. */
export const COST_FLOOR_USD = 1e-6;

/**
 * Whether a model is credited with a requested quality: its posterior MEAN must reach it — the
 * model is expected to deliver it, not merely not ruled out. A little-known model is credited with
 * its prior (the published score the registry gives, else 0.5), so a requirement of 0.999 is
 * unreachable for models whose priors and few observations say ~0.9.
 */
export function meetsQualityRequirement(mean: number, requirement: number): boolean {
  return mean >= requirement;
}
