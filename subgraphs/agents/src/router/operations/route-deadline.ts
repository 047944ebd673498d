import { DaenaError } from '@daena/platform';
import {
  AllModelsFailedError,
  classifyTask,
  ProviderError,
  type TaskClassification,
} from '../index.js';

/** What the router's classifier is asked; it should stop work when `signal` aborts. */
export interface ClassifierInput {
  text: string;
  context?: string | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Classifies within `budgetMs`: the classifier gets a signal that aborts at the budget (or with
 * the caller's signal), and is raced against it, so one that ignores the signal cannot hold the
 * request either. Out of time, the offline (NLP) reading is used, with a signal saying so.
 */
export async function classifyWithinDeadline(options: {
  classify(input: ClassifierInput): Promise<TaskClassification>;
  input: { text: string; context?: string | undefined };
  budgetMs: number;
  signal?: AbortSignal | undefined;
}): Promise<TaskClassification> {
  const { input, signal } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.max(0, options.budgetMs));
  const onCallerAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  const outOfTime = new Promise<TaskClassification>((resolve) => {
    controller.signal.addEventListener('abort', () => resolve(offlineReading(input)), {
      once: true,
    });
  });
  try {
    return await Promise.race([
      options.classify({ ...input, signal: controller.signal }),
      outOfTime,
    ]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }
}

function offlineReading(input: { text: string; context?: string | undefined }) {
  const offline = classifyTask(input);
  return {
    ...offline,
    signals: [...offline.signals, 'LLM classifier out of time: offline reading'],
  };
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ProviderError('aborted', 'The caller aborted the request', '');
}

/** The stored `errorReason` of a failed decision: the error's stable code, never its text. */
export function failureReason(error: unknown): string {
  if (error instanceof AllModelsFailedError) return error.reason ?? 'ALL_MODELS_FAILED';
  if (error instanceof ProviderError)
    return error.kind === 'aborted' ? 'ABORTED' : 'PROVIDER_ERROR';
  if (error instanceof DaenaError) return error.reason ?? error.code;
  return 'INTERNAL_ERROR';
}
