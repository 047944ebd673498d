import { describe, expect, it } from 'vitest';
import { assertSameRelay, checkRelayKey, maxRelayKeyLength } from './relay-key.js';

describe('relay idempotency keys', () => {
  it.each([null, undefined, 'a', '7d2f0e52-1c3b-4d7e-9a51-0c7e0c6b2f11', 'é'.repeat(200)])(
    'accept %j',
    (key) => {
      expect(() => checkRelayKey(key)).not.toThrow();
    },
  );

  it.each(['', '   ', 'x'.repeat(maxRelayKeyLength + 1)])('refuse %j as BAD_USER_INPUT', (key) => {
    expect(() => checkRelayKey(key)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY' }),
    );
  });

  it('refuse another body under a used key', () => {
    expect(() => assertSameRelay('Share request 1', 'Share request 1')).not.toThrow();
    expect(() => assertSameRelay('Share request 1', 'Share request 2')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' }),
    );
  });
});
