import { BadInputError } from '@daena/platform/domain';
import { describe, expect, it } from 'vitest';
import { loadModelRegistry, type RegistryEnv } from './load-model-registry.js';
import { RegistryConfigError } from './registry-config-error.js';

const SECRET = 'sk-test-5f2c9e81d4b7a0c3';
const noFile = (path: string): string => {
  throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
};
const files =
  (content: Record<string, string>) =>
  (path: string): string =>
    content[path] ?? noFile(path);
const json = (value: unknown) => JSON.stringify(value);
const spec = (overrides: Record<string, unknown> = {}) => ({
  name: 'gpt-4o-mini@openai',
  baseURL: 'https://api.openai.com/v1',
  upstreamModel: 'gpt-4o-mini',
  apiKey: SECRET,
  inputUsdPerMTok: 0.15,
  outputUsdPerMTok: 0.6,
  contextWindow: 128_000,
  ...overrides,
});

describe('loadModelRegistry', () => {
  it('has only the offline model when nothing is configured', () => {
    const registry = loadModelRegistry({}, noFile);
    expect(registry.models.map((model) => model.name)).toEqual(['offline']);
    expect(registry).toMatchObject({ defaultModel: null, warnings: [] });
  });

  it('reads a list of upstream names served at LLM_BASE_URL with OPENAI_API_KEY', () => {
    const registry = loadModelRegistry(
      {
        LLM_MODELS: 'llama3.1:8b, qwen2.5=0.1/0.3',
        LLM_BASE_URL: 'http://localhost:11434/v1',
        OPENAI_API_KEY: SECRET,
      },
      noFile,
    );
    expect(registry.models).toMatchObject([
      { name: 'llama3.1:8b', upstreamModel: 'llama3.1:8b', apiKey: SECRET, inputUsdPerMTok: 0 },
      {
        name: 'qwen2.5',
        baseURL: 'http://localhost:11434/v1',
        inputUsdPerMTok: 0.1,
        outputUsdPerMTok: 0.3,
      },
      { name: 'offline' },
    ]);
    expect(registry.warnings).toEqual([
      expect.stringContaining('llama3.1:8b): no price given, taken as $0'),
    ]);
  });

  it('serves a list at the OpenAI endpoint, keyless, when neither URL nor key is set', () => {
    const registry = loadModelRegistry({ LLM_MODELS: 'gpt-4o-mini' }, noFile);
    expect(registry.models[0]).toMatchObject({
      baseURL: 'https://api.openai.com/v1',
      apiKey: null,
    });
    expect(registry.warnings).toContain(
      'LLM_MODELS: LLM_BASE_URL is not set; using https://api.openai.com/v1',
    );
  });

  it('reads inline JSON and a file together, applies defaults and resolves apiKeyEnv', () => {
    const registry = loadModelRegistry(
      {
        LLM_MODELS: json([spec()]),
        LLM_MODELS_FILE: '/etc/daena/models.json',
        AZURE_KEY: 'azure-secret-value',
        LLM_DEFAULT_MODEL: 'gpt-4o@azure',
      },
      files({
        '/etc/daena/models.json': json([
          {
            name: 'gpt-4o@azure',
            baseURL: 'https://x.openai.azure.com/openai/v1',
            apiKeyEnv: 'AZURE_KEY',
            inputUsdPerMTok: 2.5,
            outputUsdPerMTok: 10,
            priorQuality: { code: 0.9, default: 0.8 },
          },
        ]),
      }),
    );
    expect(registry.models.map((model) => model.name)).toEqual([
      'gpt-4o-mini@openai',
      'gpt-4o@azure',
      'offline',
    ]);
    expect(registry.models[1]).toEqual({
      name: 'gpt-4o@azure',
      kind: 'openai-compatible',
      baseURL: 'https://x.openai.azure.com/openai/v1',
      upstreamModel: 'gpt-4o@azure',
      apiKey: 'azure-secret-value',
      inputUsdPerMTok: 2.5,
      outputUsdPerMTok: 10,
      contextWindow: 8192,
      taskTypes: [],
      features: ['streaming', 'json'],
      requestsPerMinute: null,
      tokensPerMinute: null,
      enabled: true,
      priorQuality: { code: 0.9, default: 0.8 },
      timeoutMs: 30_000,
    });
    expect(registry).toMatchObject({ defaultModel: 'gpt-4o@azure', warnings: [] });
  });

  it.each<[string, RegistryEnv, string]>([
    [
      'JSON that does not parse',
      { LLM_MODELS: `[{"name": "a", "apiKey": ${SECRET}}]` },
      'LLM_MODELS: is not valid JSON',
    ],
    [
      'JSON that is not an array',
      { LLM_MODELS: json(spec()) },
      'LLM_MODELS: must be a JSON array of model specs',
    ],
    [
      'a missing baseURL',
      { LLM_MODELS: json([spec({ baseURL: undefined })]) },
      'LLM_MODELS[0].baseURL: is required for an openai-compatible model',
    ],
    [
      'a baseURL that is not a URL',
      { LLM_MODELS: json([spec({ baseURL: SECRET })]) },
      'LLM_MODELS[0].baseURL: must be an http(s) URL',
    ],
    [
      'an offline model with a baseURL',
      { LLM_MODELS: json([spec({ kind: 'offline' })]) },
      'LLM_MODELS[0].baseURL: must not be set for an offline model',
    ],
    [
      'a negative price',
      { LLM_MODELS: json([spec({ inputUsdPerMTok: -1 })]) },
      'LLM_MODELS[0].inputUsdPerMTok: must be 0 or more',
    ],
    [
      'a zero context window',
      { LLM_MODELS: json([spec({ contextWindow: 0 })]) },
      'LLM_MODELS[0].contextWindow: must be more than 0',
    ],
    [
      'an unknown task type',
      { LLM_MODELS: json([spec({ taskTypes: ['code', 'poetry'] })]) },
      'LLM_MODELS[0].taskTypes[1]: must be one of analysis',
    ],
    [
      'an unknown feature',
      { LLM_MODELS: json([spec({ features: ['telepathy'] })]) },
      'LLM_MODELS[0].features[0]: must be one of streaming',
    ],
    [
      'a prior quality above 1',
      { LLM_MODELS: json([spec({ priorQuality: { code: 1.5 } })]) },
      'LLM_MODELS[0].priorQuality.code: must be between 0 and 1',
    ],
    [
      'a fractional rate limit',
      { LLM_MODELS: json([spec({ requestsPerMinute: 2.5 })]) },
      'LLM_MODELS[0].requestsPerMinute: must be a whole number',
    ],
    [
      'a misspelt field',
      { LLM_MODELS: json([spec({ apikey: SECRET })]) },
      'LLM_MODELS[0]: Unrecognized key: "apikey"',
    ],
    [
      'a duplicate name',
      { LLM_MODELS: json([spec(), spec()]) },
      'LLM_MODELS[1].name: "gpt-4o-mini@openai" is used by another model',
    ],
    [
      'a name used in both sources',
      { LLM_MODELS: 'm1', LLM_MODELS_FILE: 'f.json' },
      'f.json[0].name: "m1" is used by another model',
    ],
    [
      'the reserved name offline',
      { LLM_MODELS: json([spec({ name: 'offline' })]) },
      'LLM_MODELS[0].name: "offline" is reserved',
    ],
    [
      'both apiKey and apiKeyEnv',
      { LLM_MODELS: json([spec({ apiKeyEnv: 'K' })]) },
      'LLM_MODELS[0].apiKeyEnv: give apiKey or apiKeyEnv, not both',
    ],
    [
      'an apiKeyEnv that is not set',
      { LLM_MODELS: json([spec({ apiKey: undefined, apiKeyEnv: 'MISSING_KEY' })]) },
      'LLM_MODELS[0].apiKeyEnv: environment variable MISSING_KEY is not set',
    ],
    [
      'a file that cannot be read',
      { LLM_MODELS_FILE: '/nowhere.json' },
      'LLM_MODELS_FILE: cannot read /nowhere.json (ENOENT)',
    ],
    [
      'a malformed list entry',
      { LLM_MODELS: 'good, bad=1/x' },
      'LLM_MODELS[1]: expected a model name',
    ],
    [
      'an unknown default model',
      { LLM_MODELS: 'm1', LLM_DEFAULT_MODEL: 'm2' },
      'LLM_DEFAULT_MODEL: no model is named "m2" (known: offline, m1)',
    ],
  ])('rejects %s, saying where and what, with no key in sight', (_, env, expected) => {
    const readFile = files({
      'f.json': json([{ name: 'm1', baseURL: 'http://h/v1', apiKey: SECRET }]),
    });
    const error = catchError(() => loadModelRegistry({ OPENAI_API_KEY: SECRET, ...env }, readFile));
    expect(error).toBeInstanceOf(RegistryConfigError);
    expect(error).toBeInstanceOf(BadInputError);
    expect(error).toMatchObject({ reason: 'INVALID_MODEL_CONFIG', code: 'BAD_USER_INPUT' });
    expect(error.message).toContain(expected);
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify(error.details)).not.toContain(SECRET);
  });

  it('reports every problem at once', () => {
    const env = {
      LLM_MODELS: json([spec({ contextWindow: -1, timeoutMs: 0 })]),
      LLM_DEFAULT_MODEL: 'x',
    };
    const error = catchError(() => loadModelRegistry(env, noFile));
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'LLM_MODELS[0].contextWindow',
      'LLM_MODELS[0].timeoutMs',
      'LLM_DEFAULT_MODEL',
    ]);
  });
});

function catchError(run: () => unknown): RegistryConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof RegistryConfigError) return error;
    throw error;
  }
  throw new Error('expected a RegistryConfigError');
}

describe('loadModelRegistry: issue 18 settings', () => {
  it('reads a model’s prompt profile and a judge’s sample and budget', () => {
    const registry = loadModelRegistry(
      {
        LLM_MODELS: json([
          spec({ promptProfile: 'mixtral-8x7b-instruct' }),
          spec({ name: 'judge', judge: { sampleRate: 0.05, maxUsdPerHour: 2 } }),
        ]),
      },
      noFile,
    );
    expect(registry.models[0]).toMatchObject({ promptProfile: 'mixtral-8x7b-instruct' });
    expect(registry.models[0]).not.toHaveProperty('judge');
    expect(registry.models[1]).toMatchObject({ judge: { sampleRate: 0.05, maxUsdPerHour: 2 } });
  });

  it('refuses a judge sample outside 0–1 and a negative judge budget', () => {
    const load = () =>
      loadModelRegistry(
        { LLM_MODELS: json([spec({ judge: { sampleRate: 1.5, maxUsdPerHour: -1 } })]) },
        noFile,
      );
    expect(load).toThrow(RegistryConfigError);
    expect(load).toThrow(
      /judge\.sampleRate: must be at most 1.*judge\.maxUsdPerHour: must be at least 0/,
    );
  });
});
