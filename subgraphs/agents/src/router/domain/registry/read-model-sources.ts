import type { RegistryEnv } from './load-model-registry.js';
import { DEFAULT_BASE_URL, modelNameList } from './model-name-list.js';
import type { ConfigIssue } from './registry-config-error.js';

/** Raw model specs from one place (`LLM_MODELS` or the file), not yet validated. */
export interface ModelSource {
  readonly label: string;
  readonly value: unknown;
}

/**
 * The raw specs of `LLM_MODELS` (inline JSON, or a list of names served at `LLM_BASE_URL`) and
 * of `LLM_MODELS_FILE`. Problems are added to `issues`, defaults worth a look to `warnings`.
 */
export function readModelSources(
  env: RegistryEnv,
  readFile: (path: string) => string,
  issues: ConfigIssue[],
  warnings: string[],
): ModelSource[] {
  const sources: ModelSource[] = [];
  const inline = env.LLM_MODELS?.trim();
  if (inline && /^[[{]/.test(inline)) {
    const value = parseJson(inline, 'LLM_MODELS', issues);
    if (value !== undefined) sources.push({ label: 'LLM_MODELS', value });
  } else if (inline) {
    const baseURL = env.LLM_BASE_URL?.trim() || DEFAULT_BASE_URL;
    const keyEnv = env.OPENAI_API_KEY ? 'OPENAI_API_KEY' : null;
    const list = modelNameList(inline, baseURL, keyEnv);
    issues.push(...list.issues);
    sources.push({ label: 'LLM_MODELS', value: list.configs });
    if (!env.LLM_BASE_URL?.trim())
      warnings.push(`LLM_MODELS: LLM_BASE_URL is not set; using ${DEFAULT_BASE_URL}`);
  }
  const file = env.LLM_MODELS_FILE?.trim();
  if (file) {
    let text: string | undefined;
    try {
      text = readFile(file);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      issues.push({
        path: 'LLM_MODELS_FILE',
        message: `cannot read ${file}${typeof code === 'string' ? ` (${code})` : ''}`,
      });
    }
    const value = text === undefined ? undefined : parseJson(text, file, issues);
    if (value !== undefined) sources.push({ label: file, value });
  }
  return sources;
}

/** JSON.parse's message quotes the input (keys included), so only the position is kept. */
function parseJson(text: string, label: string, issues: ConfigIssue[]): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    issues.push({
      path: label,
      message: `is not valid JSON${position ? ` (at character ${position})` : ''}`,
    });
    return undefined;
  }
}

/** Every `apiKey` string in raw input, so it can be scrubbed even from invalid entries. */
export function inlineKeys(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const key =
      typeof entry === 'object' && entry !== null
        ? (entry as { apiKey?: unknown }).apiKey
        : undefined;
    return typeof key === 'string' ? [key] : [];
  });
}
