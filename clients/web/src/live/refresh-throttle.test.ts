import { describe, expect, it } from 'vitest';
import { createRefreshThrottle, type ThrottleTimers } from './refresh-throttle.js';

const interval = 3_000;

/**
 * Signals the throttle at the given times (ms) on a virtual clock, cancels it at `cancelAt` if
 * given, and returns when it read. A timer due at the same time as a signal fires first.
 */
function readsFor(signals: number[], cancelAt = Number.POSITIVE_INFINITY): number[] {
  let now = 0;
  const due = new Set<{ at: number; callback: () => void }>();
  const timers: ThrottleTimers = {
    set: (callback, ms) => {
      const timer = { at: now + ms, callback };
      due.add(timer);
      return timer;
    },
    clear: (handle) => due.delete(handle as { at: number; callback: () => void }),
  };
  const reads: number[] = [];
  const throttle = createRefreshThrottle(() => reads.push(now), interval, timers);
  const pending = [...signals];
  for (;;) {
    const timer = [...due].sort((a, b) => a.at - b.at)[0];
    const signal = pending[0];
    const next = Math.min(timer?.at ?? Infinity, signal ?? Infinity, cancelAt);
    if (next === Infinity) return reads;
    now = next;
    if (timer && timer.at === next) {
      due.delete(timer);
      timer.callback();
    } else if (signal === next) {
      pending.shift();
      throttle.signal();
    } else {
      throttle.cancel();
      cancelAt = Infinity;
    }
  }
}

describe('createRefreshThrottle', () => {
  it.each([
    ['one signal: one read an interval later', [0], [3_000]],
    [
      'a burst: one read, then one for the signals it left behind',
      [0, 1_000, 2_000],
      [3_000, 6_000],
    ],
    ['signals an interval apart: a read after each', [0, 5_000], [3_000, 8_000]],
    [
      'a steady stream: a read every interval, and one after the last signal',
      [0, 1_000, 2_000, 4_000, 7_000, 10_000],
      [3_000, 6_000, 9_000, 12_000, 15_000],
    ],
    ['nothing signalled: no read', [], []],
  ])('%s', (_case, signals, reads) => {
    expect(readsFor(signals)).toEqual(reads);
  });

  it('keeps its promises: reads an interval apart, each signal read at least an interval later', () => {
    const signals = [0, 250, 2_900, 3_000, 3_100, 9_000, 9_500, 13_000, 13_001, 20_000];
    const reads = readsFor(signals);
    for (const [i, read] of reads.entries()) {
      if (i > 0) expect(read - (reads[i - 1] ?? 0)).toBeGreaterThanOrEqual(interval);
    }
    for (const signal of signals) {
      expect(reads.some((read) => read >= signal + interval)).toBe(true);
    }
  });

  it('reads nothing after it is cancelled (the page went away)', () => {
    expect(readsFor([0, 1_000], 2_000)).toEqual([]);
  });
});
