/**
 * Rebuilds the committed prompt-quality model (prompt-quality.json next to this file) from the
 * train half of the RouteLLM GSM8K + MMLU outcomes, uncontaminated prompts only; MT-Bench is never
 * trained on. Deterministic: the same data and seed give the same bytes. Run from the repository
 * root:
 *   node --conditions=source --import @daena/platform/register \
 *     subgraphs/agents/src/router/training/train-prompt-model.ts [data dir]
 * The data dir defaults to ../shared/data/routellm-replay (the benches read DAENA_ROUTELLM_DIR).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { seededRandom } from '../domain/learning/seeded-random.js';
import { serializePromptModel } from '../domain/prediction/prompt-model-file.js';
import {
  DEFAULT_PROMPT_MODEL_CONFIG,
  trainPromptQualityModel,
} from '../domain/prediction/prompt-quality-model.js';
import {
  outcomeQualities,
  readRouteLlmOutcomes,
  ROUTELLM_LICENCE,
  ROUTELLM_SOURCE,
} from './routellm-data.js';

/** The seed of the committed weights (the order of examples in each epoch). */
const TRAINING_SEED = 18;

const dir = resolve(process.argv[2] ?? '../shared/data/routellm-replay');
const train = readRouteLlmOutcomes(dir).filter((o) => o.split === 'train' && !o.contaminated);
const model = trainPromptQualityModel(
  train.map((o) => ({ text: o.prompt, quality: outcomeQualities(o) })),
  DEFAULT_PROMPT_MODEL_CONFIG,
  seededRandom(TRAINING_SEED),
);
const out = new URL('./prompt-quality.json', import.meta.url);
writeFileSync(
  out,
  serializePromptModel(model, {
    source: ROUTELLM_SOURCE,
    licence: ROUTELLM_LICENCE,
    trainedOn: `${train.length} uncontaminated GSM8K + MMLU prompts of the train half, seed ${TRAINING_SEED}`,
    config: DEFAULT_PROMPT_MODEL_CONFIG,
  }),
);
process.stdout.write(`wrote ${out.pathname} (${train.length} prompts)\n`);
