import { describe, expect, it } from 'vitest';
import { dayOfPartition, partitionOf, planPartitions } from './partition-plan.js';

const now = new Date('2026-12-06T18:00:00Z');

describe('planPartitions', () => {
  it('creates today and the days ahead that are missing', () => {
    const plan = planPartitions(now, ['series_points_20261206'], {
      aheadDays: 2,
      retentionDays: 30,
    });
    expect(plan.create.map((p) => p.name)).toEqual([
      'series_points_20261207',
      'series_points_20261208',
    ]);
    expect(plan.create[0]?.from.toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(plan.create[0]?.to.toISOString()).toBe('2026-12-08T00:00:00.000Z');
  });

  it('drops only days wholly older than the retention, and nothing it did not name', () => {
    const existing = [
      'series_points_20261104', // ends 11-05 00:00, before 11-06 18:00: dropped
      'series_points_20261105', // ends 11-06 00:00: dropped
      'series_points_20261106', // holds 11-06 18:00..24:00, inside retention: kept
      'series_points_default',
    ];
    const plan = planPartitions(now, existing, { aheadDays: 0, retentionDays: 30 });
    expect(plan.drop).toEqual(['series_points_20261104', 'series_points_20261105']);
  });
});

describe('partition names', () => {
  it.each([
    ['series_points_20261206', '2026-12-06T00:00:00.000Z'],
    ['series_points_2026126', null],
    ['series_points_20261399', null],
    ['metric_samples', null],
  ])('%s is the day %s', (name, day) => {
    expect(dayOfPartition(name)?.toISOString() ?? null).toBe(day);
  });

  it('round-trips through partitionOf', () => {
    expect(dayOfPartition(partitionOf(now).name)?.toISOString()).toBe('2026-12-06T00:00:00.000Z');
  });
});
