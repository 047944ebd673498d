import type { PromptFeatures } from './prompt-features.js';

/** One linear model over hashed features: P(y = 1 | x) = σ(b + w·x). */
export interface LogisticWeights {
  bias: number;
  readonly weights: Float32Array;
}

export interface TrainingOptions {
  /** L2 penalty per example and epoch (λ of ½λ‖w‖²), chosen by cross-validation on train. */
  readonly l2: number;
  readonly epochs: number;
  /** Base step of AdaGrad (Duchi, Hazan & Singer 2011). */
  readonly learningRate: number;
  /** Uniforms in [0, 1), for the order of examples in each epoch. */
  readonly random: () => number;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** σ(b + w·x) of one sparse feature vector. */
export function predictLogistic(model: LogisticWeights, x: PromptFeatures): number {
  let z = model.bias;
  for (let i = 0; i < x.indices.length; i++) {
    z += (model.weights[x.indices[i] as number] as number) * (x.values[i] as number);
  }
  return sigmoid(z);
}

/**
 * Fits a logistic regression by AdaGrad on the log loss with an L2 penalty, labels in [0, 1] (a
 * fractional label is a soft target). Lazy L2: the penalty is applied to the weights an example
 * touches, scaled by the examples' share, which keeps an epoch linear in the non-zero features.
 */
export function trainLogistic(
  examples: readonly { readonly x: PromptFeatures; readonly y: number }[],
  dimensions: number,
  options: TrainingOptions,
): LogisticWeights {
  const model: LogisticWeights = { bias: 0, weights: new Float32Array(dimensions) };
  const squared = new Float32Array(dimensions);
  let biasSquared = 0;
  const order = examples.map((_, i) => i);
  const l2 = options.l2;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(options.random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const { x, y } = examples[index] as (typeof examples)[number];
      const error = predictLogistic(model, x) - y;
      biasSquared += error * error;
      model.bias -= (options.learningRate * error) / Math.sqrt(biasSquared + 1e-8);
      for (let k = 0; k < x.indices.length; k++) {
        const slot = x.indices[k] as number;
        const w = model.weights[slot] as number;
        const g = error * (x.values[k] as number) + l2 * w;
        const s = (squared[slot] as number) + g * g;
        squared[slot] = s;
        model.weights[slot] = w - (options.learningRate * g) / Math.sqrt(s + 1e-8);
      }
    }
  }
  return model;
}
