import { describe, expect, it } from 'vitest';
import { ForecastAccuracy } from './forecast-accuracy.js';

describe('ForecastAccuracy', () => {
  it('scores forecasts once their instant is in the history, skipping zeros', () => {
    const accuracy = new ForecastAccuracy();
    accuracy.predict('a', 10, 110); // actual 100: 10%
    accuracy.predict('a', 20, 150); // actual 200: 25%
    accuracy.predict('a', 30, 5); // actual 0: no percentage error
    accuracy.predict('a', 40, 1); // not due yet
    expect(accuracy.settle('a', [[10, 100]])).toBe(1);
    expect(accuracy.mape()).toBeCloseTo(0.1, 9);
    expect(
      accuracy.settle('a', [
        [10, 100],
        [20, 200],
        [30, 0],
      ]),
    ).toBe(1);
    expect(accuracy.mape()).toBeCloseTo(0.175, 9);
    expect(accuracy.scored).toBe(2);
    expect(accuracy.settle('b', [[40, 1]])).toBe(0);
  });

  it('keeps the last `window` errors', () => {
    const accuracy = new ForecastAccuracy(2);
    [
      [1, 200],
      [2, 100],
      [3, 100],
    ].forEach(([at, predicted]) => accuracy.predict('a', at ?? 0, predicted ?? 0));
    accuracy.settle('a', [
      [1, 100],
      [2, 100],
      [3, 100],
    ]);
    expect(accuracy.mape()).toBe(0);
  });

  it('is NaN before anything came due', () => {
    expect(new ForecastAccuracy().mape()).toBeNaN();
  });
});
