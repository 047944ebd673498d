import { readFileSync } from 'node:fs';
import { ConfigError, env, loadConfig, postgresEnv, serviceEnvSchema } from '@daena/platform';
import {
  loadModelRegistry,
  RegistryConfigError,
  type ModelRegistryConfig,
} from './router/index.js';
import { z } from 'zod';

/** The agents' hot-state cache: Redis when REDIS_URL is set, in this process otherwise. */
const agentStateCacheEnv = {
  // The trailing version changes with the cached JSON's shape, so old entries are never misread.
  AGENT_STATE_CACHE_PREFIX: z
    .string()
    .min(1)
    .default('daena:agents:state:v1:')
    .describe(
      "Cache key prefix of agents' hot state; change it to keep two deployments on one Redis apart.",
    ),
  // An agent that reports nothing for an hour is cold: its entry goes; the next read refills it.
  AGENT_STATE_CACHE_TTL_SECONDS: z.coerce
    .number({ message: 'expected a whole number of seconds, at least 1' })
    .int('expected a whole number of seconds, at least 1')
    .min(1, 'expected a whole number of seconds, at least 1')
    .default(3_600)
    .describe("How long an agent's hot state stays cached without writes."),
};

const wholeNumber = (what: string, min: number, fallback: number) =>
  z.coerce
    .number({ message: `expected a whole number of ${what}, at least ${min}` })
    .int(`expected a whole number of ${what}, at least ${min}`)
    .min(min, `expected a whole number of ${what}, at least ${min}`)
    .default(fallback);

const dollars = (fallback: number) =>
  z.coerce
    .number({ message: 'expected an amount of US dollars, at least 0' })
    .min(0, 'expected an amount of US dollars, at least 0')
    .default(fallback);

/**
 * The LLM router (issue 5). The models themselves come from LLM_MODELS / LLM_MODELS_FILE /
 * LLM_BASE_URL / OPENAI_API_KEY, read by the router's registry loader, which validates them.
 */
const routerEnv = {
  LLM_MODELS: z
    .string()
    .optional()
    .describe(
      "The router's models: a JSON array of model specs, or model names served at `LLM_BASE_URL`. Unset: only the built-in `offline` model.",
    ),
  LLM_DEFAULT_MODEL: z
    .string()
    .optional()
    .describe(
      'The model every request uses unless it names one (a name from `LLM_MODELS`). Unset: the router chooses.',
    ),
  LLM_MODELS_FILE: z
    .string()
    .optional()
    .describe('A JSON file of model specs, added to those of `LLM_MODELS`.'),
  LLM_BASE_URL: env
    .url(['http', 'https'])
    .optional()
    .describe(
      'The OpenAI-compatible endpoint of the models named in `LLM_MODELS`. Unset: `https://api.openai.com/v1`.',
    ),
  OPENAI_API_KEY: z
    .string()
    .optional()
    .describe('The API key of the models named in `LLM_MODELS`; never logged.'),
  /** `offline` classifies tasks with NLP; `llm` asks ROUTER_CLASSIFIER_MODEL, falling back to NLP. */
  ROUTER_CLASSIFIER: z
    .enum(['offline', 'llm'], { message: 'expected offline or llm' })
    .default('offline')
    .describe(
      'How tasks are classified: `offline` with NLP, `llm` by `ROUTER_CLASSIFIER_MODEL` (falling back to NLP).',
    ),
  ROUTER_CLASSIFIER_MODEL: z
    .string()
    .optional()
    .describe('The configured model that classifies tasks when `ROUTER_CLASSIFIER=llm`.'),
  /** The sliding window of `routingStats` and of the stored buckets. */
  ROUTER_STATS_WINDOW_DAYS: wholeNumber('days', 1, 7).describe(
    'Days of history behind `routingStats` and the stored statistics.',
  ),
  /** How long one routed call may take, all retries and fallbacks included. */
  ROUTER_DEADLINE_MS: wholeNumber('milliseconds', 100, 60_000).describe(
    'How long one routed call may take, retries and fallbacks included, unless the request says `deadlineMs`.',
  ),
  /** Deterministic answers (temperature 0) are cached this long (the seed's 7 days). */
  ROUTER_CACHE_TTL_SECONDS: wholeNumber('seconds', 1, 604_800).describe(
    'How long deterministic answers (temperature 0) are cached.',
  ),
  ROUTER_CACHE_PREFIX: z
    .string()
    .min(1)
    .default('daena:router:response:v1:')
    .describe(
      "Cache key prefix of the router's answers; change it to keep two deployments on one Redis apart.",
    ),
  /**
   * The secret admin models' API keys are sealed with at rest (AES-256-GCM, key by HKDF); the
   * JWT secret when unset. Changing it makes the stored keys unreadable: register them again.
   */
  ROUTER_SECRET_KEY: z
    .string()
    .min(16, 'expected at least 16 characters')
    .optional()
    .describe(
      'Seals the API keys admins give models (AES-256-GCM). Unset: the JWT secret. Changing it makes stored keys unreadable.',
    ),
  /**
   * The Redis hash where the router replicas share their use of each model (rate limits); by
   * default one per database (`daena:router:load:v1:<database name>`), which is what replicas of
   * one deployment share.
   */
  ROUTER_PEERS_KEY: z
    .string()
    .min(1)
    .optional()
    .describe(
      "The Redis hash where agents replicas share each model's use (rate limits). Unset: `daena:router:load:v1:` and the database name.",
    ),
  /**
   * The deployment's spend target (issue 18): the router's pacer trades quality for price so each
   * replica spends about this much on routed calls per ROUTER_SPEND_WINDOW_SECONDS. Unset: no
   * target, the default trade-off.
   */
  ROUTER_SPEND_TARGET_USD: z.coerce
    .number({ message: 'expected a positive number of US dollars' })
    .positive('expected a positive number of US dollars')
    .optional()
    .describe(
      'US dollars each agents replica may spend on routed model calls per `ROUTER_SPEND_WINDOW_SECONDS`; the router picks cheaper models as spend runs over it, stronger as it runs under. Unset: no target. Requests move from this point with `willingnessToPay`.',
    ),
  /** The spend target's window: an hour by default, at least a minute, at most 30 days. */
  ROUTER_SPEND_WINDOW_SECONDS: z.coerce
    .number({ message: 'expected a whole number of seconds from 60 to 2592000' })
    .int('expected a whole number of seconds from 60 to 2592000')
    .min(60, 'expected a whole number of seconds from 60 to 2592000')
    .max(2_592_000, 'expected a whole number of seconds from 60 to 2592000')
    .default(3_600)
    .describe('The window of `ROUTER_SPEND_TARGET_USD`, in seconds.'),
  /**
   * How agents form their votes: `llm` through the router, `offline` by the offline policy, `auto`
   * (default) through the router when a model other than the offline one is configured.
   */
  AGENTS_VOTE_POLICY: z
    .enum(['auto', 'llm', 'offline'], { message: 'expected auto, llm or offline' })
    .default('auto')
    .describe(
      'How agents form votes: `llm` through the router, `offline` without it, `auto` through the router when a model is configured.',
    ),
};

export const schema = serviceEnvSchema(4001)
  .extend(postgresEnv)
  .extend(agentStateCacheEnv)
  .extend(routerEnv)
  .extend({
    /** The decisions subgraph, asked for a department's open proposals before it is retired. */
    DECISIONS_URL: env
      .url(['http', 'https'])
      .default('http://127.0.0.1:4002/graphql')
      .describe('Where the decisions subgraph answers; `npm start` sets it.'),
    /** How long one call to the decisions subgraph may take before it counts as unavailable. */
    DECISIONS_TIMEOUT_MS: z.coerce
      .number({ message: 'expected an integer number of milliseconds' })
      .int('expected an integer number of milliseconds')
      .min(1, 'expected at least 1 ms')
      .default(5_000)
      .describe('How long one call to the decisions subgraph may take before it counts as down.'),
    /** The knowledge subgraph, where agents' knowledge tools search, read and write (issue 15). */
    KNOWLEDGE_URL: env
      .url(['http', 'https'])
      .default('http://127.0.0.1:4003/graphql')
      .describe('Where the knowledge subgraph answers; `npm start` sets it.'),
    KNOWLEDGE_TIMEOUT_MS: z.coerce
      .number({ message: 'expected an integer number of milliseconds' })
      .int('expected an integer number of milliseconds')
      .min(1, 'expected at least 1 ms')
      .default(5_000)
      .describe(
        'How long one call of an agent to the knowledge subgraph may take before it counts as down.',
      ),
    /** The metrics subgraph, whose firing alerts the autonomy sweep reads (issue 15). */
    METRICS_URL: env
      .url(['http', 'https'])
      .default('http://127.0.0.1:4004/graphql')
      .describe('Where the metrics subgraph answers; `npm start` sets it.'),
    METRICS_TIMEOUT_MS: z.coerce
      .number({ message: 'expected an integer number of milliseconds' })
      .int('expected an integer number of milliseconds')
      .min(1, 'expected at least 1 ms')
      .default(5_000)
      .describe(
        "How long the autonomy sweep's call to the metrics subgraph may take before it counts as down.",
      ),
    /** Off, runs plan without the knowledge tools and refuse them (`TOOL_UNAVAILABLE`). */
    AGENTS_KNOWLEDGE_TOOLS: z
      .enum(['true', 'false'], { message: 'expected true or false' })
      .default('true')
      .transform((value) => value === 'true')
      .describe(
        'Whether agents have the knowledge tools (`search_knowledge`, `read_knowledge`, `write_knowledge`) at `KNOWLEDGE_URL`, and the autonomy sweep reads new entries there; `false` for a deployment without the knowledge subgraph.',
      ),
    /**
     * Whether this service's agents answer vote requests from the job queue (the default). Off,
     * votes come from elsewhere (an external agent runtime, or a benchmark casting its own).
     */
    AGENTS_ANSWER_VOTE_REQUESTS: z
      .enum(['true', 'false'], { message: 'expected true or false' })
      .default('true')
      .transform((value) => value === 'true')
      .describe(
        'Whether agents answer vote requests from the job queue; `false` when votes come from elsewhere (an external runtime, a benchmark).',
      ),
    AGENTS_RUN_TASKS: z
      .enum(['true', 'false'], { message: 'expected true or false' })
      .default('true')
      .transform((value) => value === 'true')
      .describe(
        'Whether this process works task runs from the job queue (the autonomy engine); `false` for a replica that only serves the API.',
      ),
    AUTONOMY_LEASE_SECONDS: z.coerce
      .number()
      .int()
      .min(5)
      .max(3600)
      .default(30)
      .describe(
        'How long a worker holds a task run without finishing a step; after it, another worker takes the run over from its checkpoints.',
      ),
    AUTONOMY_MAX_OUTPUT_TOKENS: z.coerce
      .number()
      .int()
      .min(16)
      .max(32_000)
      .default(800)
      .describe(
        'Most output tokens one model call of a task run may ask for: bounds its cost before it is made.',
      ),
    // Budgets of the agents' model calls (issue 15 §5): a call is made only when its worst case
    // fits in each; the defaults are generous, for a deployment to narrow.
    AUTONOMY_RUN_MAX_TOKENS: wholeNumber('tokens', 1, 200_000).describe(
      "Most tokens one task run may use on model calls (a run's dollars are its task's `budgetUsd`).",
    ),
    AUTONOMY_AGENT_DAILY_TOKENS: wholeNumber('tokens', 1, 2_000_000).describe(
      'Most tokens one agent may use on model calls per UTC day, all its runs together.',
    ),
    AUTONOMY_AGENT_DAILY_USD: dollars(25).describe(
      'Most US dollars one agent may spend on model calls per UTC day, all its runs together.',
    ),
    AUTONOMY_DEPARTMENT_DAILY_TOKENS: wholeNumber('tokens', 1, 10_000_000).describe(
      "Most tokens one department's agents may use on model calls per UTC day, together.",
    ),
    AUTONOMY_DEPARTMENT_DAILY_USD: dollars(100).describe(
      "Most US dollars one department's agents may spend on model calls per UTC day, together.",
    ),
    AUTONOMY_SWEEP_SECONDS: wholeNumber('seconds', 1, 60).describe(
      'How often the autonomy sweep runs: it resumes runs whose proposal closed unheard, queues stale open tasks again, and reads back new knowledge, firing alerts and accepted proposals whose events were lost.',
    ),
    AUTONOMY_SCAN_LOOKBACK_SECONDS: wholeNumber('seconds', 1, 86_400).describe(
      "How far back agents' scans look for direct messages that no task came from yet.",
    ),
    AUTONOMY_SCAN_TASK_BUDGET_USD: dollars(1).describe(
      'What a task an agent found by itself (a message, an accepted proposal, new knowledge, an alert) may spend, US dollars.',
    ),
    AUTONOMY_ALERT_DEPARTMENT: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a department slug')
      .default('engineering')
      .describe(
        'The department (slug) whose monitoring agent looks into a firing alert that names no department of its own.',
      ),
    AUTONOMY_STALE_TASK_SECONDS: wholeNumber('seconds', 1, 600).describe(
      'How long an open task of a working agent may sit unchanged before the sweep queues its run again.',
    ),
  });
export type AgentsConfig = z.infer<typeof schema> & {
  /** The models of LLM_MODELS / LLM_MODELS_FILE, validated, keys resolved, plus `offline`. */
  llm: ModelRegistryConfig;
};

/** The agents service's validated configuration (ARCHITECTURE §4). */
export function loadAgentsConfig(
  env: Record<string, string | undefined> = process.env,
): AgentsConfig {
  const config = loadConfig(schema, env);
  // Models may name the variable holding their key (`apiKeyEnv`), so the loader sees all of env.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  let llm: ModelRegistryConfig;
  try {
    llm = loadModelRegistry(cleaned, (path) => readFileSync(path, 'utf8'));
  } catch (error) {
    if (!(error instanceof RegistryConfigError)) throw error;
    const variable =
      config.LLM_MODELS_FILE && !config.LLM_MODELS ? 'LLM_MODELS_FILE' : 'LLM_MODELS';
    throw new ConfigError(variable, error.message);
  }
  const classifierModel = config.ROUTER_CLASSIFIER_MODEL;
  if (
    config.ROUTER_CLASSIFIER === 'llm' &&
    !llm.models.some((model) => model.name === classifierModel)
  ) {
    throw new ConfigError(
      'ROUTER_CLASSIFIER_MODEL',
      `ROUTER_CLASSIFIER_MODEL: ROUTER_CLASSIFIER=llm needs the name of a configured model (${
        classifierModel === undefined ? 'it is not set' : `got ${JSON.stringify(classifierModel)}`
      }; configured: ${llm.models.map((model) => model.name).join(', ')})`,
    );
  }
  return { ...config, llm };
}
