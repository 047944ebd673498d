import { describe, expect, it } from 'vitest';
import { TASK_TYPES } from '../contracts.js';
import { classifyTask } from './classify-task.js';
import { evaluateClassifier } from './evaluate-classifier.js';
import { TASK_EXAMPLES } from './task-examples.js';

describe('the offline classifier on the labelled examples', () => {
  const evaluation = evaluateClassifier(TASK_EXAMPLES, (example) => classifyTask(example).taskType);

  it('has at least 15 examples of every type', () => {
    for (const type of TASK_TYPES) {
      expect(
        TASK_EXAMPLES.filter((example) => example.taskType === type).length,
      ).toBeGreaterThanOrEqual(15);
    }
  });

  it('gets at least 85% right overall', () => {
    expect(evaluation.accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it.each(TASK_TYPES)('gets at least 70%% of %s right', (type) => {
    expect(evaluation.recall[type]).toBeGreaterThanOrEqual(0.7);
  });
});
