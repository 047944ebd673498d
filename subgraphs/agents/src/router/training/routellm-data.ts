import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';

/**
 * The public RouteLLM outcomes the prompt-quality model is trained on and the replay bench scores:
 * lm-sys/RouteLLM (commit 0b64fdafe049e596a3f5657c219329f24af24198, `routellm/evals/`), Apache
 * License 2.0; Ong et al., "RouteLLM: Learning to Route LLMs with Preference Data", arXiv
 * 2406.18665. Each line carries its fixed `split` (train or test, by the first byte of SHA-256 of
 * its key): anything learned is fit on `train` only.
 */
export const ROUTELLM_SOURCE =
  'lm-sys/RouteLLM commit 0b64fdafe049e596a3f5657c219329f24af24198, routellm/evals (Ong et al., arXiv 2406.18665)';
export const ROUTELLM_LICENCE = 'Apache-2.0';
export const ROUTELLM_STRONG = 'gpt-4-1106-preview';
export const ROUTELLM_WEAK = 'mixtral-8x7b-instruct';

const split = z.enum(['train', 'test']);
const outcomeSchema = z.object({
  id: z.string(),
  benchmark: z.string(),
  subject: z.string(),
  prompt: z.string(),
  correct: z.record(z.string(), z.boolean()),
  contaminated: z.boolean(),
  split,
});
const mtBenchSchema = z.object({
  question_id: z.number(),
  turn: z.number(),
  category: z.string(),
  prompt: z.string(),
  score: z.record(z.string(), z.number()),
  split,
});

/** One GSM8K or MMLU prompt and whether each model answered it correctly. */
export type RouteLlmOutcome = z.infer<typeof outcomeSchema>;
/** One MT-Bench turn and each model's GPT-4 judge score (1–10). */
export type MtBenchScore = z.infer<typeof mtBenchSchema>;

function readJsonLines<T>(file: string, schema: z.ZodType<T>): T[] {
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => schema.parse(JSON.parse(line)));
}

/** GSM8K + MMLU outcomes from `<dir>/outcomes.jsonl.gz`. */
export function readRouteLlmOutcomes(dir: string): RouteLlmOutcome[] {
  return readJsonLines(join(dir, 'outcomes.jsonl.gz'), outcomeSchema);
}

/** MT-Bench judge scores from `<dir>/mt_bench_scores.jsonl.gz`. */
export function readMtBenchScores(dir: string): MtBenchScore[] {
  return readJsonLines(join(dir, 'mt_bench_scores.jsonl.gz'), mtBenchSchema);
}

/** A prompt's training example: each model's quality, 1 for a right answer, 0 for a wrong one. */
export function outcomeQualities(outcome: RouteLlmOutcome): Record<string, number> {
  return Object.fromEntries(Object.entries(outcome.correct).map(([m, ok]) => [m, ok ? 1 : 0]));
}
