import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError } from '@daena/platform';
import type { PosteriorMergeRecord, PosteriorRecord, StatsBucket, TaskType } from '../index.js';
import type {
  RoutingAttempt,
  RoutingDecisionRecord,
  RoutingDecisionStatus,
  StoredModel,
  StoredModelSpec,
} from '../domain/router-records.js';

interface ModelRow {
  name: string;
  source: 'CONFIG' | 'ADMIN';
  spec: StoredModelSpec;
  api_key: string | null;
  enabled: boolean;
  version: number;
  updated_at: string | Date;
}

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

interface DecisionRow {
  id: string;
  created_at: string | Date;
  task_type: TaskType;
  classification: RoutingDecisionRecord['classification'];
  request: RoutingDecisionRecord['request'];
  selected_model: string;
  confidence: number;
  reasoning: string;
  candidates: RoutingDecisionRecord['candidates'];
  fallbacks: string[];
  status: RoutingDecisionStatus;
  served_by: string | null;
  attempts: RoutingAttempt[];
  latency_ms: number | null;
  cost_usd: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  quality: number | null;
  feedback: number | null;
  error_reason: string | null;
}

const toModel = (row: ModelRow): StoredModel => ({
  name: row.name,
  source: row.source,
  spec: row.spec,
  apiKey: row.api_key,
  enabled: row.enabled,
  version: row.version,
  updatedAt: new Date(row.updated_at),
});

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

const toDecision = (row: DecisionRow): RoutingDecisionRecord => ({
  id: row.id,
  createdAt: new Date(row.created_at),
  taskType: row.task_type,
  classification: row.classification,
  request: row.request,
  selectedModel: row.selected_model,
  confidence: row.confidence,
  reasoning: row.reasoning,
  candidates: row.candidates,
  fallbacks: row.fallbacks,
  status: row.status,
  servedBy: row.served_by,
  attempts: row.attempts,
  latencyMs: row.latency_ms,
  costUsd: row.cost_usd,
  inputTokens: row.input_tokens,
  outputTokens: row.output_tokens,
  quality: row.quality,
  feedback: row.feedback,
  errorReason: row.error_reason,
});

const modelColumns = 'name, source, spec, api_key, enabled, version, updated_at';

/**
 * The router's rows: the model registry, the hourly statistics buckets, the quality posteriors
 * and the routing decisions. SQL lives here; what the rows mean lives in the router package.
 */
export class RouterRepository {
  constructor(private readonly em: EntityManager) {}

  private get sql() {
    return this.em.getConnection();
  }

  async listModels(): Promise<StoredModel[]> {
    const rows = await this.sql.execute<ModelRow[]>(
      `select ${modelColumns} from agents.router_models order by name`,
    );
    return rows.map(toModel);
  }

  async model(name: string): Promise<StoredModel | null> {
    const [row] = await this.sql.execute<ModelRow[]>(
      `select ${modelColumns} from agents.router_models where name = ?`,
      [name],
    );
    return row ? toModel(row) : null;
  }

  /**
   * Writes the models of the configuration: new ones are added, changed ones updated (an admin's
   * `enabled` switch is kept), and CONFIG rows no longer configured are removed. ADMIN rows of
   * the same name win: a configured model never overwrites one an admin registered.
   */
  async syncConfigModels(specs: readonly StoredModelSpec[]): Promise<void> {
    await this.em.transactional(async (tx) => {
      const sql = tx.getConnection();
      await sql.execute(
        `delete from agents.router_models where source = 'CONFIG'
           and name not in (select jsonb_array_elements_text(?::jsonb))`,
        [JSON.stringify(specs.map((spec) => spec.name))],
      );
      for (const spec of specs) {
        await sql.execute(
          `insert into agents.router_models (name, source, spec, enabled)
           values (?, 'CONFIG', ?::jsonb, ?)
           on conflict (name) do update set spec = excluded.spec, updated_at = now(),
             version = agents.router_models.version + 1
           where agents.router_models.source = 'CONFIG' and agents.router_models.spec <> excluded.spec`,
          [spec.name, JSON.stringify(spec), spec.enabled],
        );
      }
    });
  }

  /** Adds an admin's model; a taken name is a CONFLICT (`MODEL_NAME_TAKEN`). */
  /** Replaces a stored key if it is still `current` (sealing a key stored in plain text). */
  async replaceApiKey(name: string, current: string, next: string): Promise<void> {
    await this.em.execute(
      'update agents.router_models set api_key = ? where name = ? and api_key = ?',
      [next, name, current],
    );
  }

  async insertAdminModel(spec: StoredModelSpec, apiKey: string | null): Promise<StoredModel> {
    const [row] = await this.sql.execute<ModelRow[]>(
      `insert into agents.router_models (name, source, spec, api_key, enabled)
       values (?, 'ADMIN', ?::jsonb, ?, ?)
       on conflict (name) do nothing
       returning ${modelColumns}`,
      [spec.name, JSON.stringify(spec), apiKey, spec.enabled],
    );
    if (!row) {
      throw new ConflictError(`A model named ${spec.name} already exists`, 'MODEL_NAME_TAKEN', {
        name: spec.name,
      });
    }
    return toModel(row);
  }

  /**
   * Replaces an admin model's spec if `expectedVersion` is current; `apiKey` undefined keeps the
   * stored key. Returns null when the name or version does not match (the caller tells which).
   */
  async updateAdminModel(
    spec: StoredModelSpec,
    apiKey: string | null | undefined,
    expectedVersion: number,
  ): Promise<StoredModel | null> {
    const [row] = await this.sql.execute<ModelRow[]>(
      `update agents.router_models
         set spec = ?::jsonb, enabled = ?, api_key = case when ? then ? else api_key end,
             version = version + 1, updated_at = now()
       where name = ? and source = 'ADMIN' and version = ?
       returning ${modelColumns}`,
      [
        JSON.stringify(spec),
        spec.enabled,
        apiKey !== undefined,
        apiKey ?? null,
        spec.name,
        expectedVersion,
      ],
    );
    return row ? toModel(row) : null;
  }

  async setEnabled(name: string, enabled: boolean): Promise<StoredModel | null> {
    const [row] = await this.sql.execute<ModelRow[]>(
      `update agents.router_models
         set enabled = ?, version = version + 1, updated_at = now()
       where name = ?
       returning ${modelColumns}`,
      [enabled, name],
    );
    return row ? toModel(row) : null;
  }

  async removeAdminModel(name: string): Promise<boolean> {
    const rows = await this.sql.execute<{ name: string }[]>(
      `delete from agents.router_models where name = ? and source = 'ADMIN' returning name`,
      [name],
    );
    return rows.length > 0;
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
   * Folds each replica's `PosteriorMerge` into the stored posterior in one statement:
   * stored ← prior + shrink · (stored − prior) + added, or prior + added for a pair not stored yet.
   * Merges commute up to the order of discounting, so replicas never overwrite each other's
   * evidence.
   */
  async mergePosteriors(merges: readonly PosteriorMergeRecord[]): Promise<void> {
    if (merges.length === 0) return;
    await this.sql.execute(
      `insert into agents.router_posteriors as p (model, task_type, state, updated_at)
       select r.model, r.task_type,
              jsonb_build_object(
                'alpha', r.prior_alpha + r.added_alpha,
                'beta', r.prior_beta + r.added_beta,
                'observations', r.observations,
                'updatedAt', r.updated_at,
                'merge', to_jsonb(r)),
              now()
         from jsonb_to_recordset(?::jsonb) as r(
                model text, task_type text, prior_alpha float8, prior_beta float8, shrink float8,
                added_alpha float8, added_beta float8, observations int, updated_at text)
       on conflict (model, task_type) do update set
         state = jsonb_build_object(
           'alpha', ${merged('alpha')},
           'beta', ${merged('beta')},
           'observations', coalesce((p.state->>'observations')::int, 0)
                           + (excluded.state->'merge'->>'observations')::int,
           'updatedAt', greatest(p.state->>'updatedAt', excluded.state->'merge'->>'updated_at')),
         updated_at = now()`,
      [JSON.stringify(merges.map(toMergeRow))],
    );
  }

  async loadPosteriors(): Promise<PosteriorRecord[]> {
    const rows = await this.sql.execute<
      { model: string; task_type: TaskType; state: Record<string, unknown> }[]
    >('select model, task_type, state from agents.router_posteriors');
    return rows.map((row) => ({
      model: row.model,
      taskType: row.task_type,
      state: {
        alpha: Number(row.state['alpha']),
        beta: Number(row.state['beta']),
        observations: Number(row.state['observations'] ?? 0),
        updatedAt:
          typeof row.state['updatedAt'] === 'string' ? new Date(row.state['updatedAt']) : null,
      },
    }));
  }

  async insertDecision(record: RoutingDecisionRecord): Promise<void> {
    await this.sql.execute(
      `insert into agents.router_decisions
         (id, created_at, task_type, classification, request, selected_model, confidence,
          reasoning, candidates, fallbacks, status)
       values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?::jsonb,
               array(select jsonb_array_elements_text(?::jsonb)), ?)`,
      [
        record.id,
        record.createdAt.toISOString(),
        record.taskType,
        JSON.stringify(record.classification),
        JSON.stringify(record.request),
        record.selectedModel,
        record.confidence,
        record.reasoning,
        JSON.stringify(record.candidates),
        JSON.stringify(record.fallbacks),
        record.status,
      ],
    );
  }

  /** Records what the call did: who served it, every attempt, its cost and quality. */
  async completeDecision(
    id: string,
    outcome: Pick<
      RoutingDecisionRecord,
      | 'status'
      | 'servedBy'
      | 'attempts'
      | 'latencyMs'
      | 'costUsd'
      | 'inputTokens'
      | 'outputTokens'
      | 'quality'
      | 'errorReason'
    >,
  ): Promise<void> {
    await this.sql.execute(
      `update agents.router_decisions
         set status = ?, served_by = ?, attempts = ?::jsonb, latency_ms = ?, cost_usd = ?,
             input_tokens = ?, output_tokens = ?, quality = ?, error_reason = ?
       where id = ?`,
      [
        outcome.status,
        outcome.servedBy,
        JSON.stringify(outcome.attempts),
        outcome.latencyMs,
        outcome.costUsd,
        outcome.inputTokens,
        outcome.outputTokens,
        outcome.quality,
        outcome.errorReason,
        id,
      ],
    );
  }

  async decision(id: string): Promise<RoutingDecisionRecord | null> {
    const [row] = await this.sql.execute<DecisionRow[]>(
      'select * from agents.router_decisions where id = ?',
      [id],
    );
    return row ? toDecision(row) : null;
  }

  /** Stores explicit feedback once; null when the decision is unknown or already has some. */
  async setFeedback(id: string, quality: number): Promise<RoutingDecisionRecord | null> {
    const [row] = await this.sql.execute<DecisionRow[]>(
      'update agents.router_decisions set feedback = ? where id = ? and feedback is null returning *',
      [quality, id],
    );
    return row ? toDecision(row) : null;
  }
}

/** SQL for one Beta parameter after a merge (ON CONFLICT allows no FROM: read `excluded`). */
function merged(parameter: 'alpha' | 'beta'): string {
  const m = (field: string) => `(excluded.state->'merge'->>'${field}')::float8`;
  const prior = m(`prior_${parameter}`);
  return `${prior} + ${m('shrink')} * greatest(0, (p.state->>'${parameter}')::float8 - ${prior})
          + ${m(`added_${parameter}`)}`;
}

function toMergeRow({ model, taskType, merge }: PosteriorMergeRecord) {
  return {
    model,
    task_type: taskType,
    prior_alpha: merge.priorAlpha,
    prior_beta: merge.priorBeta,
    shrink: merge.shrink,
    added_alpha: merge.addedAlpha,
    added_beta: merge.addedBeta,
    observations: merge.observations,
    updated_at: merge.updatedAt?.toISOString() ?? null,
  };
}
