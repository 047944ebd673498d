import type { EntityManager } from '@mikro-orm/postgresql';
import { defineJob, type JobQueue, type Logger } from '@daena/platform';
import { z } from 'zod';
import { dayStart, planPartitions } from '../domain/partition-plan.js';
import { SeriesRepository } from '../store/series-repository.js';

export interface RetentionSettings {
  aheadDays: number;
  retentionDays: number;
}

/** The daily maintenance of the series partitions: one job per UTC day. */
export const partitionMaintenanceJob = defineJob(
  'metrics.partition-maintenance',
  z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
);

/** Creates the partitions ahead and drops those past retention; returns what it did. */
export async function maintainPartitions(
  em: EntityManager,
  settings: RetentionSettings,
  now: Date,
): Promise<{ created: string[]; dropped: string[] }> {
  const repository = new SeriesRepository(em);
  const plan = planPartitions(now, await repository.partitions(), settings);
  for (const partition of plan.create) await repository.createPartition(partition);
  for (const name of plan.drop) await repository.dropPartition(name);
  return { created: plan.create.map((p) => p.name), dropped: plan.drop };
}

const dayMs = 86_400_000;
const dayKey = (at: Date) => dayStart(at).toISOString().slice(0, 10);

/**
 * Works the maintenance queue and keeps the chain going: each day's job, once done, sends the
 * next day's (delayed to just after midnight UTC, one per day by its singleton key), so exactly
 * one maintenance runs per day however many replicas work the queue. Handlers are idempotent.
 */
export async function schedulePartitionMaintenance(
  jobs: JobQueue,
  fork: () => EntityManager,
  settings: RetentionSettings,
  log: Logger,
  clock: () => Date = () => new Date(),
): Promise<void> {
  const sendFor = (day: Date) =>
    jobs.send(
      partitionMaintenanceJob,
      { day: dayKey(day) },
      { singletonKey: dayKey(day), startAfter: day },
    );
  await jobs.work(partitionMaintenanceJob, async () => {
    const now = clock();
    const done = await maintainPartitions(fork(), settings, now);
    log.info(done, 'series partitions maintained');
    await sendFor(new Date(dayStart(now).getTime() + dayMs + 60_000));
  });
  await sendFor(dayStart(clock()));
}
