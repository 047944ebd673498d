import { BadInputError, DaenaError, ErrorCode, NotFoundError } from '@daena/platform/domain';
import type { ProviderErrorKind } from './contracts.js';

/**
 * A provider call that failed, classified so the executor knows whether to retry the same
 * model, fall back to the next one, or give up. Never carries the API key.
 */
export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly model: string,
    readonly status: number | null = null,
    /** From a `retry-after` header, when the provider sent one. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

export class UnknownModelError extends NotFoundError {
  constructor(name: string) {
    super('Model', name);
  }
}

/** No enabled model can take this request at all (all disabled, open circuits, rate limited). */
export class NoModelAvailableError extends DaenaError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(ErrorCode.UNAVAILABLE, message, 'NO_MODEL_AVAILABLE', details);
  }
}

/** No model's expected quality reaches the request's `qualityRequirement`. */
export class QualityUnreachableError extends BadInputError {
  constructor(requirement: number, best: number) {
    super(
      `No model is expected to reach quality ${requirement.toFixed(2)} for this task (best ${best.toFixed(2)})`,
      'QUALITY_UNREACHABLE',
      { requirement, best },
    );
  }
}

/** The request's `maxCostUsd` is below the cheapest eligible call. */
export class BudgetTooLowError extends BadInputError {
  constructor(maxCostUsd: number, cheapestUsd: number) {
    super(
      `The budget $${maxCostUsd} is below the cheapest call for this task ($${cheapestUsd.toFixed(6)})`,
      'BUDGET_TOO_LOW',
      { maxCostUsd, cheapestUsd },
    );
  }
}

/** Every model of the selection and its fallbacks failed, or the deadline passed. */
export class AllModelsFailedError extends DaenaError {
  constructor(
    message: string,
    readonly attempts: readonly { model: string; kind: ProviderErrorKind; message: string }[],
    reason: 'ALL_MODELS_FAILED' | 'DEADLINE_EXCEEDED' = 'ALL_MODELS_FAILED',
  ) {
    super(ErrorCode.UNAVAILABLE, message, reason, { attempts });
  }
}

/** The committed prompt-quality model (router-model/) cannot be read; rebuild it with its script. */
export class PromptModelFileError extends DaenaError {
  constructor(message: string) {
    super(ErrorCode.UNAVAILABLE, message, 'PROMPT_MODEL_INVALID');
  }
}
