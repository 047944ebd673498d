import { TASK_TYPES, type TaskClassification, type TaskType } from '../contracts.js';
import { collectEvidence, type Evidence } from './collect-evidence.js';
import { complexityFeatures, estimateComplexity } from './estimate-complexity.js';
import { estimateInputTokens, estimateOutputTokens } from './estimate-tokens.js';
import { readPrompt } from './read-prompt.js';

export interface ClassifyInput {
  readonly text: string;
  /** Material the task is about (a document, code, a thread); informs size and code shape. */
  readonly context?: string | undefined;
}

/** Score every type starts with, so a prompt with no cue at all reads as conversation. */
const PRIOR: Readonly<Partial<Record<TaskType, number>>> = { conversation: 0.25 };
/** Signals kept in a classification: enough to explain, few enough to read. */
const MAX_SIGNALS = 6;

/**
 * Classifies a task offline with wink-nlp: weighted evidence per type (see `collectEvidence`),
 * the highest score wins, and `confidence` is its share of all scores.
 */
export function classifyTask(input: ClassifyInput): TaskClassification {
  const context = input.context ?? '';
  const prompt = readPrompt(input.text);
  const evidence = collectEvidence(prompt, input.text, context);
  const scores = scoreTypes(evidence);
  const taskType = TASK_TYPES.reduce((best, type) => (scores[type] > scores[best] ? type : best));
  const total = TASK_TYPES.reduce((sum, type) => sum + scores[type], 0);
  const estimatedInputTokens = estimateInputTokens(input.text, context);
  const features = complexityFeatures(prompt, input.text, estimatedInputTokens);
  const complexity = estimateComplexity(features);
  const signals = evidence
    .filter((item) => item.type === taskType)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_SIGNALS)
    .map((item) => item.signal);
  return {
    taskType,
    complexity,
    confidence: Math.round((scores[taskType] / total) * 100) / 100,
    signals: signals.length > 0 ? signals : ['no task cue; read as conversation'],
    estimatedInputTokens,
    estimatedOutputTokens: estimateOutputTokens(taskType, complexity, estimatedInputTokens),
    method: 'offline',
  };
}

function scoreTypes(evidence: readonly Evidence[]): Record<TaskType, number> {
  const scores = Object.fromEntries(TASK_TYPES.map((type) => [type, PRIOR[type] ?? 0])) as Record<
    TaskType,
    number
  >;
  for (const item of evidence) scores[item.type] += item.weight;
  return scores;
}
