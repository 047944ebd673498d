import type { ModelSpec } from '../contracts.js';
import type { QualityBelief } from '../learning/select-model.js';
import { promptFeatures } from './prompt-features.js';
import { predictQualities, type PromptQualityModel } from './prompt-quality-model.js';

/**
 * A model's belief for one prompt: its (model, task type) posterior, learned online, moved by how
 * far the prompt-quality model puts this prompt from that model's average —
 *   mean = clamp(posterior mean + p̂(prompt) − p̄),  draw = clamp(posterior draw + p̂ − p̄).
 * The posterior keeps the level (and drifts, and pools across replicas); the prediction ranks
 * prompts within it (issue 18). A model with no profile in the prompt model keeps its posterior.
 */
export class ShiftedBelief implements QualityBelief {
  constructor(
    private readonly base: QualityBelief,
    readonly shift: number,
  ) {}

  get mean(): number {
    return clamp01(this.base.mean + this.shift);
  }

  get stdDev(): number {
    return this.base.stdDev;
  }

  sample(random: () => number): number {
    return clamp01(this.base.sample(random) + this.shift);
  }
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** The profile a model is predicted by: its `promptProfile`, else its upstream model id. */
export function profileOf(spec: Pick<ModelSpec, 'promptProfile' | 'upstreamModel'>): string {
  return spec.promptProfile ?? spec.upstreamModel;
}

/**
 * Per-model shifts p̂(prompt) − p̄ for one request's text (features computed once, each profile
 * scored once); a model without a profile gets 0.
 */
export function promptShifts(
  model: PromptQualityModel,
  text: string,
  candidates: readonly Pick<ModelSpec, 'name' | 'promptProfile' | 'upstreamModel'>[],
): Map<string, number> {
  const predicted = predictQualities(model, promptFeatures(text, model.dimensions));
  const shifts = new Map<string, number>();
  for (const spec of candidates) {
    const profile = profileOf(spec);
    const p = predicted.get(profile);
    const average = model.averages.get(profile);
    shifts.set(spec.name, p === undefined || average === undefined ? 0 : p - average);
  }
  return shifts;
}
