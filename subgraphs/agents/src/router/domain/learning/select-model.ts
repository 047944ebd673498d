import type {
  CandidateScore,
  Exclusion,
  HealthState,
  LoadState,
  ModelSpec,
  RouteRequest,
  Selection,
  SelectionWeights,
  TaskClassification,
  TaskType,
} from '../contracts.js';
import { BudgetTooLowError, NoModelAvailableError, QualityUnreachableError } from '../errors.js';
import {
  availabilityExclusion,
  estimateTokens,
  expectedCostUsd,
  rateLimitUse,
} from './candidate-eligibility.js';
import {
  COST_FLOOR_USD,
  DEFAULT_CONFIDENCE_DRAWS,
  DEFAULT_PRICE_FACTOR,
  DEFAULT_QUALITY_TOLERANCE,
  DEFAULT_SELECTION_WEIGHTS,
  EXPLORATION_MARGIN,
  meetsQualityRequirement,
} from './selection-policy.js';
import { fillNormals } from './sample-beta.js';
import { explainSelection } from './selection-reasoning.js';

/** What the selection needs of a posterior (a `QualityPosterior` is one). */
export interface QualityBelief {
  readonly mean: number;
  readonly stdDev: number;
  sample(random: () => number): number;
}

export interface SelectModelInput {
  readonly request: RouteRequest;
  readonly classification: TaskClassification;
  readonly candidates: readonly ModelSpec[];
  readonly posterior: (model: string, taskType: TaskType) => QualityBelief;
  readonly load: (model: string) => LoadState;
  readonly health: (model: string) => HealthState;
  readonly weights?: SelectionWeights;
  /** Uniforms in [0, 1): Thompson draws. */
  readonly random: () => number;
  readonly tolerance?: { readonly easy: number; readonly hard: number };
  /** The price ratio one tolerance of quality is worth (DEFAULT_PRICE_FACTOR). */
  readonly priceFactor?: number;
  readonly confidenceDraws?: number;
}

interface Candidate {
  readonly spec: ModelSpec;
  readonly belief: QualityBelief;
  readonly mean: number;
  readonly stdDev: number;
  readonly exclusion: Exclusion | null;
  readonly cost: number;
  readonly load: number;
  readonly health: number;
  costScore: number;
  /** w_c·cᵢ + w_l·lᵢ + w_h·hᵢ: the part of the score that does not depend on the draw. */
  fixed: number;
  sampled: number;
  score: number;
}

/**
 * Picks the model for a request: eligibility, then Thompson sampling on a utility that prices
 * quality. For each eligible model i, with θᵢ ~ Beta(αᵢ, βᵢ) its posterior draw, θ* = maxⱼ θⱼ,
 * the tolerance τ = τ_easy + (τ_hard − τ_easy) · complexity and K the price factor:
 *   qᵢ = 1 − (θ* − θᵢ) / τ                          sampled quality, in tolerances below the best
 *   cᵢ = 1 + ln(cost_min / costᵢ) / ln K            price, in factors of K above the cheapest
 *   lᵢ = 1 − (share of its tighter per-minute rate limit the call would use)
 *   hᵢ = (1 − recent error rate) · (½ if the circuit is half-open)
 *   scoreᵢ = w_q qᵢ + w_c cᵢ + w_l lᵢ + w_h hᵢ
 * With w_q = w_c a model K× dearer must draw one tolerance higher to win. Thompson sampling
 * (Thompson 1933; Chapelle & Li 2011) on this utility explores where little is known, gated by
 * value of information against price: the incumbent is the best utility at the posterior means; a
 * model dearer than it is drawn only when its upper bound (mean + 2 sd) beats the incumbent's
 * utility by more than EXPLORATION_MARGIN tolerances, else it competes with its mean. Cheaper
 * models are explored freely; an expensive one stops costing exploration once it cannot win big.
 * `confidence` is the share of further rounds (normal approximations of the posteriors) the
 * chosen model also wins.
 */
export function selectModel(input: SelectModelInput): Selection {
  const { request, classification, random } = input;
  const w = input.weights ?? DEFAULT_SELECTION_WEIGHTS;
  const taskType = request.taskType ?? classification.taskType;
  const tokens = estimateTokens(request, classification);
  const complexity = Math.min(1, Math.max(0, classification.complexity));
  const { easy, hard } = input.tolerance ?? DEFAULT_QUALITY_TOLERANCE;
  const tolerance = Math.max(1e-6, easy + (hard - easy) * complexity);
  const lnK = Math.log(Math.max(1 + 1e-9, input.priceFactor ?? DEFAULT_PRICE_FACTOR));

  const eligible: Candidate[] = [];
  const excluded: Candidate[] = [];
  let minCost = Number.POSITIVE_INFINITY;
  for (const spec of input.candidates) {
    const c = assess(spec, taskType, input, tokens);
    if (c.exclusion === null) {
      eligible.push(c);
      if (c.cost < minCost) minCost = c.cost;
    } else excluded.push(c);
  }
  if (eligible.length === 0) throw noEligibleModel(excluded, request);

  const floor = Math.max(minCost, COST_FLOOR_USD);
  const qualityPerDraw = w.quality / tolerance;
  let best = 0;
  // The incumbent: the best utility at the posterior means.
  let incumbent = eligible[0] as Candidate;
  let incumbentUtility = Number.NEGATIVE_INFINITY;
  for (const c of eligible) {
    c.costScore = floor / Math.max(c.cost, COST_FLOOR_USD);
    c.fixed = w.cost * (1 + Math.log(c.costScore) / lnK) + w.load * c.load + w.health * c.health;
    const u = qualityPerDraw * c.mean + c.fixed;
    if (u > incumbentUtility) {
      incumbentUtility = u;
      incumbent = c;
    }
  }
  const margin = w.quality * EXPLORATION_MARGIN;
  for (const c of eligible) {
    const dearer = c.cost > incumbent.cost;
    const upper = qualityPerDraw * Math.min(1, c.mean + 2 * c.stdDev) + c.fixed;
    c.sampled = !dearer || upper > incumbentUtility + margin ? c.belief.sample(random) : c.mean;
    if (c.sampled > best) best = c.sampled;
  }
  for (const c of eligible) c.score = w.quality * (1 - (best - c.sampled) / tolerance) + c.fixed;
  eligible.sort((a, b) => b.score - a.score);

  const confidence = confidenceOf(eligible, qualityPerDraw, random, input.confidenceDraws);
  const candidates: CandidateScore[] = [];
  for (const c of eligible) candidates.push(scoreOf(c, c.score));
  for (const c of excluded) candidates.push(scoreOf(c, 0));
  const fallbacks: string[] = [];
  for (let i = 1; i < eligible.length; i++) fallbacks.push((eligible[i] as Candidate).spec.name);
  return {
    model: (eligible[0] as Candidate).spec.name,
    confidence,
    reasoning: explainSelection(taskType, complexity, tolerance, candidates),
    candidates,
    fallbacks,
    classification,
  };
}

/**
 * The share of `draws` further rounds the first of `ranked` wins. A round's winner maximises
 * (w_q / τ)·θᵢ + fixedᵢ (the best draw θ* is common to all, so it drops out); θᵢ is drawn from the
 * normal approximation of the posterior — 4× cheaper than a Beta draw, and with tens of signals a
 * Beta is close to normal.
 */
function confidenceOf(
  ranked: readonly Candidate[],
  qualityPerDraw: number,
  random: () => number,
  draws = DEFAULT_CONFIDENCE_DRAWS,
): number {
  if (ranked.length < 2 || draws <= 0) return 1;
  const normals = new Float64Array(ranked.length);
  let wins = 0;
  for (let d = 0; d < draws; d++) {
    fillNormals(normals, random);
    let winner = 0;
    let top = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < ranked.length; i++) {
      const c = ranked[i] as Candidate;
      const theta = Math.min(1, Math.max(0, c.mean + c.stdDev * (normals[i] as number)));
      const u = qualityPerDraw * theta + c.fixed;
      if (u > top) {
        top = u;
        winner = i;
      }
    }
    if (winner === 0) wins++;
  }
  return wins / draws;
}

function scoreOf(c: Candidate, score: number): CandidateScore {
  return {
    model: c.spec.name,
    eligible: c.exclusion === null,
    exclusion: c.exclusion,
    expectedQuality: c.mean,
    qualityStdDev: c.stdDev,
    sampledQuality: c.sampled,
    expectedCostUsd: c.cost,
    costScore: c.costScore,
    loadScore: c.load,
    healthScore: c.health,
    score,
  };
}

function assess(
  spec: ModelSpec,
  taskType: TaskType,
  input: SelectModelInput,
  tokens: ReturnType<typeof estimateTokens>,
): Candidate {
  const { request } = input;
  const belief = input.posterior(spec.name, taskType);
  const load = input.load(spec.name);
  const health = input.health(spec.name);
  const cost = expectedCostUsd(spec, tokens);
  const mean = belief.mean;
  let exclusion = availabilityExclusion(spec, taskType, request, tokens, load, health);
  if (exclusion === null && request.maxCostUsd !== undefined && cost > request.maxCostUsd) {
    exclusion = 'OVER_BUDGET';
  }
  if (exclusion === null && !meetsQualityRequirement(mean, request.qualityRequirement ?? 0)) {
    exclusion = 'BELOW_QUALITY';
  }
  return {
    spec,
    belief,
    mean,
    stdDev: belief.stdDev,
    exclusion,
    cost,
    load: Math.min(1, Math.max(0, 1 - rateLimitUse(spec, load, tokens))),
    health:
      Math.min(1, Math.max(0, 1 - health.recentErrorRate)) *
      (health.circuit === 'half-open' ? 0.5 : 1),
    costScore: 0,
    fixed: 0,
    sampled: mean,
    score: 0,
  };
}

/**
 * The error when nothing is eligible: no model can take the request at all; or the quality asked
 * is beyond every available model's expected quality; or the budget is below the cheapest model
 * good enough.
 */
function noEligibleModel(all: readonly Candidate[], request: RouteRequest): Error {
  const available = all.filter(
    (c) => c.exclusion === 'OVER_BUDGET' || c.exclusion === 'BELOW_QUALITY',
  );
  if (available.length === 0) {
    return new NoModelAvailableError('No enabled model can take this request', {
      exclusions: Object.fromEntries(all.map((c) => [c.spec.name, c.exclusion])),
    });
  }
  const requirement = request.qualityRequirement ?? 0;
  const goodEnough = available.filter((c) => meetsQualityRequirement(c.mean, requirement));
  if (goodEnough.length === 0) {
    return new QualityUnreachableError(requirement, Math.max(...available.map((c) => c.mean)));
  }
  return new BudgetTooLowError(request.maxCostUsd ?? 0, Math.min(...goodEnough.map((c) => c.cost)));
}
