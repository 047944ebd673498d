import { describe, expect, it } from 'vitest';
import { PROVIDER_ERROR_KINDS, type ProviderErrorKind } from '../domain/contracts.js';
import { COUNTS_AGAINST_CIRCUIT, RECOVERY, shouldRetrySameModel } from './error-recovery.js';

describe('error recovery', () => {
  it.each<[ProviderErrorKind, number | null, boolean]>([
    ['rate_limited', 500, true],
    ['rate_limited', 2_000, true],
    ['rate_limited', 30_000, false],
    ['rate_limited', null, false],
    ['server_error', null, true],
    ['timeout', null, true],
    ['network', null, true],
    ['context_length', null, false],
    ['content_filter', null, false],
    ['bad_response', null, false],
    ['auth', null, false],
    ['bad_request', null, false],
    ['circuit_open', null, false],
    ['aborted', null, false],
  ])('%s with retry-after %s retries the same model: %s', (kind, retryAfterMs, retry) => {
    expect(shouldRetrySameModel(kind, retryAfterMs)).toBe(retry);
  });

  it('stops only on the caller’s abort', () => {
    const stops = PROVIDER_ERROR_KINDS.filter((kind) => RECOVERY[kind] === 'stop');
    expect(stops).toEqual(['aborted']);
  });

  it('does not hold the caller’s mistakes against the provider', () => {
    const neutral = PROVIDER_ERROR_KINDS.filter((kind) => !COUNTS_AGAINST_CIRCUIT[kind]);
    expect(neutral.sort()).toEqual(
      ['aborted', 'bad_request', 'circuit_open', 'content_filter', 'context_length'].sort(),
    );
  });
});
