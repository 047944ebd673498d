import { describe, expect, it } from 'vitest';
import { relayRetryDelayMs, relayRetryMaxMs } from './relay-retry.js';

describe('the wait before a share message is sent again', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [8, 3_600_000],
    [60, relayRetryMaxMs],
  ])('after %i attempts it is %i ms', (attempts, expected) => {
    expect(relayRetryDelayMs(attempts, 30_000)).toBe(expected);
  });
});
