import type { EntityManager } from '@mikro-orm/postgresql';
import {
  createCache,
  RedisPeerGauges,
  SecretBox,
  type Cache,
  type EventBus,
  type Logger,
  type StoreConnector,
} from '@daena/platform';
import {
  classifyTask,
  classifyWithLlm,
  OFFLINE_MODEL_NAME,
  offlineProvider,
  OpenAiProvider,
  type CompletionResult,
  type ModelSpec,
  type Provider,
  type TaskClassification,
} from '../index.js';
import type { AgentsConfig } from '../../config.js';
import { loadPromptModel } from './prompt-model.js';
import { responseCacheOn } from './response-cache-adapter.js';
import type { ClassifierInput } from './route-deadline.js';
import { RouterService } from './router-service.js';

export interface RouterWiring {
  service: RouterService;
  /** Deterministic answers: Redis with REDIS_URL, else this process. */
  responseCache: Cache<CompletionResult>;
  /** Flushes buffered statistics when the service stops. */
  store: StoreConnector;
  /** Whether agents vote through the router (AGENTS_VOTE_POLICY). */
  votesByLlm: boolean;
}

/** The router of the agents service, from its configuration. */
export function createRouterService(options: {
  config: AgentsConfig;
  log: Logger;
  bus: EventBus;
  fork(): EntityManager;
  /** The deployment's JWT secret: admin models' API keys are sealed with a key derived from it
   * unless ROUTER_SECRET_KEY is set. */
  jwtSecret: string;
}): RouterWiring {
  const { config, log, bus } = options;
  const models = config.llm.models;
  for (const warning of config.llm.warnings) log.warn({ warning }, 'model configuration');
  const providers: Record<ModelSpec['kind'], Provider> = {
    'openai-compatible': new OpenAiProvider(),
    offline: offlineProvider,
  };
  const responseCache = createCache<CompletionResult>(config.REDIS_URL, {
    prefix: config.ROUTER_CACHE_PREFIX,
    ttlMs: config.ROUTER_CACHE_TTL_SECONDS * 1_000,
    log,
  });
  const service = new RouterService({
    fork: options.fork,
    bus,
    log: log.child({ component: 'router' }),
    configured: models,
    providers,
    classify: classifier(config, models, providers),
    cache: responseCacheOn(responseCache),
    cacheTtlSeconds: config.ROUTER_CACHE_TTL_SECONDS,
    windowDays: config.ROUTER_STATS_WINDOW_DAYS,
    deadlineMs: config.ROUTER_DEADLINE_MS,
    promptModel: loadPromptModel(log),
    spendTarget:
      config.ROUTER_SPEND_TARGET_USD === undefined
        ? undefined
        : {
            targetUsd: config.ROUTER_SPEND_TARGET_USD,
            windowMs: config.ROUTER_SPEND_WINDOW_SECONDS * 1_000,
          },
    // Replicas on one Redis count each model's rate limits together.
    secrets: new SecretBox(config.ROUTER_SECRET_KEY ?? options.jwtSecret, 'router model api keys'),
    peers: config.REDIS_URL
      ? new RedisPeerGauges(config.REDIS_URL, { key: peersKey(config), log })
      : undefined,
  });
  const hasRealModel = models.some((model) => model.name !== OFFLINE_MODEL_NAME);
  return {
    service,
    responseCache,
    store: {
      name: 'router',
      connect: () => Promise.resolve(),
      check: () => Promise.resolve(),
      close: () => service.stop(),
      registerMetrics: (registry) => service.metrics.register(registry),
    },
    votesByLlm:
      config.AGENTS_VOTE_POLICY === 'llm' || (config.AGENTS_VOTE_POLICY === 'auto' && hasRealModel),
  };
}

/**
 * Offline NLP by default; with ROUTER_CLASSIFIER=llm, the model ROUTER_CLASSIFIER_MODEL (called
 * directly, not routed, so classification never recurses), falling back to NLP on any failure;
 * `signal` ends the call when the classifier's share of the request's deadline is spent.
 */
function classifier(
  config: AgentsConfig,
  models: readonly ModelSpec[],
  providers: Record<ModelSpec['kind'], Provider>,
): (input: ClassifierInput) => Promise<TaskClassification> {
  if (config.ROUTER_CLASSIFIER === 'offline')
    return (input) => Promise.resolve(classifyTask(input));
  // loadAgentsConfig has checked that the model is configured.
  const spec = models.find((model) => model.name === config.ROUTER_CLASSIFIER_MODEL);
  if (!spec) throw new Error('ROUTER_CLASSIFIER_MODEL names no configured model');
  return ({ signal, ...input }) =>
    classifyWithLlm(input, (request) =>
      providers[spec.kind].complete(spec, { ...request, signal }),
    );
}

/** Replicas of one deployment share a database: by default they share its load hash too. */
function peersKey(config: AgentsConfig): string {
  if (config.ROUTER_PEERS_KEY) return config.ROUTER_PEERS_KEY;
  const database = new URL(config.DATABASE_URL).pathname.replace(/^\//, '') || 'default';
  return `daena:router:load:v1:${database}`;
}
