import { describe, expect, it } from 'vitest';
import { MAX_FEATURE_CHARS, promptFeatures } from './prompt-features.js';

const norm = (values: Float32Array) => Math.sqrt(values.reduce((s, v) => s + v * v, 0));

describe('promptFeatures', () => {
  it('is a unit vector of distinct slots below the dimension', () => {
    const { indices, values } = promptFeatures('Solve 3x + 5 = 20 for x. Show the steps.', 1024);
    expect(new Set(indices).size).toBe(indices.length);
    expect(Math.max(...indices)).toBeLessThan(1024);
    expect(norm(values)).toBeCloseTo(1, 5);
  });

  it('ignores case and is the same for the same text', () => {
    const a = promptFeatures('What is the capital of France?', 4096);
    const b = promptFeatures('WHAT IS THE CAPITAL OF FRANCE?', 4096);
    expect([...a.indices]).toEqual([...b.indices]);
    expect([...a.values]).toEqual([...b.values]);
  });

  it('tells word order apart through bigrams', () => {
    const a = promptFeatures('dog bites man', 1 << 15);
    const b = promptFeatures('man bites dog', 1 << 15);
    expect(new Set([...a.indices])).not.toEqual(new Set([...b.indices]));
  });

  it('reads only the start of a very long prompt', () => {
    const head = 'Summarise the following report. ';
    const long = head + 'x'.repeat(MAX_FEATURE_CHARS);
    const longer = long + ' and many more words after the cut '.repeat(500);
    expect([...promptFeatures(longer, 4096).indices]).toEqual([
      ...promptFeatures(long, 4096).indices,
    ]);
  });

  it('gives an empty prompt only its shape features', () => {
    const { indices, values } = promptFeatures('', 256);
    expect(indices.length).toBeGreaterThan(0);
    expect(norm(values)).toBeCloseTo(1, 5);
  });
});
