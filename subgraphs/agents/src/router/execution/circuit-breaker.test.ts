import { describe, expect, it } from 'vitest';
import type { ProviderErrorKind } from '../domain/contracts.js';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker.js';

const options: CircuitBreakerOptions = {
  consecutiveFailures: 3,
  failureRate: 0.5,
  minCalls: 6,
  windowMs: 60_000,
  coolDownMs: 10_000,
};

function breakerAt(start = 0) {
  const time = { now: start };
  const breaker = new CircuitBreaker(() => time.now, options);
  return { breaker, time };
}

function fail(breaker: CircuitBreaker, times: number, kind: ProviderErrorKind = 'server_error') {
  for (let i = 0; i < times; i++) breaker.recordFailure(kind);
}

describe('CircuitBreaker', () => {
  it('opens after N consecutive provider failures and refuses calls', () => {
    const { breaker } = breakerAt();
    fail(breaker, 2);
    expect(breaker.tryAcquire()).toBe(true);
    fail(breaker, 1);
    expect(breaker.circuit).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('a success resets the consecutive count', () => {
    const { breaker } = breakerAt();
    fail(breaker, 2);
    breaker.recordSuccess();
    fail(breaker, 2);
    expect(breaker.circuit).toBe('closed');
  });

  it('opens when the failure rate over the window passes the threshold', () => {
    const { breaker } = breakerAt();
    // S F S F F S F — 4 of 7 failed (57%), never 3 in a row
    for (const ok of [true, false, true, false, false, true]) {
      if (ok) breaker.recordSuccess();
      else breaker.recordFailure('timeout');
    }
    expect(breaker.circuit).toBe('closed'); // 3 of 6 is 50%, not over
    breaker.recordFailure('timeout');
    expect(breaker.circuit).toBe('open');
  });

  it('forgets calls older than the window', () => {
    const { breaker, time } = breakerAt();
    fail(breaker, 2);
    breaker.recordSuccess();
    time.now = 61_000;
    expect(breaker.health().recentErrorRate).toBe(0);
  });

  it.each<ProviderErrorKind>(['context_length', 'content_filter', 'bad_request', 'aborted'])(
    'does not count %s',
    (kind) => {
      const { breaker } = breakerAt();
      fail(breaker, 10, kind);
      expect(breaker.health()).toEqual({ circuit: 'closed', recentErrorRate: 0 });
    },
  );

  it('half-opens after the cool-down and lets exactly one probe through', () => {
    const { breaker, time } = breakerAt();
    fail(breaker, 3);
    time.now = 9_999;
    expect(breaker.tryAcquire()).toBe(false);
    time.now = 10_000;
    expect(breaker.circuit).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('a successful probe closes the circuit', () => {
    const { breaker, time } = breakerAt();
    fail(breaker, 3);
    time.now = 10_000;
    breaker.tryAcquire();
    breaker.recordSuccess();
    expect(breaker.health()).toEqual({ circuit: 'closed', recentErrorRate: 0 });
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('a failed probe opens it for another cool-down', () => {
    const { breaker, time } = breakerAt();
    fail(breaker, 3);
    time.now = 10_000;
    breaker.tryAcquire();
    breaker.recordFailure('network');
    expect(breaker.circuit).toBe('open');
    time.now = 19_999;
    expect(breaker.tryAcquire()).toBe(false);
    time.now = 20_000;
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('a probe that says nothing about the provider frees the slot for another', () => {
    const { breaker, time } = breakerAt();
    fail(breaker, 3);
    time.now = 10_000;
    breaker.tryAcquire();
    breaker.recordFailure('context_length');
    expect(breaker.circuit).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('reports the recent error rate', () => {
    const { breaker } = breakerAt();
    breaker.recordSuccess();
    breaker.recordSuccess();
    breaker.recordSuccess();
    breaker.recordFailure('server_error');
    expect(breaker.health()).toEqual({ circuit: 'closed', recentErrorRate: 0.25 });
  });
});
