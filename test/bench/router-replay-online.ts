/**
 * The production router replayed online on RouteLLM outcomes: selectModel with a Beta posterior
 * per (model, task type) that learns from the chosen model's outcome only (bandit feedback), from
 * uninformative priors, over the test prompts in a seeded order; optionally with the prompt model's
 * per-prompt shift (`ShiftedBelief`), as the agents service wires it. The quality/cost trade-off
 * is swept by scaling the tolerance; each scale is one point of the PGR curve.
 */
import {
  promptShifts,
  QualityPosterior,
  selectModel,
  ShiftedBelief,
  SpendTargetPacer,
  ROUTELLM_STRONG,
  ROUTELLM_WEAK,
  type ModelSpec,
  type PromptQualityModel,
  type TaskClassification,
} from '@daena/agents/router';
import { closedCurve, type CurvePoint } from './router-replay-metrics.js';

export interface ReplayItem {
  readonly text: string;
  readonly strong: number;
  readonly weak: number;
  readonly classification: TaskClassification;
}

/** Prices per million tokens as in RouteLLM's comparisons (GPT-4-1106 list; Mixtral hosted). */
const PRICES: Record<string, [number, number]> = {
  [ROUTELLM_STRONG]: [10, 30],
  [ROUTELLM_WEAK]: [0.24, 0.24],
};
const SCALES = [
  0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.65, 0.8, 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 12, 16, 32,
];

function replaySpec(name: string): ModelSpec {
  const [input, output] = PRICES[name] ?? [0, 0];
  return {
    name,
    kind: 'openai-compatible',
    baseURL: 'http://replay/v1',
    upstreamModel: name,
    apiKey: null,
    inputUsdPerMTok: input,
    outputUsdPerMTok: output,
    contextWindow: 128_000,
    taskTypes: [],
    features: ['streaming', 'json'],
    requestsPerMinute: null,
    tokensPerMinute: null,
    enabled: true,
    priorQuality: {},
    timeoutMs: 60_000,
  };
}

function shuffledOrder(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** A call's cost at RouteLLM's prices, from the classifier's token estimates. */
function callCost(model: string, item: ReplayItem): number {
  const [input, output] = PRICES[model] ?? [0, 0];
  const c = item.classification;
  return (c.estimatedInputTokens * input + c.estimatedOutputTokens * output) / 1e6;
}

interface PassResult extends CurvePoint {
  /** Spend as a share of always calling the strong model. */
  readonly costShare: number;
}

/**
 * One pass over the prompts: at a fixed tolerance scale, or with a pacer setting it (one request
 * a second, its window in requests); the strong-call share, the quality gap recovered, the spend.
 */
function pass(
  items: readonly ReplayItem[],
  order: readonly number[],
  shifts: readonly Map<string, number>[] | null,
  scaleOrPacer: number | SpendTargetPacer,
  random: () => number,
): PassResult {
  const specs = [replaySpec(ROUTELLM_STRONG), replaySpec(ROUTELLM_WEAK)];
  const posteriors = new Map<string, QualityPosterior>();
  const belief = (key: string) => {
    let b = posteriors.get(key);
    if (!b) posteriors.set(key, (b = new QualityPosterior()));
    return b;
  };
  let gained = 0;
  let gap = 0;
  let strong = 0;
  let spent = 0;
  let strongCost = 0;
  for (const [k, index] of order.entries()) {
    const scale = typeof scaleOrPacer === 'number' ? scaleOrPacer : scaleOrPacer.toleranceScale;
    const item = items[index] as ReplayItem;
    const shift = shifts?.[index];
    const { model } = selectModel({
      request: { text: '' },
      classification: item.classification,
      candidates: specs,
      posterior: (m, type) => {
        const base = belief(`${type}|${m}`);
        return shift ? new ShiftedBelief(base, shift.get(m) ?? 0) : base;
      },
      load: () => ({ requestsLastMinute: 0, tokensLastMinute: 0, inFlight: 0 }),
      health: () => ({ circuit: 'closed', recentErrorRate: 0 }),
      random,
      tolerance: { easy: 0.08 * scale, hard: 0.02 * scale },
      confidenceDraws: 0,
    });
    const isStrong = model === ROUTELLM_STRONG;
    const quality = isStrong ? item.strong : item.weak;
    // Judge scores (1–10) enter the posterior rescaled to 0–1.
    const observed = item.strong > 1 || item.weak > 1 ? (quality - 1) / 9 : quality;
    belief(`${item.classification.taskType}|${model}`).observe(observed, new Date(0));
    if (isStrong) {
      strong++;
      gained += item.strong - item.weak;
    }
    gap += item.strong - item.weak;
    const cost = callCost(model, item);
    spent += cost;
    strongCost += callCost(ROUTELLM_STRONG, item);
    if (typeof scaleOrPacer !== 'number') scaleOrPacer.record(k * 1000, cost);
  }
  return { share: strong / items.length, pgr: gained / gap, costShare: spent / strongCost };
}

/** The online router's PGR curve over the tolerance sweep. */
export function onlineRouterCurve(
  items: readonly ReplayItem[],
  prior: PromptQualityModel | null,
  random: () => number,
): CurvePoint[] {
  const order = shuffledOrder(items.length, random);
  const specs = [replaySpec(ROUTELLM_STRONG), replaySpec(ROUTELLM_WEAK)];
  const shifts = prior ? items.map((item) => promptShifts(prior, item.text, specs)) : null;
  return closedCurve(SCALES.map((scale) => pass(items, order, shifts, scale, random)));
}

/** The pacer's window, in requests (one a second). */
const PACER_WINDOW = 500;

/**
 * The router with the prompt prior held to a spend target by the pacer: `target` is the spend as
 * a share of always calling the strong model. Returns what it spent and recovered.
 */
export function pacedRun(
  items: readonly ReplayItem[],
  prior: PromptQualityModel,
  target: number,
  random: () => number,
): PassResult {
  const order = shuffledOrder(items.length, random);
  const specs = [replaySpec(ROUTELLM_STRONG), replaySpec(ROUTELLM_WEAK)];
  const shifts = items.map((item) => promptShifts(prior, item.text, specs));
  const strongPerRequest =
    items.reduce((s, item) => s + callCost(ROUTELLM_STRONG, item), 0) / items.length;
  const pacer = new SpendTargetPacer({
    targetUsd: target * strongPerRequest * PACER_WINDOW,
    windowMs: PACER_WINDOW * 1000,
  });
  return pass(items, order, shifts, pacer, random);
}
