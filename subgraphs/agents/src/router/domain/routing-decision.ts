import type {
  Attempt,
  ChatMessage,
  CompletionRequest,
  CompletionResult,
  RouteRequest,
  Selection,
  TaskClassification,
} from '../index.js';
import {
  storedTextPreviewLength,
  type RoutingAttempt,
  type RoutingDecisionRecord,
} from './router-records.js';

/** What a caller asks of `routeTask` (and of the agents' own LLM calls). */
export interface RouteTaskCommand {
  text: string;
  context?: string | undefined;
  taskType?: RouteRequest['taskType'];
  qualityRequirement?: number | undefined;
  maxCostUsd?: number | undefined;
  /** The cost knob, 0–1: 0.5 or unset is the deployment's trade-off (`RouteRequest`). */
  willingnessToPay?: number | undefined;
  maxOutputTokens?: number | undefined;
  temperature?: number | undefined;
  json?: boolean | undefined;
  dryRun?: boolean | undefined;
  deadlineMs?: number | undefined;
}

/** A fresh selection as stored and published, before any call. */
export function selectedDecision(input: {
  id: string;
  createdAt: Date;
  command: RouteTaskCommand;
  classification: TaskClassification;
  selection: Selection;
  requestedBy: string;
}): RoutingDecisionRecord {
  const { command, classification, selection } = input;
  return {
    id: input.id,
    createdAt: input.createdAt,
    taskType: classification.taskType,
    classification,
    request: {
      textPreview: command.text.slice(0, storedTextPreviewLength),
      textLength: command.text.length,
      contextLength: command.context?.length ?? 0,
      taskType: command.taskType ?? null,
      qualityRequirement: command.qualityRequirement ?? null,
      maxCostUsd: command.maxCostUsd ?? null,
      maxOutputTokens: command.maxOutputTokens ?? null,
      requestedBy: input.requestedBy,
      dryRun: command.dryRun ?? false,
    },
    selectedModel: selection.model,
    confidence: selection.confidence,
    reasoning: selection.reasoning,
    candidates: selection.candidates,
    fallbacks: selection.fallbacks,
    status: 'SELECTED',
    servedBy: null,
    attempts: [],
    latencyMs: null,
    costUsd: null,
    inputTokens: null,
    outputTokens: null,
    quality: null,
    feedback: null,
    errorReason: null,
  };
}

/** The decision once a model answered: who, every attempt, the whole cost. */
export function succeededDecision(
  decision: RoutingDecisionRecord,
  result: CompletionResult,
  attempts: readonly Attempt[],
  latencyMs: number,
): RoutingDecisionRecord {
  return {
    ...decision,
    status: 'SUCCEEDED',
    servedBy: result.model,
    attempts: attempts.map(toStoredAttempt),
    latencyMs,
    costUsd: attempts.reduce((sum, attempt) => sum + attempt.costUsd, 0),
    inputTokens: result.inputTokens,
    outputTokens: result.outputTokens,
    quality: attempts.at(-1)?.quality ?? null,
  };
}

/** The decision when every model failed or the deadline passed. */
export function failedDecision(
  decision: RoutingDecisionRecord,
  failures: readonly { model: string; kind: RoutingAttempt['errorKind'] }[],
  reason: string,
  latencyMs: number,
): RoutingDecisionRecord {
  return {
    ...decision,
    status: 'FAILED',
    attempts: failures.map((failure) => ({
      model: failure.model,
      ok: false,
      errorKind: failure.kind,
      latencyMs: 0,
      costUsd: 0,
    })),
    latencyMs,
    errorReason: reason,
  };
}

function toStoredAttempt(attempt: Attempt): RoutingAttempt {
  return {
    model: attempt.model,
    ok: attempt.status === 'ok' || attempt.status === 'cached',
    errorKind: attempt.errorKind,
    latencyMs: attempt.latencyMs,
    costUsd: attempt.costUsd,
  };
}

/** The chat a routed task becomes: its context as a system message, then the task. */
export function completionRequest(command: RouteTaskCommand): CompletionRequest {
  const messages: ChatMessage[] = [];
  if (command.context) messages.push({ role: 'system', content: `Context:\n${command.context}` });
  messages.push({ role: 'user', content: command.text });
  return {
    messages,
    maxOutputTokens: command.maxOutputTokens,
    temperature: command.temperature,
    responseFormat: command.json ? 'json' : 'text',
  };
}
