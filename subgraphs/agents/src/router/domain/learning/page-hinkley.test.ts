import { describe, expect, it } from 'vitest';
import { PageHinkley, type PageHinkleyOptions } from './page-hinkley.js';

const options = (over: Partial<PageHinkleyOptions> = {}): PageHinkleyOptions => ({
  delta: 0.05,
  lambda: 3,
  minObservations: 5,
  direction: 'both',
  ...over,
});

/** Index of the first alarm on the stream, and which way. */
function firstAlarm(ph: PageHinkley, stream: number[]) {
  for (const [i, x] of stream.entries()) {
    const shift = ph.update(x);
    if (shift) return { at: i, shift };
  }
  return null;
}

const level = (value: number, n: number) => new Array<number>(n).fill(value);

describe('PageHinkley', () => {
  const cases: [
    string,
    Partial<PageHinkleyOptions>,
    number[],
    { at: number; shift: string } | null,
  ][] = [
    ['a constant stream never fires', {}, level(0.7, 500), null],
    [
      'a step down fires as a decrease',
      {},
      [...level(1, 20), ...level(0, 20)],
      { at: 23, shift: 'decrease' },
    ],
    [
      'a step up fires as an increase',
      {},
      [...level(0, 20), ...level(1, 20)],
      { at: 23, shift: 'increase' },
    ],
    [
      'a one-sided test ignores the other side',
      { direction: 'increase' },
      [...level(1, 20), ...level(0, 40)],
      null,
    ],
    [
      'a change smaller than δ is ignored',
      { delta: 0.2 },
      [...level(0.5, 50), ...level(0.4, 500)],
      null,
    ],
    [
      'no alarm before the minimum observations',
      { minObservations: 30 },
      [...level(1, 10), ...level(0, 30)],
      { at: 29, shift: 'decrease' },
    ],
  ];
  it.each(cases)('%s', (_name, over, stream, expected) => {
    expect(firstAlarm(new PageHinkley(options(over)), stream)).toEqual(expected);
  });

  it('ignores values that are not numbers', () => {
    const ph = new PageHinkley(options());
    expect(ph.update(Number.NaN)).toBeNull();
    expect(ph.observations).toBe(0);
  });

  it('reports its statistic and starts afresh after reset', () => {
    const ph = new PageHinkley(options({ lambda: 100 }));
    for (const x of [...level(1, 10), ...level(0, 10)]) ph.update(x);
    expect(ph.statistic).toBeGreaterThan(3);
    ph.reset();
    expect(ph.statistic).toBe(0);
    expect(ph.observations).toBe(0);
  });
});
