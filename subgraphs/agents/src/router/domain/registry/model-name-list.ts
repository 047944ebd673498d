import type { ConfigIssue } from './registry-config-error.js';
import type { ModelConfigInput } from './model-config.js';

/** The endpoint `LLM_MODELS` names are served at when `LLM_BASE_URL` is not set. */
export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

const ENTRY = /^([^=\s]+)(?:=(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?))?$/;

/**
 * `LLM_MODELS` as a comma-separated list of upstream model names, all served at one endpoint
 * with one key: `gpt-4o-mini,gpt-4o` or, with prices per million input/output tokens,
 * `gpt-4o-mini=0.15/0.6,llama3.1:8b`.
 */
export function modelNameList(
  list: string,
  baseURL: string,
  keyEnv: string | null,
): { configs: ModelConfigInput[]; issues: ConfigIssue[] } {
  const configs: ModelConfigInput[] = [];
  const issues: ConfigIssue[] = [];
  list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .forEach((entry, index) => {
      const match = ENTRY.exec(entry);
      if (!match?.[1]) {
        issues.push({
          path: `LLM_MODELS[${index}]`,
          message: 'expected a model name, optionally with prices as name=input/output',
        });
        return;
      }
      configs.push({
        name: match[1],
        baseURL,
        ...(keyEnv ? { apiKeyEnv: keyEnv } : {}),
        ...(match[2] && match[3]
          ? { inputUsdPerMTok: Number(match[2]), outputUsdPerMTok: Number(match[3]) }
          : {}),
      });
    });
  return { configs, issues };
}
