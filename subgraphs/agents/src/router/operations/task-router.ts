import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@daena/platform';
import { Events } from '@daena/contracts';
import {
  abortableSleep,
  AllModelsFailedError,
  executeWithFallbacks,
  NoModelAvailableError,
  promptShifts,
  selectModel,
  selectionTolerance,
  ShiftedBelief,
  type SpendTargetPacer,
  type Attempt,
  type CallOutcome,
  type CircuitBreakers,
  type CompletionResult,
  type LoadWindows,
  type ModelSpec,
  type PromptQualityModel,
  type Provider,
  type ResponseCache,
  type RouteRequest,
  type Selection,
  type TaskClassification,
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
import type { AnswerJudge } from './answer-judge.js';
import type { ModelRegistry } from './model-registry.js';
import type { RouterAnnouncer } from './router-announcer.js';
import type { RouterMetrics } from './router-metrics.js';
import type { RouterStatistics } from './router-statistics.js';
import {
  classifyWithinDeadline,
  failureReason,
  throwIfAborted,
  type ClassifierInput,
} from './route-deadline.js';
import { validateRouteCommand } from './route-input.js';

export interface RoutedCall {
  decision: RoutingDecisionRecord;
  result: CompletionResult | null;
  /** The answer came from the decision stored under the call's idempotency key: no call made. */
  replayed?: boolean;
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
  /**
   * Makes the call at most once per key (an agent run's step): a decision already stored under
   * the key is answered from its stored answer without calling, and one whose caller died
   * mid-call is sent again under the same key, which providers that honour `Idempotency-Key`
   * deduplicate.
   */
  idempotencyKey?: string | undefined;
}

/** What routing a task needs of the replica's router. */
export interface TaskRouterParts {
  fork(): EntityManager;
  log: Logger;
  providers: Readonly<Record<ModelSpec['kind'], Provider>>;
  /** Honours `signal`: `route` aborts it when the classifier's share of the deadline is spent. */
  classify(input: ClassifierInput): Promise<TaskClassification>;
  cache?: ResponseCache | undefined;
  cacheTtlSeconds: number;
  deadlineMs: number;
  registry: ModelRegistry;
  statistics: RouterStatistics;
  breakers: CircuitBreakers;
  loads: LoadWindows;
  metrics: RouterMetrics;
  announcer: RouterAnnouncer;
  /** Epoch milliseconds. */
  clock: () => number;
  random: () => number;
  /**
   * Per-prompt quality prediction (issue 18): each model's posterior is moved by how far the
   * prompt sits from that model's average (`ShiftedBelief`); absent, selection uses the posteriors.
   */
  promptModel?: PromptQualityModel | null | undefined;
  /** Grades a sample of answers (issue 18); absent when no model is configured as the judge. */
  judge?: AnswerJudge | undefined;
  /**
   * The deployment's spend target (issue 18): scales every selection's quality tolerance so this
   * replica's spend over the window meets it; absent, the default trade-off.
   */
  pacer?: SpendTargetPacer | undefined;
}

const maxAttemptsPerModel = 2;

/**
 * The most of a request's deadline an LLM classifier may use: it only picks the model, so it
 * must leave the call (and a fallback) most of the time; when it runs out, the offline reading
 * is used instead.
 */
const classifierShareOfDeadline = 0.25;

/** Routing one task: classify, select, record and publish the selection, call with fallbacks. */
export class TaskRouter {
  constructor(private readonly parts: TaskRouterParts) {}

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
    const { clock } = this.parts;
    const request = validateRouteCommand(command);
    const deadlineAt = clock() + (command.deadlineMs ?? this.parts.deadlineMs);
    const repository = new RoutingDecisionRepository(this.parts.fork());
    const key = options.idempotencyKey;
    if (key !== undefined) {
      const kept = await this.resumeKept(key, command, repository, deadlineAt, options);
      if (kept) return kept;
    }
    const classified = await classifyWithinDeadline({
      classify: this.parts.classify,
      input: { text: request.text, context: request.context },
      budgetMs: (deadlineAt - clock()) * classifierShareOfDeadline,
      signal: options.signal,
    });
    throwIfAborted(options.signal);
    const classification: TaskClassification = request.taskType
      ? { ...classified, taskType: request.taskType, signals: ['task type given by the caller'] }
      : classified;
    const selection = this.select(request, classification);
    const decision = selectedDecision({
      id: randomUUID(),
      createdAt: new Date(clock()),
      command,
      classification,
      selection,
      requestedBy,
    });
    if (!(await repository.insertDecision(decision, key)) && key !== undefined) {
      // Another caller stored a decision under the key meanwhile: that one is the call.
      const kept = await this.resumeKept(key, command, repository, deadlineAt, options);
      if (kept) return kept;
      throw new Error(`the routing decision under idempotency key ${key} vanished`);
    }
    return this.settle(decision, command, repository, deadlineAt, options, true);
  }

  /**
   * The call already made (or begun) under `key`: a stored answer is returned as it is; a
   * decision still SELECTED lost its caller mid-call (a worker died), so the call is sent again
   * under the same key and counted as resent; a FAILED one gives its key up to a fresh routing.
   */
  private async resumeKept(
    key: string,
    command: RouteTaskCommand,
    repository: RoutingDecisionRepository,
    deadlineAt: number,
    options: RouteOptions,
  ): Promise<RoutedCall | null> {
    const kept = await repository.keyed(key);
    if (!kept) return null;
    const { decision, answer } = kept;
    if (decision.status === 'SUCCEEDED' && answer) {
      return { decision, result: answer, replayed: true };
    }
    if (decision.status === 'SELECTED' && (await repository.markResent(decision.id))) {
      this.parts.log.warn(
        { decisionId: decision.id, idempotencyKey: key },
        'a routed call whose caller died before its answer is sent again under its key',
      );
      return this.settle(decision, command, repository, deadlineAt, options, false);
    }
    await repository.releaseKey(decision.id);
    return null;
  }

  /** Announces a new selection, makes the call and stores how it ended (FAILED with a reason). */
  private async settle(
    decision: RoutingDecisionRecord,
    command: RouteTaskCommand,
    repository: RoutingDecisionRepository,
    deadlineAt: number,
    options: RouteOptions,
    announce: boolean,
  ): Promise<RoutedCall> {
    const { clock } = this.parts;
    const started = clock();
    try {
      if (announce) {
        this.parts.metrics.selected(decision.selectedModel, decision.taskType);
        await this.parts.announcer.publish(
          Events.routerSelectionMade.create({
            decisionId: decision.id,
            taskType: decision.taskType,
            model: decision.selectedModel,
          }),
        );
      }
      options.observer?.selected(decision);
      if (command.dryRun) return { decision, result: null };
      return await this.execute(decision, command, repository, deadlineAt, options);
    } catch (error) {
      const failed = failedDecision(
        decision,
        error instanceof AllModelsFailedError ? error.attempts : [],
        failureReason(error),
        clock() - started,
      );
      await repository.completeDecision(decision.id, failed).catch((writeError: unknown) => {
        this.parts.log.error(
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
    const { registry, statistics, loads, breakers, random, promptModel } = this.parts;
    // A judge grades answers; it is never routed to.
    const specs = registry
      .entries()
      .map((entry) => entry.spec)
      .filter((spec) => spec.judge === undefined);
    const offline = specs.find((spec) => spec.kind === 'offline' && spec.enabled);
    const others = specs.filter((spec) => spec.kind !== 'offline');
    const shifts = promptModel ? promptShifts(promptModel, request.text, specs) : null;
    const tolerance = selectionTolerance(
      this.parts.pacer?.toleranceScale ?? 1,
      request.willingnessToPay,
    );
    const choose = (candidates: ModelSpec[]) =>
      selectModel({
        request,
        classification,
        candidates,
        tolerance,
        posterior: (model, taskType) => {
          const base = statistics.posterior(model, taskType);
          const shift = shifts?.get(model) ?? 0;
          return shift === 0 ? base : new ShiftedBelief(base, shift);
        },
        load: (model) => loads.state(model),
        health: (model) => breakers.health(model),
        random,
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
    const { clock } = this.parts;
    // A model removed between selection and now fails the decision with MODEL_NOT_FOUND.
    const models = [decision.selectedModel, ...decision.fallbacks].map((name) => {
      const entry = this.parts.registry.get(name);
      if (!entry) throw new UnknownModelError(name);
      return entry.spec;
    });
    const started = clock();
    const { observer } = options;
    const { result, attempts } = await executeWithFallbacks({
      models,
      request: {
        ...completionRequest(command),
        signal: options.signal,
        onDelta: observer?.delta && ((text) => observer.delta?.(text)),
        idempotencyKey: options.idempotencyKey,
      },
      taskType: decision.taskType,
      providerFor: (spec) => this.parts.providers[spec.kind],
      breakers: this.parts.breakers,
      loads: this.parts.loads,
      cache: this.parts.cache,
      cacheTtlSeconds: this.parts.cacheTtlSeconds,
      deadlineMs: Math.max(0, deadlineAt - started),
      maxAttemptsPerModel,
      clock,
      rng: this.parts.random,
      sleep: abortableSleep,
      onOutcome: (outcome) => this.observe(outcome),
      onStreamDiscarded: (attempt) => observer?.reset?.(attempt),
    });
    const completed = succeededDecision(decision, result, attempts, clock() - started);
    // A keyed call keeps its answer: a caller that dies before using it gets it back unasked.
    await repository.completeDecision(
      decision.id,
      completed,
      options.idempotencyKey === undefined ? undefined : result,
    );
    // Graded after the answer is stored and without holding up the caller; never throws.
    if (!result.cached) {
      void this.parts.judge?.consider({
        model: result.model,
        taskType: decision.taskType,
        prompt: command.text,
        answer: result.text,
        decisionId: decision.id,
      });
    }
    return { decision: completed, result };
  }

  /** Every attempt feeds the tracker (stats, posterior, drift) — never fails the call. */
  private observe(outcome: CallOutcome): void {
    try {
      this.parts.metrics.call(outcome);
      this.parts.pacer?.record(this.parts.clock(), outcome.costUsd);
      for (const drift of this.parts.statistics.record(outcome)) this.parts.announcer.drift(drift);
    } catch (error) {
      this.parts.log.error({ err: error, model: outcome.model }, 'could not record a call outcome');
    }
  }
}
