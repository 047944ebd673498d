import { describe, expect, it } from 'vitest';
import type { DriftEvent } from '../contracts.js';
import { DriftMonitor, QUALITY_DRIFT } from './drift-monitor.js';
import { sampleNormal } from './sample-beta.js';
import { seededRandom } from './seeded-random.js';

const at = new Date('2025-01-01T00:00:00Z');
const seeds = Array.from({ length: 200 }, (_, i) => 1000 + i);

/** Signals of one pair until the monitor fires or the stream ends; null when it never fires. */
function firesAt(n: number, signal: (i: number, random: () => number) => number, seed: number) {
  const random = seededRandom(seed);
  const monitor = new DriftMonitor();
  for (let i = 0; i < n; i++) {
    if (monitor.observeQuality('m', 'code', signal(i, random), at)) return i;
  }
  return null;
}

const bernoulli = (p: number, random: () => number) => (random() < p ? 1 : 0);
const noisy = (mean: number, random: () => number) =>
  Math.min(1, Math.max(0, mean + 0.15 * sampleNormal(random)));

describe('DriftMonitor on quality', () => {
  const stationary: [string, (i: number, r: () => number) => number, number][] = [
    ['Bernoulli(0.8) signals', (_i, r) => bernoulli(0.8, r), 0.12],
    // The worst case: λ is tuned for sd ≈ 0.4; at sd 0.5 about one 1,000-signal run in four alarms.
    ['Bernoulli(0.5) signals, the noisiest', (_i, r) => bernoulli(0.5, r), 0.3],
    ['scores around 0.8 with sd 0.15', (_i, r) => noisy(0.8, r), 0.01],
  ];
  it.each(stationary)('rarely false-alarms on a stationary stream: %s', (_name, signal, most) => {
    const alarms = seeds.filter((seed) => firesAt(1000, signal, seed) !== null).length;
    expect(alarms / seeds.length).toBeLessThanOrEqual(most);
  });

  const drops: [string, (i: number, r: () => number) => number, number][] = [
    ['Bernoulli 0.8 → 0.6', (i, r) => bernoulli(i < 300 ? 0.8 : 0.6, r), 0.95],
    ['Bernoulli 0.9 → 0.7', (i, r) => bernoulli(i < 300 ? 0.9 : 0.7, r), 0.95],
    ['scores 0.8 → 0.6 with sd 0.15', (i, r) => noisy(i < 300 ? 0.8 : 0.6, r), 1],
  ];
  it.each(drops)('detects a drop within 200 signals: %s', (_name, signal, share) => {
    const delays = seeds.map((seed) => {
      // Alarms before the drop are false alarms; what counts is the first one after it.
      const random = seededRandom(seed);
      const monitor = new DriftMonitor();
      for (let i = 0; i < 800; i++) {
        const event = monitor.observeQuality('m', 'code', signal(i, random), at);
        if (event && i >= 300) return i - 300;
      }
      return Number.POSITIVE_INFINITY;
    });
    expect(delays.filter((d) => d <= 200).length / seeds.length).toBeGreaterThanOrEqual(share);
  });

  it('describes the alarm and resets the detector', () => {
    const monitor = new DriftMonitor();
    const events: DriftEvent[] = [];
    for (let i = 0; i < 200; i++) {
      const event = monitor.observeQuality('gpt', 'analysis', i < 100 ? 1 : 0, at);
      if (event) events.push(event);
    }
    expect(events[0]).toMatchObject({
      model: 'gpt',
      taskType: 'analysis',
      metric: 'quality',
      direction: 'worse',
      threshold: QUALITY_DRIFT.lambda,
      at,
    });
    expect(events[0]?.statistic).toBeGreaterThan(QUALITY_DRIFT.lambda);
    expect(events[0]?.observations).toBeLessThan(120);
    // After the reset the new level (all zeros) is the reference: no further alarm.
    expect(events).toHaveLength(1);
  });

  it('keeps pairs apart', () => {
    const monitor = new DriftMonitor();
    let fired = 0;
    for (let i = 0; i < 200; i++) {
      if (monitor.observeQuality('a', 'code', i < 100 ? 1 : 0, at)) fired++;
      if (monitor.observeQuality('b', 'code', 1, at)) fired += 100;
      if (monitor.observeQuality('a', 'planning', 1, at)) fired += 100;
    }
    expect(fired).toBe(1);
  });
});

describe('DriftMonitor on latency', () => {
  const lognormal = (medianMs: number, random: () => number) =>
    medianMs * Math.exp(0.4 * sampleNormal(random));
  const cases: [string, number, number | null][] = [
    ['steady at 800 ms', 800, null],
    ['doubling to 1.6 s', 1600, 60],
    ['a tenfold slowdown', 8000, 30],
    ['getting faster is not an alarm', 300, null],
  ];
  it.each(cases)('%s', (_name, afterMs, within) => {
    let hits = 0;
    let late = 0;
    for (const seed of seeds.slice(0, 50)) {
      const random = seededRandom(seed);
      const monitor = new DriftMonitor();
      for (let i = 0; i < 400; i++) {
        const event = monitor.observeLatency(
          'm',
          'code',
          lognormal(i < 200 ? 800 : afterMs, random),
          at,
        );
        if (event?.metric === 'latency' && i >= 200) {
          hits++;
          if (within !== null && i - 200 > within) late++;
          break;
        }
      }
    }
    if (within === null) expect(hits).toBeLessThanOrEqual(1);
    else expect({ hits, late }).toEqual({ hits: 50, late: 0 });
  });
});
