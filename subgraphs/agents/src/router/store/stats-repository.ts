import type { EntityManager } from '@mikro-orm/postgresql';
import {
  applyPosteriorMerge,
  type PosteriorMergeRecord,
  type PosteriorRecord,
  type PosteriorState,
  type StatsBucket,
  type TaskType,
} from '../index.js';

interface BucketRow {
  model: string;
  task_type: TaskType;
  bucket_start: string | Date;
  calls: number;
  errors: number;
  quality_sum: number;
  quality_count: number;
  cost_usd: number;
  input_tokens: string | number;
  output_tokens: string | number;
  latency_histogram: number[];
}

const toBucket = (row: BucketRow): StatsBucket => ({
  model: row.model,
  taskType: row.task_type,
  bucketStart: new Date(row.bucket_start),
  calls: row.calls,
  errors: row.errors,
  qualitySum: row.quality_sum,
  qualityCount: row.quality_count,
  costUsd: row.cost_usd,
  inputTokens: Number(row.input_tokens),
  outputTokens: Number(row.output_tokens),
  latencyHistogram: row.latency_histogram,
});

/**
 * The router's learning state: the hourly statistics buckets and the quality posteriors. What the
 * rows mean lives in the router's domain.
 */
export class RouterStatsRepository {
  constructor(private readonly em: EntityManager) {}

  private get sql() {
    return this.em.getConnection();
  }

  /** Adds buckets to the stored ones: counts and sums add, histograms add bin by bin. */
  async addBuckets(buckets: readonly StatsBucket[]): Promise<void> {
    if (buckets.length === 0) return;
    await this.sql.execute(
      `insert into agents.router_stats_buckets as b
         (model, task_type, bucket_start, calls, errors, quality_sum, quality_count, cost_usd,
          input_tokens, output_tokens, latency_histogram)
       select model, task_type, bucket_start, calls, errors, quality_sum, quality_count, cost_usd,
              input_tokens, output_tokens,
              array(select jsonb_array_elements_text(latency_histogram)::int)
       from jsonb_to_recordset(?::jsonb) as r(
         model text, task_type text, bucket_start timestamptz, calls int, errors int,
         quality_sum float8, quality_count int, cost_usd float8, input_tokens bigint,
         output_tokens bigint, latency_histogram jsonb)
       on conflict (model, task_type, bucket_start) do update set
         calls = b.calls + excluded.calls,
         errors = b.errors + excluded.errors,
         quality_sum = b.quality_sum + excluded.quality_sum,
         quality_count = b.quality_count + excluded.quality_count,
         cost_usd = b.cost_usd + excluded.cost_usd,
         input_tokens = b.input_tokens + excluded.input_tokens,
         output_tokens = b.output_tokens + excluded.output_tokens,
         latency_histogram = array(
           select coalesce(old, 0) + coalesce(new, 0)
           from unnest(b.latency_histogram, excluded.latency_histogram) as bins(old, new))`,
      [
        JSON.stringify(
          buckets.map((bucket) => ({
            model: bucket.model,
            task_type: bucket.taskType,
            bucket_start: bucket.bucketStart.toISOString(),
            calls: bucket.calls,
            errors: bucket.errors,
            quality_sum: bucket.qualitySum,
            quality_count: bucket.qualityCount,
            cost_usd: bucket.costUsd,
            input_tokens: bucket.inputTokens,
            output_tokens: bucket.outputTokens,
            latency_histogram: bucket.latencyHistogram,
          })),
        ),
      ],
    );
  }

  /** The buckets of the window: at most one row per (model, task type, hour) since `since`. */
  async bucketsSince(
    since: Date,
    filter: { model?: string | undefined; taskType?: TaskType | undefined } = {},
  ): Promise<StatsBucket[]> {
    const rows = await this.sql.execute<BucketRow[]>(
      `select * from agents.router_stats_buckets
       where bucket_start >= ? and (?::text is null or model = ?) and (?::text is null or task_type = ?)
       order by model, task_type, bucket_start`,
      [
        since.toISOString(),
        filter.model ?? null,
        filter.model ?? null,
        filter.taskType ?? null,
        filter.taskType ?? null,
      ],
    );
    return rows.map(toBucket);
  }

  /** Drops buckets older than the window; they no longer count anywhere. */
  async deleteBucketsBefore(before: Date): Promise<number> {
    const rows = await this.sql.execute<{ model: string }[]>(
      'delete from agents.router_stats_buckets where bucket_start < ? returning model',
      [before.toISOString()],
    );
    return rows.length;
  }

  /**
   * Folds each replica's `PosteriorMerge` into the stored posterior (the domain's
   * `applyPosteriorMerge`), in one transaction that locks the pairs it merges into, so concurrent
   * replicas' merges apply one after another and none overwrites another's evidence.
   */
  async mergePosteriors(merges: readonly PosteriorMergeRecord[]): Promise<void> {
    if (merges.length === 0) return;
    const pairs = JSON.stringify(
      merges.map(({ model, taskType }) => ({ model, task_type: taskType })),
    );
    await this.em.transactional(async (tx) => {
      const sql = tx.getConnection();
      // A pair not stored yet gets an empty row first, so that it too can be locked.
      await sql.execute(
        `insert into agents.router_posteriors (model, task_type, state, updated_at)
         select r.model, r.task_type, '{}'::jsonb, now()
           from jsonb_to_recordset(?::jsonb) as r(model text, task_type text)
         on conflict (model, task_type) do nothing`,
        [pairs],
      );
      const rows = await sql.execute<PosteriorRow[]>(
        `select p.model, p.task_type, p.state from agents.router_posteriors p
           join jsonb_to_recordset(?::jsonb) as r(model text, task_type text)
             on p.model = r.model and p.task_type = r.task_type
         order by p.model, p.task_type
         for update of p`,
        [pairs],
      );
      const stored = new Map(rows.map((row) => [pairKey(row.model, row.task_type), toState(row)]));
      const updates = merges.map(({ model, taskType, merge }) => {
        const state = applyPosteriorMerge(stored.get(pairKey(model, taskType)) ?? null, merge);
        return {
          model,
          task_type: taskType,
          state: { ...state, updatedAt: state.updatedAt?.toISOString() ?? null },
        };
      });
      await sql.execute(
        `update agents.router_posteriors p set state = r.state, updated_at = now()
           from jsonb_to_recordset(?::jsonb) as r(model text, task_type text, state jsonb)
          where p.model = r.model and p.task_type = r.task_type`,
        [JSON.stringify(updates)],
      );
    });
  }

  async loadPosteriors(): Promise<PosteriorRecord[]> {
    const rows = await this.sql.execute<PosteriorRow[]>(
      'select model, task_type, state from agents.router_posteriors',
    );
    return rows.flatMap((row) => {
      const state = toState(row);
      return state ? [{ model: row.model, taskType: row.task_type, state }] : [];
    });
  }
}

interface PosteriorRow {
  model: string;
  task_type: TaskType;
  state: Record<string, unknown>;
}

const pairKey = (model: string, taskType: string) => `${model}\u0000${taskType}`;

/** A stored posterior, or null for a row created empty and not merged into yet. */
function toState(row: PosteriorRow): PosteriorState | null {
  if (row.state['alpha'] === undefined) return null;
  return {
    alpha: Number(row.state['alpha']),
    beta: Number(row.state['beta']),
    observations: Number(row.state['observations'] ?? 0),
    updatedAt: typeof row.state['updatedAt'] === 'string' ? new Date(row.state['updatedAt']) : null,
  };
}
