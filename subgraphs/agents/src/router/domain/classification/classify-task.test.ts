import { describe, expect, it } from 'vitest';
import type { TaskType } from '../contracts.js';
import { classifyTask } from './classify-task.js';

describe('classifyTask', () => {
  it.each<[string, TaskType, string]>([
    ['Summarise this email thread for the CFO.', 'summarisation', 'verb "summarise"'],
    ['tl;dr please', 'summarisation', 'phrase "tl;dr"'],
    ['Extract all invoice numbers from the attachment.', 'extraction', 'verb "extract"'],
    [
      'Classify these tickets as bug, question or feature request.',
      'classification',
      'verb "classify"',
    ],
    ['Plan the migration to the new payroll provider.', 'planning', 'verb "plan"'],
    ['Write a poem about our data centre.', 'creative', 'keyword "poem"'],
    ['Why did the gross margin fall in Q3?', 'analysis', 'phrase "why"'],
    ['```js\nconst x = 1\n```\nWhat is wrong here?', 'code', 'code fence'],
    ['Hello!', 'conversation', 'keyword "hello"'],
  ])('reads %j as %s', (text, taskType, signal) => {
    const result = classifyTask({ text });
    expect(result.taskType).toBe(taskType);
    expect(result.signals).toContain(signal);
    expect(result.method).toBe('offline');
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('takes code shape from the context when the prompt itself is plain', () => {
    const context = '```ts\nexport const add = (a: number, b: number) => a - b;\n```';
    const result = classifyTask({ text: 'Why does this give the wrong result?', context });
    expect(result.taskType).toBe('code');
    expect(result.signals).toContain('code fence in context');
  });

  it('reads a prompt with no cue at all as conversation, and says so', () => {
    const result = classifyTask({ text: 'Mm.' });
    expect(result.taskType).toBe('conversation');
    expect(result.signals.length).toBeGreaterThan(0);
  });

  it('rates a multi-step, constrained, technical request harder than a one-liner', () => {
    const oneLiner = classifyTask({ text: 'Summarise this memo.' });
    const hard = classifyTask({
      text: [
        'Compare the three pricing scenarios below step by step.',
        '1. Calculate the margin at 20%, 35% and 50% discounts.',
        '2. Then estimate churn impact; you must use at least two cohorts.',
        '3. Finally recommend one, without exceeding a CAC payback of 18 months.',
      ].join('\n'),
    });
    expect(oneLiner.complexity).toBeLessThan(0.25);
    expect(hard.complexity).toBeGreaterThan(oneLiner.complexity + 0.3);
    expect(hard.complexity).toBeLessThanOrEqual(1);
  });

  it('counts the context in the input tokens and expects longer answers for harder tasks', () => {
    const short = classifyTask({ text: 'Plan an offsite.' });
    const long = classifyTask({ text: 'Plan an offsite.', context: 'x'.repeat(4000) });
    expect(short.estimatedInputTokens).toBe(Math.ceil('Plan an offsite.'.length / 4));
    expect(long.estimatedInputTokens).toBe(short.estimatedInputTokens + 1000);
    expect(long.estimatedOutputTokens).toBeGreaterThan(short.estimatedOutputTokens);
  });

  it('is deterministic', () => {
    const text = 'Label each review as positive or negative, then explain the split.';
    expect(classifyTask({ text })).toEqual(classifyTask({ text }));
  });
});
