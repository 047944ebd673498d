import { PgBossJobQueue } from '@daena/platform';
import { createTestDatabase, silentLogger, waitFor, type TestDatabase } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  maintainPartitions,
  schedulePartitionMaintenance,
} from '../src/series/operations/partition-maintenance.js';
import { SeriesRepository } from '../src/series/store/series-repository.js';
import { openMetricsStore, type MetricsStore } from './start-metrics.js';

let database: TestDatabase;
let postgres: MetricsStore;

beforeAll(async () => {
  database = await createTestDatabase('metrics_partitions');
  postgres = await openMetricsStore(database.url);
});
afterAll(async () => {
  await postgres?.close();
  await database?.drop();
});

const repository = () => new SeriesRepository(postgres.fork());
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('day-partitioned series', () => {
  it('creates a missing day on write, stores each point once, and reads it back', async () => {
    const point = {
      name: 'up',
      labels: { instance: 'a:1', job: 'daena' },
      at: day('2026-10-01'),
      value: 1,
    };
    expect(await repository().record([point, { ...point, at: day('2026-10-02'), value: 0 }])).toBe(
      2,
    );
    expect(await repository().record([point])).toBe(0);
    expect(await repository().partitions()).toEqual(
      expect.arrayContaining(['series_points_20261001', 'series_points_20261002']),
    );
    const [series] = await repository().load(
      [{ name: 'up', labels: {} }],
      day('2026-09-30'),
      day('2026-10-03'),
    );
    expect(series).toEqual({
      labels: { __name__: 'up', instance: 'a:1', job: 'daena' },
      points: [
        [day('2026-10-01').getTime(), 1],
        [day('2026-10-02').getTime(), 0],
      ],
    });
  });

  it('maintenance creates the days ahead and drops the days past retention with their points', async () => {
    const now = day('2026-10-20');
    const done = await maintainPartitions(
      postgres.fork(),
      { aheadDays: 2, retentionDays: 18 },
      now,
    );
    expect(done.created).toEqual([
      'series_points_20261020',
      'series_points_20261021',
      'series_points_20261022',
    ]);
    // 10-01 ends 10-02 00:00, before 10-02 12:00 (18 days back): dropped; 10-02 is kept.
    expect(done.dropped).toEqual(['series_points_20261001']);
    const [series] = await repository().load(
      [{ name: 'up', labels: {} }],
      day('2026-09-30'),
      day('2026-10-03'),
    );
    expect(series?.points).toEqual([[day('2026-10-02').getTime(), 0]]);
    // Run again the same day: nothing left to do (the job is idempotent).
    expect(
      await maintainPartitions(postgres.fork(), { aheadDays: 2, retentionDays: 18 }, now),
    ).toEqual({
      created: [],
      dropped: [],
    });
  });

  it("runs as a pg-boss job: the day's job maintains the partitions", async () => {
    const jobs = new PgBossJobQueue({ url: database.url, log: silentLogger() });
    try {
      const settings = { aheadDays: 1, retentionDays: 30 };
      await schedulePartitionMaintenance(
        jobs,
        () => postgres.fork(),
        settings,
        silentLogger(),
        () => day('2026-11-15'),
      );
      await waitFor(async () =>
        expect(await repository().partitions()).toEqual(
          expect.arrayContaining(['series_points_20261115', 'series_points_20261116']),
        ),
      );
    } finally {
      await jobs.stop();
    }
  });
});
