import { describe, expect, it } from 'vitest';
import { defaultStoppingRules, parseStoppingRules, stoppingRuleFor } from './stopping-rule.js';

describe('stopping rules', () => {
  it('ask less error of kinds costly to undo', () => {
    expect(stoppingRuleFor('STRATEGIC').maxError).toBeLessThan(stoppingRuleFor('QUALITY').maxError);
    expect(stoppingRuleFor('QUALITY')).toEqual(defaultStoppingRules.QUALITY);
  });

  it('parse per-kind overrides, * for the rest', () => {
    const rules = parseStoppingRules('*:0.2, STRATEGIC:0.01:NO_CONSENSUS,QUALITY:0.15:DECIDE');
    expect(stoppingRuleFor('BRAND', rules)).toEqual({
      maxError: 0.2,
      whenRoundsRunOut: 'NO_CONSENSUS',
    });
    expect(stoppingRuleFor('STRATEGIC', rules)).toEqual({
      maxError: 0.01,
      whenRoundsRunOut: 'NO_CONSENSUS',
    });
    expect(stoppingRuleFor('QUALITY', rules)).toEqual({
      maxError: 0.15,
      whenRoundsRunOut: 'DECIDE',
    });
    expect(parseStoppingRules('')).toEqual({});
  });

  it.each([
    ['NOT_A_KIND:0.1', 'unknown proposal kind'],
    ['QUALITY:0.5', 'between 0 and 0.5'],
    ['QUALITY:x', 'between 0 and 0.5'],
    ['QUALITY:0.1:MAYBE', 'DECIDE or NO_CONSENSUS'],
  ])('refuse %s', (text, message) => {
    expect(() => parseStoppingRules(text)).toThrow(message);
  });
});
