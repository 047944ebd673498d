import { readFileSync } from 'node:fs';
import type { Logger } from '@daena/platform';
import { parsePromptModel, type PromptQualityModel } from '../index.js';

/**
 * The committed prompt-quality model (src/router/training/prompt-quality.json, rebuilt by
 * train-prompt-model.ts next to it). The build does not copy JSON, so the path goes up to the
 * package root, which is three levels up from both src/router/operations and dist/router/operations.
 */
const COMMITTED_MODEL = new URL(
  '../../../src/router/training/prompt-quality.json',
  import.meta.url,
);

/**
 * Reads the committed model once at start-up. A missing or malformed file is logged and routing
 * goes on without per-prompt prediction (the posteriors alone), as before issue 18.
 */
export function loadPromptModel(
  log: Logger,
  file: URL = COMMITTED_MODEL,
): PromptQualityModel | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    log.warn({ err: error }, 'no prompt-quality model: selection uses the posteriors alone');
    return null;
  }
  try {
    const model = parsePromptModel(text);
    log.info(
      { profiles: [...model.profiles.keys()], trainedOn: model.trainedOn },
      'prompt-quality model loaded',
    );
    return model;
  } catch (error) {
    log.error(
      { err: error },
      'prompt-quality model unreadable: selection uses the posteriors alone',
    );
    return null;
  }
}
