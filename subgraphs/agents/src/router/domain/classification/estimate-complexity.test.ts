import { describe, expect, it } from 'vitest';
import { estimateComplexity, type ComplexityFeatures } from './estimate-complexity.js';

const features = (overrides: Partial<ComplexityFeatures> = {}): ComplexityFeatures => ({
  inputTokens: 10,
  sentences: 1,
  steps: 0,
  constraints: 0,
  technicalDensity: 0,
  math: 0,
  ...overrides,
});

describe('estimateComplexity', () => {
  it.each<[string, Partial<ComplexityFeatures>, Partial<ComplexityFeatures>]>([
    ['longer input', { inputTokens: 10 }, { inputTokens: 500 }],
    ['more sentences', { sentences: 1 }, { sentences: 4 }],
    ['more steps', { steps: 0 }, { steps: 2 }],
    ['more constraints', { constraints: 0 }, { constraints: 2 }],
    ['denser jargon', { technicalDensity: 0 }, { technicalDensity: 0.2 }],
    ['more figures', { math: 0 }, { math: 5 }],
  ])('rises with %s', (_, easier, harder) => {
    expect(estimateComplexity(features(harder))).toBeGreaterThan(
      estimateComplexity(features(easier)),
    );
  });

  it('stays within 0 and 1 at the extremes', () => {
    expect(estimateComplexity(features({ inputTokens: 0 }))).toBe(0);
    const saturated = features({
      inputTokens: 1_000_000,
      sentences: 50,
      steps: 20,
      constraints: 20,
      technicalDensity: 1,
      math: 100,
    });
    expect(estimateComplexity(saturated)).toBe(1);
  });
});
