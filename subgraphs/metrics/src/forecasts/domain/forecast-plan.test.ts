import { describe, expect, it } from 'vitest';
import { ForecastMethod, forecastPoints, planForecast, trailingRun } from './forecast-plan.js';

const minute = 60_000;

describe('planForecast', () => {
  it('plans a daily season and three days of history for 5-minute steps', () => {
    expect(planForecast(3_600, 300)).toEqual({
      stepSeconds: 300,
      horizonPoints: 12,
      season: 288,
      historyPoints: 864,
    });
  });

  it.each([
    [3_600, 0, 'STEP_OUT_OF_RANGE'],
    [3_600, 1.5, 'STEP_OUT_OF_RANGE'],
    [60, 300, 'HORIZON_OUT_OF_RANGE'],
    [2 * 86_400, 300, 'HORIZON_TOO_LONG'],
  ])('refuses horizon %d s every %d s with %s', (horizon, step, reason) => {
    expect(() => planForecast(horizon, step)).toThrow(expect.objectContaining({ reason }));
  });
});

describe('forecastPoints', () => {
  const points = (n: number, f: (t: number) => number, stepMs = 5 * minute) =>
    Array.from({ length: n }, (_, t) => [t * stepMs, f(t)] as const);

  it("uses Holt's linear trend on less than two days, stamped a step apart after the last point", () => {
    const plan = planForecast(3_600, 300);
    const result = forecastPoints(
      points(48, (t) => 10 + t),
      plan,
    );
    expect(result?.method).toBe(ForecastMethod.HOLT);
    expect(result?.historyPoints).toBe(48);
    expect(result?.points.map((p) => p.at)).toEqual(
      Array.from({ length: 12 }, (_, i) => (47 + i + 1) * 5 * minute),
    );
    expect(result?.points[11]?.value).toBeCloseTo(10 + 47 + 12, 6);
  });

  it('uses Holt–Winters with a daily season once two days and a step exist', () => {
    const plan = planForecast(3_600, 300);
    const daily = (t: number) => 100 + 20 * Math.sin((2 * Math.PI * t) / 288);
    const result = forecastPoints(points(3 * 288, daily), plan);
    expect(result?.method).toBe(ForecastMethod.HOLT_WINTERS);
    result?.points.forEach((p, i) => expect(p.value).toBeCloseTo(daily(3 * 288 + i), 0));
  });

  it('needs as many points as the horizon has steps (and at least 12)', () => {
    const plan = planForecast(6 * 3_600, 300); // 72 steps ahead
    expect(
      forecastPoints(
        points(71, () => 1),
        plan,
      ),
    ).toBeNull();
    expect(
      forecastPoints(
        points(72, () => 1),
        plan,
      ),
    ).not.toBeNull();
  });

  it('fits only the run after the last gap', () => {
    const run = [
      [0, 1],
      [300_000, 2],
      [900_000, 3],
      [1_200_000, 4],
    ] as const;
    expect(trailingRun(run, 300)).toEqual([
      [900_000, 3],
      [1_200_000, 4],
    ]);
  });
});
