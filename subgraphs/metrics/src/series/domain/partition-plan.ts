/** Day partitions of `metrics.series_points` are named after their first day (UTC). */
const prefix = 'series_points_';
const dayMs = 86_400_000;

export interface DayPartition {
  /** Table name, e.g. series_points_20261206. */
  readonly name: string;
  /** First instant (UTC midnight) and the next day's. */
  readonly from: Date;
  readonly to: Date;
}

export function dayStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / dayMs) * dayMs);
}

export function partitionOf(at: Date): DayPartition {
  const from = dayStart(at);
  const name = `${prefix}${from.toISOString().slice(0, 10).replaceAll('-', '')}`;
  return { name, from, to: new Date(from.getTime() + dayMs) };
}

/** The first day of a partition named by `partitionOf`, or null for any other table. */
export function dayOfPartition(name: string): Date | null {
  const match = /^series_points_(\d{4})(\d{2})(\d{2})$/.exec(name);
  if (!match) return null;
  const day = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  return Number.isNaN(day.getTime()) ? null : day;
}

/**
 * What the maintenance job does at `now`: create today's partition and `aheadDays` more, and drop
 * every existing partition whose whole day is older than `retentionDays` (a partition holding
 * any point younger than the retention stays).
 */
export function planPartitions(
  now: Date,
  existing: readonly string[],
  { aheadDays, retentionDays }: { aheadDays: number; retentionDays: number },
): { create: DayPartition[]; drop: string[] } {
  const have = new Set(existing);
  const today = dayStart(now).getTime();
  const create = Array.from({ length: aheadDays + 1 }, (_, i) =>
    partitionOf(new Date(today + i * dayMs)),
  ).filter((partition) => !have.has(partition.name));
  const oldest = now.getTime() - retentionDays * dayMs;
  const drop = existing.filter((name) => {
    const day = dayOfPartition(name);
    return day !== null && day.getTime() + dayMs <= oldest;
  });
  return { create, drop: drop.sort() };
}
