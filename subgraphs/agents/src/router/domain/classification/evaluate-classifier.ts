import { TASK_TYPES, type TaskType } from '../contracts.js';
import type { TaskExample } from './task-examples.js';

/** How a classifier does on a labelled set. */
export interface ClassifierEvaluation {
  readonly accuracy: number;
  /** Share of each type's examples classified as that type (recall). */
  readonly recall: Readonly<Record<TaskType, number>>;
  /** `confusion[expected][predicted]` counts. */
  readonly confusion: Readonly<Record<TaskType, Readonly<Record<TaskType, number>>>>;
  readonly misses: readonly { text: string; expected: TaskType; predicted: TaskType }[];
}

/** Runs `classify` on every example and tallies accuracy, recall per type and confusion. */
export function evaluateClassifier(
  examples: readonly TaskExample[],
  classify: (example: TaskExample) => TaskType,
): ClassifierEvaluation {
  const zeros = () =>
    Object.fromEntries(TASK_TYPES.map((type) => [type, 0])) as Record<TaskType, number>;
  const confusion = Object.fromEntries(TASK_TYPES.map((type) => [type, zeros()])) as Record<
    TaskType,
    Record<TaskType, number>
  >;
  const misses: { text: string; expected: TaskType; predicted: TaskType }[] = [];
  for (const example of examples) {
    const predicted = classify(example);
    confusion[example.taskType][predicted] += 1;
    if (predicted !== example.taskType) {
      misses.push({ text: example.text, expected: example.taskType, predicted });
    }
  }
  const recall = zeros();
  for (const type of TASK_TYPES) {
    const row = Object.values(confusion[type]).reduce((sum, count) => sum + count, 0);
    recall[type] = row === 0 ? 1 : confusion[type][type] / row;
  }
  const accuracy = examples.length === 0 ? 1 : 1 - misses.length / examples.length;
  return { accuracy, recall, confusion, misses };
}
