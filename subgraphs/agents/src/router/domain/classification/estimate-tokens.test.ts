import { describe, expect, it } from 'vitest';
import type { TaskType } from '../contracts.js';
import { estimateInputTokens, estimateOutputTokens } from './estimate-tokens.js';

describe('estimateInputTokens', () => {
  it.each<[string, string | undefined, number]>([
    ['', undefined, 1],
    ['abcd', undefined, 1],
    ['abcde', undefined, 2],
    ['abcd', 'efgh', 2],
  ])('%j with context %j is %i tokens', (text, context, tokens) => {
    expect(estimateInputTokens(text, context)).toBe(tokens);
  });
});

describe('estimateOutputTokens', () => {
  it.each<[TaskType, number, number, number]>([
    ['classification', 0, 100, 20],
    ['classification', 1, 100, 80],
    ['code', 0.5, 100, 875],
    ['summarisation', 1, 10_000, 500],
    ['summarisation', 1, 300, 150],
    ['summarisation', 0, 20, 60],
  ])('%s at complexity %d with %i input tokens expects %i', (type, complexity, input, output) => {
    expect(estimateOutputTokens(type, complexity, input)).toBe(output);
  });
});
