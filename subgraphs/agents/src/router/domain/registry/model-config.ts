import { z } from 'zod';
import { MODEL_FEATURES, TASK_TYPES } from '../contracts.js';

const price = z
  .number({ error: 'must be a number (US dollars per million tokens)' })
  .min(0, { error: 'must be 0 or more' });
const perMinute = z
  .int({ error: 'must be a whole number, or null for no limit' })
  .positive({ error: 'must be more than 0, or null for no limit' })
  .nullable();
const quality = z
  .number({ error: 'must be a number' })
  .min(0, { error: 'must be between 0 and 1' })
  .max(1, { error: 'must be between 0 and 1' });

/**
 * One model as users write it (JSON in `LLM_MODELS` or `LLM_MODELS_FILE`). Unknown fields are
 * rejected so a typo (`apikey`, `baseUrl`) is an error, not a silently ignored setting.
 */
export const modelConfigSchema = z
  .strictObject({
    name: z
      .string({ error: 'must be a non-empty string' })
      .trim()
      .min(1, { error: 'must not be empty' }),
    kind: z
      .enum(['openai-compatible', 'offline'], { error: 'must be "openai-compatible" or "offline"' })
      .default('openai-compatible'),
    baseURL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    /** The id sent upstream; defaults to `name`. */
    upstreamModel: z
      .string({ error: 'must be a string' })
      .min(1, { error: 'must not be empty' })
      .optional(),
    apiKey: z
      .string({ error: 'must be a string' })
      .min(1, { error: 'must not be empty' })
      .optional(),
    /** The name of an environment variable holding the key, so the key stays out of the file. */
    apiKeyEnv: z
      .string({ error: 'must be an environment variable name' })
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'must be an environment variable name' })
      .optional(),
    inputUsdPerMTok: price.optional(),
    outputUsdPerMTok: price.optional(),
    contextWindow: z
      .int({ error: 'must be a whole number of tokens' })
      .positive({ error: 'must be more than 0' })
      .default(8192),
    taskTypes: z
      .array(z.enum(TASK_TYPES, { error: `must be one of ${TASK_TYPES.join(', ')}` }), {
        error: 'must be a list of task types',
      })
      .default([]),
    features: z
      .array(z.enum(MODEL_FEATURES, { error: `must be one of ${MODEL_FEATURES.join(', ')}` }), {
        error: 'must be a list of features',
      })
      // OpenAI, Azure OpenAI, vLLM, Ollama and LM Studio all take `response_format: json_object`.
      .default(['streaming', 'json']),
    requestsPerMinute: perMinute.default(null),
    tokensPerMinute: perMinute.default(null),
    enabled: z.boolean({ error: 'must be true or false' }).default(true),
    priorQuality: z
      .partialRecord(
        z.enum([...TASK_TYPES, 'default'], {
          error: `keys must be task types or "default"`,
        }),
        quality,
        { error: 'must be an object of task type → quality (0–1)' },
      )
      .default({}),
    judge: z
      .object(
        {
          sampleRate: z
            .number({ error: 'must be a share of answers between 0 and 1' })
            .min(0, { error: 'must be at least 0' })
            .max(1, { error: 'must be at most 1' }),
          maxUsdPerHour: z
            .number({ error: 'must be US dollars per hour' })
            .min(0, { error: 'must be at least 0' }),
        },
        { error: 'must be { sampleRate, maxUsdPerHour }' },
      )
      .optional(),
    promptProfile: z
      .string({ error: 'must be the name of a profile of the prompt-quality model' })
      .min(1, { error: 'must not be empty' })
      .optional(),
    timeoutMs: z
      .int({ error: 'must be a whole number of milliseconds' })
      .positive({ error: 'must be more than 0' })
      .max(600_000, { error: 'must be at most 600000 (10 minutes)' })
      .default(30_000),
  })
  .superRefine((config, ctx) => {
    if (config.kind === 'openai-compatible' && config.baseURL === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['baseURL'],
        message: 'is required for an openai-compatible model',
      });
    }
    if (config.kind === 'offline' && config.baseURL !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['baseURL'],
        message: 'must not be set for an offline model',
      });
    }
    if (config.apiKey !== undefined && config.apiKeyEnv !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['apiKeyEnv'],
        message: 'give apiKey or apiKeyEnv, not both',
      });
    }
  });

/** A model as users write it (before defaults). */
export type ModelConfigInput = z.input<typeof modelConfigSchema>;
/** A model as validated, with defaults applied; the key may still be an env var name. */
export type ModelConfig = z.output<typeof modelConfigSchema>;

/** A list of models whose names are unique. */
export const modelConfigListSchema = z
  .array(modelConfigSchema, { error: 'must be a JSON array of model specs' })
  .superRefine((configs, ctx) => {
    const seen = new Set<string>();
    configs.forEach((config, index) => {
      if (seen.has(config.name)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'name'],
          message: `"${config.name}" is used by another model`,
        });
      }
      seen.add(config.name);
    });
  });
