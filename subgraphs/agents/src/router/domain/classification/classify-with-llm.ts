import { z } from 'zod';
import {
  TASK_TYPES,
  type CompletionRequest,
  type CompletionResult,
  type TaskClassification,
} from '../contracts.js';
import { classifyTask, type ClassifyInput } from './classify-task.js';
import { estimateOutputTokens } from './estimate-tokens.js';

export type Complete = (request: CompletionRequest) => Promise<CompletionResult>;

const answerSchema = z.object({
  taskType: z.enum(TASK_TYPES),
  complexity: z.number().min(0).max(1),
});

const SYSTEM_PROMPT = [
  'You classify tasks for an LLM router.',
  `Answer with JSON only: {"taskType": one of ${TASK_TYPES.map((t) => `"${t}"`).join(', ')}, "complexity": a number from 0 (trivial) to 1 (hard)}.`,
].join(' ');

/** The model sees at most this much context: enough to judge the task, cheap to send. */
const MAX_CONTEXT_CHARS = 2000;
/** The classifying model gives no probability; agreeing with the offline reading raises trust. */
const CONFIDENCE_AGREED = 0.9;
const CONFIDENCE_DISAGREED = 0.7;

/**
 * Asks a model for `{taskType, complexity}` (JSON, temperature 0) and checks the answer with
 * zod. Any failure (the call throws, the answer is not JSON, a type it does not know, a
 * complexity out of range) falls back to the offline classification, with a signal saying why.
 */
export async function classifyWithLlm(
  input: ClassifyInput,
  complete: Complete,
): Promise<TaskClassification> {
  const offline = classifyTask(input);
  let result: CompletionResult;
  try {
    result = await complete(request(input));
  } catch {
    return fallback(offline, 'the call failed');
  }
  const answer = parse(result.text);
  if (!answer) return fallback(offline, 'the answer was not valid');
  const agreed = answer.taskType === offline.taskType;
  return {
    taskType: answer.taskType,
    complexity: answer.complexity,
    confidence: agreed ? Math.max(CONFIDENCE_AGREED, offline.confidence) : CONFIDENCE_DISAGREED,
    signals: [
      `llm "${result.model}" says ${answer.taskType}`,
      agreed ? 'offline classifier agrees' : `offline classifier says ${offline.taskType}`,
    ],
    estimatedInputTokens: offline.estimatedInputTokens,
    estimatedOutputTokens: estimateOutputTokens(
      answer.taskType,
      answer.complexity,
      offline.estimatedInputTokens,
    ),
    method: 'llm',
  };
}

function request(input: ClassifyInput): CompletionRequest {
  const context = input.context ? `\n\nContext:\n${input.context.slice(0, MAX_CONTEXT_CHARS)}` : '';
  return {
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: `Task:\n${input.text}${context}` },
    ],
    temperature: 0,
    responseFormat: 'json',
    maxOutputTokens: 60,
  };
}

function parse(text: string): z.infer<typeof answerSchema> | null {
  try {
    const parsed = answerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function fallback(offline: TaskClassification, why: string): TaskClassification {
  return {
    ...offline,
    signals: [`llm classification unused (${why}); offline result`, ...offline.signals],
  };
}
