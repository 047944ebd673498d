import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus, Logger, PeerGauges, SecretBox } from '@daena/platform';
import {
  CircuitBreakers,
  LoadWindows,
  SpendTargetPacer,
  type HealthState,
  type LoadState,
  type ModelSpec,
  type PromptQualityModel,
  type Provider,
  type ResponseCache,
  type TaskClassification,
} from '../index.js';
import { AnswerJudge } from './answer-judge.js';
import { ModelRegistry, type RegistryEntry } from './model-registry.js';
import { PeerLoadSync } from './peer-load-sync.js';
import { RouterAnnouncer } from './router-announcer.js';
import { RouterMetrics } from './router-metrics.js';
import { RouterStatistics } from './router-statistics.js';
import { RoutingFeedback } from './routing-feedback.js';
import type { ClassifierInput } from './route-deadline.js';
import type { ModelCommand } from './route-input.js';
import { TaskRouter } from './task-router.js';

/** A registry model with its live health and load, as `models` shows it. */
export interface ModelState extends RegistryEntry {
  health: HealthState;
  load: LoadState;
}

export interface RouterServiceDependencies {
  fork(): EntityManager;
  bus: EventBus;
  log: Logger;
  /** Configured models (keys resolved), the offline one included. */
  configured: readonly ModelSpec[];
  providers: Readonly<Record<ModelSpec['kind'], Provider>>;
  /** Honours `signal`: `route` aborts it when the classifier's share of the deadline is spent. */
  classify(input: ClassifierInput): Promise<TaskClassification>;
  /**
   * The other replicas' use of each model (Redis with REDIS_URL): provider rate limits hold for
   * all replicas together, so selection and the executor count them too.
   */
  peers?: PeerGauges | undefined;
  /** How often this replica shares its use and reads its peers' (default 1 s). */
  peerSyncMs?: number;
  /** Seals admin models' API keys at rest. */
  secrets?: SecretBox | undefined;
  cache?: ResponseCache | undefined;
  cacheTtlSeconds: number;
  windowDays: number;
  deadlineMs: number;
  /** Epoch milliseconds. */
  clock?: () => number;
  random?: () => number;
  /** Per-prompt quality prediction, the prior of each selection (see `TaskRouterParts`). */
  promptModel?: PromptQualityModel | null | undefined;
  /**
   * The deployment's cost knob (ROUTER_SPEND_TARGET_USD per ROUTER_SPEND_WINDOW_SECONDS): at most
   * `targetUsd` spent by this replica on routed calls per `windowMs` (the pacer holds it by trading
   * quality for price); absent, the default trade-off.
   */
  spendTarget?: { readonly targetUsd: number; readonly windowMs: number } | undefined;
}

/**
 * The LLM router of this replica: the registry, the performance tracker, circuit breakers and
 * rate-limit windows it shares between its use cases — routing a task (`TaskRouter`), reading
 * decisions and feedback (`RoutingFeedback`), model admin (`ModelRegistry`) and sharing load with
 * peer replicas (`PeerLoadSync`). Selections are published on the bus (`routerSelections`);
 * drift is published as `router.drift.detected`.
 */
export class RouterService {
  private readonly registry: ModelRegistry;
  private readonly statistics: RouterStatistics;
  /** Registered on the service's /metrics by `createRouterService`. */
  readonly metrics = new RouterMetrics();
  private readonly breakers: CircuitBreakers;
  private readonly loads: LoadWindows;
  private readonly peerSync: PeerLoadSync | undefined;
  private readonly router: TaskRouter;
  private readonly feedbacks: RoutingFeedback;

  constructor(deps: RouterServiceDependencies) {
    const clock = deps.clock ?? Date.now;
    this.registry = new ModelRegistry(deps);
    this.statistics = new RouterStatistics({
      fork: deps.fork,
      log: deps.log,
      windowDays: deps.windowDays,
      clock,
      spec: (model) => this.registry.get(model)?.spec,
    });
    this.breakers = new CircuitBreakers(clock);
    this.loads = new LoadWindows(clock);
    this.peerSync =
      deps.peers && new PeerLoadSync(deps.peers, this.loads, deps.log, deps.peerSyncMs ?? 1_000);
    const announcer = new RouterAnnouncer({ bus: deps.bus, log: deps.log, metrics: this.metrics });
    const shared = { registry: this.registry, statistics: this.statistics, announcer };
    const random = deps.random ?? Math.random;
    const judge = new AnswerJudge({
      judgeSpec: () =>
        this.registry
          .entries()
          .map((entry) => entry.spec)
          .find((spec) => spec.judge !== undefined && spec.enabled),
      providers: deps.providers,
      learn: (model, taskType, quality, source) =>
        this.statistics.feedback(model, taskType, quality, source),
      drift: (event) => announcer.drift(event),
      metrics: this.metrics,
      log: deps.log,
      clock,
      random,
    });
    this.router = new TaskRouter({
      ...deps,
      ...shared,
      breakers: this.breakers,
      loads: this.loads,
      metrics: this.metrics,
      clock,
      random,
      judge,
      pacer: deps.spendTarget && new SpendTargetPacer(deps.spendTarget),
    });
    this.feedbacks = new RoutingFeedback({ fork: deps.fork, ...shared });
  }

  /** Writes the configured models, loads the registry and the stored statistics. */
  async start(): Promise<void> {
    await this.registry.start();
    await this.statistics.start();
    await this.peerSync?.start();
  }

  async stop(): Promise<void> {
    this.peerSync?.halt();
    this.registry.stop();
    await this.statistics.stop();
    await this.peerSync?.close();
  }

  /** One exchange of model use with the peer replicas (see `PeerLoadSync.sync`). */
  async syncPeers(): Promise<void> {
    await this.peerSync?.sync();
  }

  models(): ModelState[] {
    return this.registry.entries().map((entry) => this.stateOf(entry));
  }

  private stateOf(entry: RegistryEntry): ModelState {
    return {
      ...entry,
      health: this.breakers.health(entry.spec.name),
      load: this.loads.state(entry.spec.name),
    };
  }

  route: TaskRouter['route'] = (command, requestedBy, options) =>
    this.router.route(command, requestedBy, options);

  decision: RoutingFeedback['decision'] = (id) => this.feedbacks.decision(id);

  stats: RoutingFeedback['stats'] = (filter) => this.feedbacks.stats(filter);

  feedback: RoutingFeedback['feedback'] = (decisionId, quality) =>
    this.feedbacks.feedback(decisionId, quality);

  /**
   * Ties the outcome of an agent's task or a CMP decision back to the routed call that served it
   * (see `RoutingFeedback.outcome`), for the autonomy engine and the voting worker to call.
   */
  recordOutcome: RoutingFeedback['outcome'] = (decisionId, source, quality) =>
    this.feedbacks.outcome(decisionId, source, quality);

  async registerModel(command: ModelCommand): Promise<ModelState> {
    return this.stateOf(await this.registry.register(command));
  }

  async updateModel(command: ModelCommand, version: number): Promise<ModelState> {
    return this.stateOf(await this.registry.update(command, version));
  }

  async setModelEnabled(name: string, enabled: boolean): Promise<ModelState> {
    return this.stateOf(await this.registry.setEnabled(name, enabled));
  }

  removeModel(name: string): Promise<boolean> {
    return this.registry.remove(name);
  }
}
