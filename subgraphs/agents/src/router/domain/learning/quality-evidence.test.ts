import { describe, expect, it } from 'vitest';
import type { CallOutcome, ProviderErrorKind } from '../contracts.js';
import { qualityEvidence } from './quality-evidence.js';

const outcome = (ok: boolean, errorKind: ProviderErrorKind | null, quality: number | null) =>
  ({ ok, errorKind, quality }) as CallOutcome;

describe('qualityEvidence', () => {
  const cases: [string, CallOutcome, number | null][] = [
    ['a scored answer gives its score', outcome(true, null, 0.7), 0.7],
    ['an unscored answer gives nothing', outcome(true, null, null), null],
    ['garbage from the model is a zero', outcome(false, 'bad_response', null), 0],
    ['a refusal is a zero', outcome(false, 'content_filter', null), 0],
    ['a 5xx says nothing of quality', outcome(false, 'server_error', null), null],
    ['a rate limit says nothing of quality', outcome(false, 'rate_limited', null), null],
    ['a timeout says nothing of quality', outcome(false, 'timeout', null), null],
    [
      'our own context-length misestimate is not the model’s fault',
      outcome(false, 'context_length', null),
      null,
    ],
  ];
  it.each(cases)('%s', (_name, o, expected) => {
    expect(qualityEvidence(o)).toBe(expected);
  });
});
