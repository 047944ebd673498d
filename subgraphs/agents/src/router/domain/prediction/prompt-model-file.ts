import { z } from 'zod';
import type { LogisticWeights } from './logistic-regression.js';
import type { PromptModelConfig, PromptQualityModel } from './prompt-quality-model.js';
import { PromptModelFileError } from '../errors.js';

/** The format tag of a committed prompt-quality model; a file of another format is refused. */
export const PROMPT_MODEL_FORMAT = 'daena-prompt-quality/1';

/** What a trained model carries besides its weights: where it came from, so it can be rebuilt. */
export interface PromptModelProvenance {
  readonly source: string;
  readonly licence: string;
  readonly trainedOn: string;
  readonly config: PromptModelConfig;
}

const fileSchema = z.object({
  format: z.literal(PROMPT_MODEL_FORMAT),
  source: z.string(),
  licence: z.string(),
  trainedOn: z.string(),
  config: z.object({
    dimensions: z.number().int().positive(),
    l2: z.number(),
    epochs: z.number().int(),
    learningRate: z.number(),
  }),
  /** Profile → bias and weights (little-endian float32, base64). */
  profiles: z.record(
    z.string(),
    z.object({ bias: z.number(), average: z.number(), weights: z.string() }),
  ),
});

/** The model as JSON: float32 weights in base64 keep 2¹⁵ slots per profile near 175 kB. */
export function serializePromptModel(
  model: PromptQualityModel,
  provenance: PromptModelProvenance,
): string {
  const profiles = Object.fromEntries(
    [...model.profiles].map(([name, w]) => [
      name,
      {
        bias: w.bias,
        average: model.averages.get(name) ?? 0.5,
        weights: Buffer.from(w.weights.buffer).toString('base64'),
      },
    ]),
  );
  // Two-space JSON, as Prettier leaves it: the committed file is the script's output byte for byte.
  return JSON.stringify({ format: PROMPT_MODEL_FORMAT, ...provenance, profiles }, null, 2) + '\n';
}

/** Reads a serialized model; a malformed file is a `PromptModelFileError`, never a half-read model. */
export function parsePromptModel(text: string): PromptQualityModel & PromptModelProvenance {
  let parsed: z.infer<typeof fileSchema>;
  try {
    parsed = fileSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new PromptModelFileError(
      `The prompt-quality model is not a ${PROMPT_MODEL_FORMAT} file: ${(error as Error).message}`,
    );
  }
  const { dimensions } = parsed.config;
  const profiles = new Map<string, LogisticWeights>();
  const averages = new Map<string, number>();
  for (const [name, p] of Object.entries(parsed.profiles)) {
    const bytes = Buffer.from(p.weights, 'base64');
    if (bytes.length !== dimensions * 4) {
      throw new PromptModelFileError(
        `The prompt-quality model's profile ${name} has ${bytes.length / 4} weights, not ${dimensions}`,
      );
    }
    const weights = new Float32Array(dimensions);
    new Uint8Array(weights.buffer).set(bytes);
    profiles.set(name, { bias: p.bias, weights });
    averages.set(name, p.average);
  }
  const { source, licence, trainedOn, config } = parsed;
  return { dimensions, profiles, averages, source, licence, trainedOn, config };
}
