import { predictLogistic, trainLogistic, type LogisticWeights } from './logistic-regression.js';
import { promptFeatures, type PromptFeatures } from './prompt-features.js';

/**
 * Per-prompt quality prediction (issue 18): for each model profile it was trained on, the
 * probability that the model answers this prompt well — RouteLLM's framing (Ong et al. 2024,
 * arXiv 2406.18665) with a logistic regression over hashed n-grams in place of their BERT or
 * matrix-factorisation scorers; test/bench/router-replay.ts measured the choice.
 */
export interface PromptQualityModel {
  readonly dimensions: number;
  /** Model profile (e.g. `gpt-4-1106-preview`) → its logistic regression. */
  readonly profiles: ReadonlyMap<string, LogisticWeights>;
  /** Profile → p̄, its mean prediction over the prompts it was fit on (see `ShiftedBelief`). */
  readonly averages: ReadonlyMap<string, number>;
}

export interface TrainingExample {
  readonly text: string;
  /** Profile → the quality of its answer, in [0, 1] (a right answer 1; a judge score rescaled). */
  readonly quality: Readonly<Record<string, number>>;
}

export interface PromptModelConfig {
  /** Hashed feature slots, a power of two. */
  readonly dimensions: number;
  readonly l2: number;
  readonly epochs: number;
  readonly learningRate: number;
}

/**
 * Chosen on the train half only (scripts in `subgraphs/agents/router-model/`): 2¹⁵ slots keep the
 * weights small enough to commit while collisions cost little at this vocabulary; the penalty and
 * epochs are the best of a grid scored by APGR on a validation part of the train half.
 */
export const DEFAULT_PROMPT_MODEL_CONFIG: PromptModelConfig = {
  dimensions: 1 << 15,
  l2: 1e-4,
  epochs: 4,
  learningRate: 0.1,
};

/** Fits one logistic regression per profile named in the examples' qualities. */
export function trainPromptQualityModel(
  examples: readonly TrainingExample[],
  config: PromptModelConfig,
  random: () => number,
): PromptQualityModel {
  const featured = examples.map((e) => ({ x: promptFeatures(e.text, config.dimensions), e }));
  const names = [...new Set(examples.flatMap((e) => Object.keys(e.quality)))].sort();
  const profiles = new Map<string, LogisticWeights>();
  const averages = new Map<string, number>();
  for (const name of names) {
    const labelled = featured
      .filter(({ e }) => e.quality[name] !== undefined)
      .map(({ x, e }) => ({ x, y: e.quality[name] as number }));
    const weights = trainLogistic(labelled, config.dimensions, { ...config, random });
    profiles.set(name, weights);
    const sum = labelled.reduce((s, { x }) => s + predictLogistic(weights, x), 0);
    averages.set(name, sum / Math.max(1, labelled.length));
  }
  return { dimensions: config.dimensions, profiles, averages };
}

/** The predicted quality of each profile for a prompt's features. */
export function predictQualities(
  model: PromptQualityModel,
  features: PromptFeatures,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, weights] of model.profiles) out.set(name, predictLogistic(weights, features));
  return out;
}

/** The predicted quality of each profile for a prompt's text. */
export function predictPromptQuality(model: PromptQualityModel, text: string): Map<string, number> {
  return predictQualities(model, promptFeatures(text, model.dimensions));
}
