import type { ModelSpec, TaskType } from '../contracts.js';
import { sampleBeta } from './sample-beta.js';

/** What persistence stores of one (model, task type) posterior. */
export interface PosteriorState {
  /** Beta parameters, prior included. */
  readonly alpha: number;
  readonly beta: number;
  /** Quality signals ever counted (not discounted), for display and diagnostics. */
  readonly observations: number;
  readonly updatedAt: Date | null;
}

/** The Beta prior a posterior starts from and discounts back toward. */
export interface BetaPrior {
  readonly alpha: number;
  readonly beta: number;
}

/**
 * Pseudo-observations a published prior quality is worth, by how much the number says about the
 * task type: a score published for that kind of task (HumanEval for code, measured on hundreds of
 * items) is worth 64 signals, a general score standing in for a type it does not measure
 * (`default`) 32. A few hundred observed outcomes overrule either; a weaker prior (4 was tried)
 * made Thompson sampling spend ~20% of traffic re-learning on expensive models what the model card
 * already says (test/bench/router.ts).
 */
export const DEFAULT_PRIOR_STRENGTH = { taskType: 64, default: 32 } as const;
export type PriorStrength = number | { readonly taskType: number; readonly default: number };
/**
 * Per-observation discount of old evidence: an effective memory of 1 / (1 − γ) = 1,000 signals,
 * so a quietly degrading model is forgotten at a bounded rate even without a drift alarm, while
 * the posterior stays tight enough that Thompson sampling stops spending on settled questions.
 * Abrupt changes are the drift detector's job.
 */
export const DEFAULT_EVIDENCE_DISCOUNT = 0.999;

export const UNINFORMATIVE_PRIOR: BetaPrior = { alpha: 1, beta: 1 };

/**
 * The prior of a model for a task type: Beta(s·p, s·(1 − p)) from `priorQuality` (the task type's,
 * else `default`), or Beta(1, 1) when the registry gives none. s is the strength of the kind of
 * number used (see DEFAULT_PRIOR_STRENGTH), or the one number given. p is clamped to [0.02, 0.98]
 * so a prior of 1 or 0 cannot freeze the posterior.
 */
export function priorFor(
  spec: Pick<ModelSpec, 'priorQuality'> | undefined,
  taskType: TaskType,
  strength: PriorStrength = DEFAULT_PRIOR_STRENGTH,
): BetaPrior {
  const own = spec?.priorQuality[taskType];
  const p = own ?? spec?.priorQuality.default;
  if (p === undefined || !Number.isFinite(p)) return UNINFORMATIVE_PRIOR;
  const s =
    typeof strength === 'number'
      ? strength
      : own !== undefined
        ? strength.taskType
        : strength.default;
  const clamped = Math.min(0.98, Math.max(0.02, p));
  return { alpha: s * clamped, beta: s * (1 - clamped) };
}

/**
 * What this replica learned of a pair since it last synced with the shared store, as a merge the
 * store can apply to whatever it holds by then (other replicas' evidence included):
 *
 *   stored ← prior + shrink · (stored − prior) + added
 *
 * `shrink` is the product of every discount applied since (γ per signal, the drift cut), `added`
 * the evidence counted since, itself discounted by what came after it. Applied to the state the
 * replica synced from, it gives exactly the sequential updates; applied to a store other replicas
 * wrote to meanwhile, it folds their evidence in as if theirs came first.
 */
export interface PosteriorMerge {
  readonly priorAlpha: number;
  readonly priorBeta: number;
  readonly shrink: number;
  readonly addedAlpha: number;
  readonly addedBeta: number;
  readonly observations: number;
  readonly updatedAt: Date | null;
}

/** One Beta parameter after a merge: prior + shrink · max(0, stored − prior) + added. */
function mergedParameter(prior: number, shrink: number, stored: number, added: number): number {
  return prior + shrink * Math.max(0, stored - prior) + added;
}

/**
 * The stored posterior after one replica's `PosteriorMerge` (`stored` null: the pair is new, so
 * it starts from the prior). The store applies merges one at a time under a row lock, so replicas
 * never overwrite each other's evidence.
 */
export function applyPosteriorMerge(
  stored: PosteriorState | null,
  merge: PosteriorMerge,
): PosteriorState {
  const updatedAt = [stored?.updatedAt ?? null, merge.updatedAt]
    .filter((date): date is Date => date !== null)
    .reduce<Date | null>((latest, date) => (latest && latest >= date ? latest : date), null);
  return {
    alpha: mergedParameter(
      merge.priorAlpha,
      merge.shrink,
      stored?.alpha ?? merge.priorAlpha,
      merge.addedAlpha,
    ),
    beta: mergedParameter(
      merge.priorBeta,
      merge.shrink,
      stored?.beta ?? merge.priorBeta,
      merge.addedBeta,
    ),
    observations: (stored?.observations ?? 0) + merge.observations,
    updatedAt,
  };
}

/**
 * A Beta posterior of a model's quality on one task type. A quality signal q ∈ [0, 1] counts as
 * q of a success and 1 − q of a failure (the fractional-Bernoulli update). Old evidence is
 * discounted toward the prior at every update — discounted Thompson sampling, Raj & Kalyani 2017,
 * "Taming non-stationary bandits: a Bayesian approach": α ← α₀ + γ(α − α₀) + q. Mutable: the
 * tracker owns one per pair and updates it in place.
 *
 * Kept as the state last synced with the store (`synced`) plus what was learned since (`shrink`,
 * `added`): α = α₀ + shrink · (synced α − α₀) + added α, so replicas can merge (`PosteriorMerge`).
 */
export class QualityPosterior {
  private synced: { alpha: number; beta: number; observations: number };
  private shrink = 1;
  private addedAlpha = 0;
  private addedBeta = 0;
  private addedObservations = 0;
  private updated: Date | null;
  /** The merge handed out and the synced state it was taken from, until the store answers. */
  private inFlight: { merge: PosteriorMerge; synced: QualityPosterior['synced'] } | null = null;

  constructor(
    readonly prior: BetaPrior = UNINFORMATIVE_PRIOR,
    state?: PosteriorState,
    /** γ of the discounted update; 1 keeps every observation forever. */
    readonly evidenceDiscount = DEFAULT_EVIDENCE_DISCOUNT,
  ) {
    this.synced = {
      alpha: state?.alpha ?? prior.alpha,
      beta: state?.beta ?? prior.beta,
      observations: state?.observations ?? 0,
    };
    this.updated = state?.updatedAt ?? null;
  }

  /**
   * Counts one quality signal, clamped to [0, 1], as `weight` observations (its source's trust,
   * `SIGNAL_TRUST`): α += w·q, β += w·(1 − q), older evidence discounted by γ^w.
   */
  observe(quality: number, at: Date, weight = 1): void {
    const q = Number.isFinite(quality) ? Math.min(1, Math.max(0, quality)) : 0;
    const w = Number.isFinite(weight) ? Math.max(0, weight) : 0;
    this.shrinkEvidence(this.evidenceDiscount ** w);
    this.addedAlpha += w * q;
    this.addedBeta += w * (1 - q);
    this.addedObservations += 1;
    this.updated = at;
  }

  /**
   * Keeps `factor` (0–1) of the evidence gathered so far, the prior untouched: used on drift, so
   * the standard deviation grows back and Thompson sampling explores the pair again.
   */
  discount(factor: number): void {
    this.shrinkEvidence(Math.min(1, Math.max(0, factor)));
  }

  private get alpha(): number {
    return mergedParameter(this.prior.alpha, this.shrink, this.synced.alpha, this.addedAlpha);
  }

  private get beta(): number {
    return mergedParameter(this.prior.beta, this.shrink, this.synced.beta, this.addedBeta);
  }

  get mean(): number {
    return this.alpha / (this.alpha + this.beta);
  }

  /** √(αβ / ((α + β)²(α + β + 1))). */
  get stdDev(): number {
    const n = this.alpha + this.beta;
    return Math.sqrt((this.alpha * this.beta) / (n * n * (n + 1)));
  }

  /** Evidence on top of the prior, after discounting: how many signals the posterior "remembers". */
  get effectiveObservations(): number {
    return this.alpha + this.beta - this.prior.alpha - this.prior.beta;
  }

  /** A Thompson draw from Beta(α, β). */
  sample(random: () => number): number {
    return sampleBeta(this.alpha, this.beta, random);
  }

  state(): PosteriorState {
    return {
      alpha: this.alpha,
      beta: this.beta,
      observations: this.synced.observations + this.addedObservations,
      updatedAt: this.updated,
    };
  }

  /**
   * What was learned since the last sync, as a merge for the store, or null when nothing was.
   * The posterior reads the same after: what it hands out now counts as synced.
   */
  takeMerge(): PosteriorMerge | null {
    if (this.shrink === 1 && this.addedObservations === 0) return null;
    const merge: PosteriorMerge = {
      priorAlpha: this.prior.alpha,
      priorBeta: this.prior.beta,
      shrink: this.shrink,
      addedAlpha: this.addedAlpha,
      addedBeta: this.addedBeta,
      observations: this.addedObservations,
      updatedAt: this.updated,
    };
    const { alpha, beta } = this;
    this.inFlight = { merge, synced: this.synced };
    this.synced = {
      alpha,
      beta,
      observations: this.synced.observations + this.addedObservations,
    };
    this.resetAdded();
    return merge;
  }

  /**
   * Takes back the merge `takeMerge` last gave out, whose write failed, under what was learned
   * since. The posterior reads the same after.
   */
  restoreMerge(): void {
    const taken = this.inFlight;
    if (!taken) return;
    this.inFlight = null;
    this.synced = taken.synced;
    this.addedAlpha = this.shrink * taken.merge.addedAlpha + this.addedAlpha;
    this.addedBeta = this.shrink * taken.merge.addedBeta + this.addedBeta;
    this.shrink *= taken.merge.shrink;
    this.addedObservations += taken.merge.observations;
  }

  /**
   * The store's state (every replica's evidence, this one's merges included): what was learned
   * here since the last merge stays on top of it.
   */
  syncTo(stored: PosteriorState): void {
    this.inFlight = null;
    this.synced = { alpha: stored.alpha, beta: stored.beta, observations: stored.observations };
    if (stored.updatedAt && (!this.updated || stored.updatedAt > this.updated)) {
      this.updated = stored.updatedAt;
    }
  }

  private resetAdded(): void {
    this.shrink = 1;
    this.addedAlpha = 0;
    this.addedBeta = 0;
    this.addedObservations = 0;
  }

  private shrinkEvidence(factor: number): void {
    this.shrink *= factor;
    this.addedAlpha *= factor;
    this.addedBeta *= factor;
  }
}
