import { BadInputError } from '@daena/platform';
import type { RouteTaskCommand } from '../domain/routing-decision.js';
import {
  modelConfigSchema,
  toModelSpec,
  RegistryConfigError,
  WILLINGNESS_TO_PAY_RANGE,
  type ModelSpec,
  type RouteRequest,
  type TaskType,
} from '../index.js';

/** A task's text and context together: enough for long documents, bounded against abuse. */
const maxTaskCharacters = 200_000;
const maxDeadlineMs = 300_000;

function inRange(name: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new BadInputError(`${name} must be between ${min} and ${max}`, 'INVALID_ROUTE_REQUEST', {
      field: name,
      value,
    });
  }
}

/** Checks a route command before anything is classified, selected or written. */
export function validateRouteCommand(command: RouteTaskCommand): RouteRequest {
  if (command.text.trim() === '') {
    throw new BadInputError('text must not be empty', 'INVALID_ROUTE_REQUEST', { field: 'text' });
  }
  const characters = command.text.length + (command.context?.length ?? 0);
  if (characters > maxTaskCharacters) {
    throw new BadInputError(
      `text and context together must be at most ${maxTaskCharacters} characters (got ${characters})`,
      'INVALID_ROUTE_REQUEST',
      { field: 'text', characters },
    );
  }
  inRange('qualityRequirement', command.qualityRequirement, 0, 1);
  inRange('maxCostUsd', command.maxCostUsd, 0, 1_000);
  inRange(
    'willingnessToPay',
    command.willingnessToPay,
    WILLINGNESS_TO_PAY_RANGE.min,
    WILLINGNESS_TO_PAY_RANGE.max,
  );
  inRange('maxOutputTokens', command.maxOutputTokens, 1, 1_000_000);
  inRange('temperature', command.temperature, 0, 2);
  inRange('deadlineMs', command.deadlineMs, 100, maxDeadlineMs);
  return {
    text: command.text,
    context: command.context,
    taskType: command.taskType,
    qualityRequirement: command.qualityRequirement,
    maxCostUsd: command.maxCostUsd,
    willingnessToPay: command.willingnessToPay,
    maxOutputTokens: command.maxOutputTokens,
    requiredFeatures: command.json ? ['json'] : undefined,
  };
}

/** An admin's model as GraphQL carries it. */
export interface ModelCommand {
  name: string;
  baseUrl: string;
  upstreamModel: string;
  apiKey?: string | undefined;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  contextWindow: number;
  taskTypes?: TaskType[] | undefined;
  features?: ModelSpec['features'][number][] | undefined;
  requestsPerMinute?: number | undefined;
  tokensPerMinute?: number | undefined;
  timeoutMs?: number | undefined;
  priorQuality?: number | undefined;
  enabled?: boolean | undefined;
}

/**
 * Validates an admin's model with the same rules as configured ones; every problem is reported
 * at once (`INVALID_MODEL_CONFIG`) and the key never appears in the message.
 */
export function validateModelCommand(command: ModelCommand): ModelSpec {
  const parsed = modelConfigSchema.safeParse({
    name: command.name,
    kind: 'openai-compatible',
    baseURL: command.baseUrl,
    upstreamModel: command.upstreamModel,
    apiKey: command.apiKey,
    inputUsdPerMTok: command.inputUsdPerMTok,
    outputUsdPerMTok: command.outputUsdPerMTok,
    contextWindow: command.contextWindow,
    taskTypes: command.taskTypes,
    features: command.features,
    requestsPerMinute: command.requestsPerMinute ?? null,
    tokensPerMinute: command.tokensPerMinute ?? null,
    timeoutMs: command.timeoutMs,
    priorQuality: command.priorQuality === undefined ? {} : { default: command.priorQuality },
    enabled: command.enabled,
  });
  if (!parsed.success) {
    throw new RegistryConfigError(
      parsed.error.issues.map((issue) => ({
        path: issue.path.join('.') || 'input',
        message: issue.message,
      })),
      command.apiKey ? [command.apiKey] : [],
    );
  }
  const config = parsed.data;
  if (config.name.length > 100) {
    throw new BadInputError('name must be at most 100 characters', 'INVALID_MODEL_CONFIG');
  }
  return toModelSpec(config, config.apiKey ?? null);
}
