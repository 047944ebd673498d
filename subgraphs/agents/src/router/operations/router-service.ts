import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ConflictError,
  NotFoundError,
  type EventBus,
  type Logger,
  type PeerGauges,
  type SecretBox,
} from '@daena/platform';
import { Events } from '@daena/contracts';
import {
  abortableSleep,
  AllModelsFailedError,
  CircuitBreakers,
  executeWithFallbacks,
  LoadWindows,
  NoModelAvailableError,
  selectModel,
  type Attempt,
  type CallOutcome,
  type CompletionResult,
  type DriftEvent,
  type HealthState,
  type LoadState,
  type ModelSpec,
  type Provider,
  type ResponseCache,
  type RouteRequest,
  type Selection,
  type TaskClassification,
  type TaskType,
  UnknownModelError,
} from '../index.js';
import type { RoutingDecisionRecord } from '../domain/router-records.js';
import {
  completionRequest,
  failedDecision,
  selectedDecision,
  succeededDecision,
  type RouteTaskCommand,
} from '../domain/routing-decision.js';
import { RoutingDecisionRepository } from '../store/decision-repository.js';
import { ModelRegistry, type RegistryEntry } from './model-registry.js';
import { RouterMetrics } from './router-metrics.js';
import { RouterStatistics } from './router-statistics.js';
import {
  classifyWithinDeadline,
  failureReason,
  throwIfAborted,
  type ClassifierInput,
} from './route-deadline.js';
import { validateRouteCommand, type ModelCommand } from './route-input.js';

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
}

export interface RoutedCall {
  decision: RoutingDecisionRecord;
  result: CompletionResult | null;
}

/** What a caller of `route` may watch while the call runs (the streaming subscription does). */
export interface RouteObserver {
  /** The selection, stored and published, before any model is called. */
  selected(decision: RoutingDecisionRecord): void;
  /** A piece of the answer; without `delta`, the call does not stream. */
  delta?(text: string): void;
  /** An attempt failed after streaming part of its answer: those pieces are void. */
  reset?(attempt: Attempt): void;
  /** The stored decision was marked FAILED; the error is thrown next. */
  failed?(decision: RoutingDecisionRecord, error: unknown): void;
}

export interface RouteOptions {
  /** Aborts the request (classification and calls) when the caller is gone. */
  signal?: AbortSignal | undefined;
  observer?: RouteObserver | undefined;
}

const maxAttemptsPerModel = 2;

/**
 * The most of a request's deadline an LLM classifier may use: it only picks the model, so it
 * must leave the call (and a fallback) most of the time; when it runs out, the offline reading
 * is used instead.
 */
const classifierShareOfDeadline = 0.25;

/**
 * The LLM router of this replica: the registry, the performance tracker, circuit breakers and
 * rate-limit windows, selection with reasoning, execution with fallbacks, and persistence of
 * decisions and statistics to Postgres. Selections are published on the bus (`routerSelections`);
 * drift is published as `router.drift.detected`.
 */
export class RouterService {
  private readonly registry: ModelRegistry;
  private readonly statistics: RouterStatistics;
  /** Registered on the service's /metrics by `createRouterService`. */
  readonly metrics = new RouterMetrics();
  private readonly breakers: CircuitBreakers;
  private readonly loads: LoadWindows;
  private readonly clock: () => number;
  private readonly random: () => number;
  private peerTimer: NodeJS.Timeout | undefined;
  private syncing = false;
  private peersFailing = false;

  constructor(private readonly deps: RouterServiceDependencies) {
    this.registry = new ModelRegistry(deps);
    this.clock = deps.clock ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.statistics = new RouterStatistics({
      fork: deps.fork,
      log: deps.log,
      windowDays: deps.windowDays,
      clock: this.clock,
      spec: (model) => this.registry.get(model)?.spec,
    });
    this.breakers = new CircuitBreakers(this.clock);
    this.loads = new LoadWindows(this.clock);
  }

  /** Writes the configured models, loads the registry and the stored statistics. */
  async start(): Promise<void> {
    await this.registry.start();
    await this.statistics.start();
    if (this.deps.peers) {
      await this.syncPeers();
      this.peerTimer = setInterval(() => void this.syncPeers(), this.deps.peerSyncMs ?? 1_000);
      this.peerTimer.unref();
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.peerTimer);
    this.registry.stop();
    await this.statistics.stop();
    await this.deps.peers?.close();
  }

  /**
   * Shares this replica's use of each model and takes in its peers' (at most one exchange at a
   * time). When the exchange fails, the peers' last figures are dropped and this replica counts
   * on its own until the next one succeeds: providers still answer 429 over their limits, which
   * the executor falls back on.
   */
  async syncPeers(): Promise<void> {
    const peers = this.deps.peers;
    if (!peers || this.syncing) return;
    this.syncing = true;
    try {
      this.loads.setPeers(await peers.exchange(this.loads.ownGauges()));
      this.peersFailing = false;
    } catch (error) {
      this.loads.setPeers(new Map());
      if (!this.peersFailing) {
        this.deps.log.warn({ err: error }, 'cannot share model load with peer replicas');
      }
      this.peersFailing = true;
    } finally {
      this.syncing = false;
    }
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

  /**
   * Selects a model for the task, records and publishes the selection, and unless a dry run calls
   * it. The deadline (the command's or ROUTER_DEADLINE_MS) runs from here: classification (an LLM
   * classifier gets a share of it), selection and the call all fit in it. Once the decision is
   * stored, any failure marks it FAILED with a typed reason before the error leaves.
   */
  async route(
    command: RouteTaskCommand,
    requestedBy: string,
    options: RouteOptions = {},
  ): Promise<RoutedCall> {
    const request = validateRouteCommand(command);
    const deadlineAt = this.clock() + (command.deadlineMs ?? this.deps.deadlineMs);
    const classified = await classifyWithinDeadline({
      classify: this.deps.classify,
      input: { text: request.text, context: request.context },
      budgetMs: (deadlineAt - this.clock()) * classifierShareOfDeadline,
      signal: options.signal,
    });
    throwIfAborted(options.signal);
    const classification: TaskClassification = request.taskType
      ? { ...classified, taskType: request.taskType, signals: ['task type given by the caller'] }
      : classified;
    const selection = this.select(request, classification);
    const decision = selectedDecision({
      id: randomUUID(),
      createdAt: new Date(this.clock()),
      command,
      classification,
      selection,
      requestedBy,
    });
    const repository = this.repository();
    await repository.insertDecision(decision);
    const started = this.clock();
    try {
      this.metrics.selected(decision.selectedModel, decision.taskType);
      await this.publish(
        Events.routerSelectionMade.create({
          decisionId: decision.id,
          taskType: decision.taskType,
          model: decision.selectedModel,
        }),
      );
      options.observer?.selected(decision);
      if (command.dryRun) return { decision, result: null };
      return await this.execute(decision, command, repository, deadlineAt, options);
    } catch (error) {
      const failed = failedDecision(
        decision,
        error instanceof AllModelsFailedError ? error.attempts : [],
        failureReason(error),
        this.clock() - started,
      );
      await repository.completeDecision(decision.id, failed).catch((writeError: unknown) => {
        this.deps.log.error(
          { err: writeError, decisionId: decision.id },
          'could not mark a routing decision failed',
        );
      });
      options.observer?.failed?.(failed, error);
      throw error;
    }
  }

  /**
   * The offline model answers from templates: it is the last resort, not a competitor. It is a
   * candidate only when no other model can take the request, and otherwise the last fallback.
   */
  private select(request: RouteRequest, classification: TaskClassification): Selection {
    const specs = this.registry.entries().map((entry) => entry.spec);
    const offline = specs.find((spec) => spec.kind === 'offline' && spec.enabled);
    const others = specs.filter((spec) => spec.kind !== 'offline');
    const choose = (candidates: ModelSpec[]) =>
      selectModel({
        request,
        classification,
        candidates,
        posterior: (model, taskType) => this.statistics.posterior(model, taskType),
        load: (model) => this.loads.state(model),
        health: (model) => this.breakers.health(model),
        random: this.random,
      });
    if (!offline || !others.some((spec) => spec.enabled)) return choose(specs);
    try {
      const selection = choose(others);
      // A caller who asked for a quality gets it or an error, never a template.
      if (request.qualityRequirement !== undefined) return selection;
      return { ...selection, fallbacks: [...selection.fallbacks, offline.name] };
    } catch (error) {
      if (!(error instanceof NoModelAvailableError)) throw error;
      return choose(specs);
    }
  }

  private async execute(
    decision: RoutingDecisionRecord,
    command: RouteTaskCommand,
    repository: RoutingDecisionRepository,
    deadlineAt: number,
    options: RouteOptions,
  ): Promise<RoutedCall> {
    // A model removed between selection and now fails the decision with MODEL_NOT_FOUND.
    const models = [decision.selectedModel, ...decision.fallbacks].map((name) => {
      const entry = this.registry.get(name);
      if (!entry) throw new UnknownModelError(name);
      return entry.spec;
    });
    const started = this.clock();
    const { observer } = options;
    const { result, attempts } = await executeWithFallbacks({
      models,
      request: {
        ...completionRequest(command),
        signal: options.signal,
        onDelta: observer?.delta && ((text) => observer.delta?.(text)),
      },
      taskType: decision.taskType,
      providerFor: (spec) => this.deps.providers[spec.kind],
      breakers: this.breakers,
      loads: this.loads,
      cache: this.deps.cache,
      cacheTtlSeconds: this.deps.cacheTtlSeconds,
      deadlineMs: Math.max(0, deadlineAt - started),
      maxAttemptsPerModel,
      clock: this.clock,
      rng: this.random,
      sleep: abortableSleep,
      onOutcome: (outcome) => this.observe(outcome),
      onStreamDiscarded: (attempt) => observer?.reset?.(attempt),
    });
    const completed = succeededDecision(decision, result, attempts, this.clock() - started);
    await repository.completeDecision(decision.id, completed);
    return { decision: completed, result };
  }

  /** Every attempt feeds the tracker (stats, posterior, drift) — never fails the call. */
  private observe(outcome: CallOutcome): void {
    try {
      this.metrics.call(outcome);
      for (const drift of this.statistics.record(outcome)) this.reportDrift(drift);
    } catch (error) {
      this.deps.log.error({ err: error, model: outcome.model }, 'could not record a call outcome');
    }
  }

  private reportDrift(drift: DriftEvent): void {
    this.metrics.drifted(drift);
    this.deps.log.warn(drift, 'router: drift detected, old evidence discounted');
    void this.publish(
      Events.routerDriftDetected.create({
        model: drift.model,
        taskType: drift.taskType,
        metric: drift.metric,
        direction: drift.direction,
        observations: drift.observations,
        statistic: drift.statistic,
        threshold: drift.threshold,
      }),
    );
  }

  async decision(id: string): Promise<RoutingDecisionRecord | null> {
    if (!isUuid(id)) return null;
    return this.repository().decision(id);
  }

  /** Per (model, task type) over the sliding window, from every replica's stored buckets. */
  /**
   * The window's statistics; a model that is neither registered nor in the window is
   * MODEL_NOT_FOUND, so a misspelt name is not mistaken for a model without calls.
   */
  async stats(filter: { model?: string | undefined; taskType?: TaskType | undefined }) {
    const stats = await this.statistics.stats(filter);
    if (filter.model && stats.length === 0 && !this.registry.get(filter.model)) {
      throw new UnknownModelError(filter.model);
    }
    return stats;
  }

  /** Explicit feedback, once per decision; it updates the served model's quality posterior. */
  async feedback(decisionId: string, quality: number): Promise<RoutingDecisionRecord> {
    const current = await this.decision(decisionId);
    if (!current) throw new NotFoundError('RoutingDecision', decisionId);
    if (current.feedback !== null) throw feedbackRecorded(decisionId);
    if (!current.servedBy) {
      throw new ConflictError('This decision was never answered', 'DECISION_NOT_SERVED', {
        decisionId,
        status: current.status,
      });
    }
    // Conditional on no feedback yet: of two concurrent calls, one counts.
    const updated = await this.repository().setFeedback(decisionId, quality);
    if (!updated) throw feedbackRecorded(decisionId);
    for (const drift of this.statistics.feedback(current.servedBy, current.taskType, quality)) {
      this.reportDrift(drift);
    }
    return updated;
  }

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

  private repository(): RoutingDecisionRepository {
    return new RoutingDecisionRepository(this.deps.fork());
  }

  private async publish(event: Parameters<EventBus['publish']>[0]): Promise<void> {
    try {
      await this.deps.bus.publish(event);
    } catch (error) {
      this.deps.log.error({ err: error, event: event.type }, 'could not publish a router event');
    }
  }
}

const feedbackRecorded = (decisionId: string) =>
  new ConflictError('Feedback on this decision was already recorded', 'FEEDBACK_ALREADY_RECORDED', {
    decisionId,
  });

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
