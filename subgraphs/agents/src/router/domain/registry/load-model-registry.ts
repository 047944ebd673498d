import type { ModelSpec } from '../contracts.js';
import { OFFLINE_MODEL_NAME, offlineModelSpec } from '../offline/offline-model-spec.js';
import { modelConfigListSchema, type ModelConfig } from './model-config.js';
import { inlineKeys, readModelSources } from './read-model-sources.js';
import { RegistryConfigError, type ConfigIssue } from './registry-config-error.js';

/** The environment the registry reads; `apiKeyEnv` may name any other variable. */
export interface RegistryEnv {
  /** Inline JSON (an array of model specs) or a comma-separated list of upstream model names. */
  readonly LLM_MODELS?: string | undefined;
  /** Path of a JSON file holding an array of model specs. */
  readonly LLM_MODELS_FILE?: string | undefined;
  /** Endpoint of the models named in a comma-separated `LLM_MODELS`. */
  readonly LLM_BASE_URL?: string | undefined;
  /** Key of the models named in a comma-separated `LLM_MODELS`. */
  readonly OPENAI_API_KEY?: string | undefined;
  /** A configured model's name; the loader only checks that it exists. */
  readonly LLM_DEFAULT_MODEL?: string | undefined;
  readonly [name: string]: string | undefined;
}

export interface ModelRegistryConfig {
  /** Configured models in the order given, then the built-in `offline` model. */
  readonly models: readonly ModelSpec[];
  /** `LLM_DEFAULT_MODEL` when set (and known); null lets the router choose. */
  readonly defaultModel: string | null;
  /** Settings taken by default that deserve a look, e.g. prices assumed to be 0. */
  readonly warnings: readonly string[];
}

/**
 * Reads the model registry from the environment (and the file it names), validates every model
 * and resolves keys from `apiKeyEnv`. All problems are reported at once in a
 * `RegistryConfigError` whose message never contains a key. The offline model is always added,
 * so the platform runs with no LLM service configured at all.
 */
export function loadModelRegistry(
  env: RegistryEnv,
  readFile: (path: string) => string,
): ModelRegistryConfig {
  const issues: ConfigIssue[] = [];
  const warnings: string[] = [];
  const sources = readModelSources(env, readFile, issues, warnings);
  const secrets = [
    env.OPENAI_API_KEY ?? '',
    ...sources.flatMap((source) => inlineKeys(source.value)),
  ];
  const configs: { label: string; config: ModelConfig }[] = [];
  for (const source of sources) {
    const parsed = modelConfigListSchema.safeParse(source.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ path: `${source.label}${formatPath(issue.path)}`, message: issue.message });
      }
      continue;
    }
    parsed.data.forEach((config, index) =>
      configs.push({ label: `${source.label}[${index}]`, config }),
    );
  }
  const models: ModelSpec[] = [];
  const names = new Set<string>([OFFLINE_MODEL_NAME]);
  for (const { label, config } of configs) {
    if (config.name === OFFLINE_MODEL_NAME) {
      issues.push({
        path: `${label}.name`,
        message: `"${OFFLINE_MODEL_NAME}" is reserved for the built-in offline model`,
      });
    } else if (names.has(config.name)) {
      issues.push({ path: `${label}.name`, message: `"${config.name}" is used by another model` });
    }
    names.add(config.name);
    const key = resolveKey(config, env, label, issues);
    if (key !== null) secrets.push(key);
    if (
      config.kind === 'openai-compatible' &&
      (config.inputUsdPerMTok === undefined || config.outputUsdPerMTok === undefined)
    ) {
      warnings.push(
        `${label} (${config.name}): no price given, taken as $0 per million tokens; cost-aware routing will favour it`,
      );
    }
    models.push(toModelSpec(config, key));
  }
  const defaultModel = env.LLM_DEFAULT_MODEL?.trim() || null;
  if (defaultModel !== null && !names.has(defaultModel)) {
    issues.push({
      path: 'LLM_DEFAULT_MODEL',
      message: `no model is named "${defaultModel}" (known: ${[...names].join(', ')})`,
    });
  }
  if (issues.length > 0) throw new RegistryConfigError(issues, secrets);
  return { models: [...models, offlineModelSpec], defaultModel, warnings };
}

function resolveKey(
  config: ModelConfig,
  env: RegistryEnv,
  label: string,
  issues: ConfigIssue[],
): string | null {
  if (config.apiKey !== undefined) return config.apiKey;
  if (config.apiKeyEnv === undefined) return null;
  const key = env[config.apiKeyEnv]?.trim();
  if (!key) {
    issues.push({
      path: `${label}.apiKeyEnv`,
      message: `environment variable ${config.apiKeyEnv} is not set`,
    });
    return null;
  }
  return key;
}

/** A validated model configuration as the router runs it, with its resolved key. */
export function toModelSpec(config: ModelConfig, apiKey: string | null): ModelSpec {
  return {
    name: config.name,
    kind: config.kind,
    baseURL: config.baseURL ?? null,
    upstreamModel: config.upstreamModel ?? config.name,
    apiKey,
    inputUsdPerMTok: config.inputUsdPerMTok ?? 0,
    outputUsdPerMTok: config.outputUsdPerMTok ?? 0,
    contextWindow: config.contextWindow,
    taskTypes: config.taskTypes,
    features: config.features,
    requestsPerMinute: config.requestsPerMinute,
    tokensPerMinute: config.tokensPerMinute,
    enabled: config.enabled,
    priorQuality: config.priorQuality,
    timeoutMs: config.timeoutMs,
    ...(config.promptProfile === undefined ? {} : { promptProfile: config.promptProfile }),
    ...(config.judge === undefined ? {} : { judge: config.judge }),
  };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
}
