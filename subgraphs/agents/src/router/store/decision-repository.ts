import type { EntityManager } from '@mikro-orm/postgresql';
import type { CompletionResult, QualitySignalSource, TaskType } from '../index.js';

/** Outcome signals stored on a decision: the task's or the CMP decision's it served. */
export type OutcomeSource = Extract<QualitySignalSource, 'task' | 'decision'>;
import type {
  RoutingAttempt,
  RoutingDecisionRecord,
  RoutingDecisionStatus,
} from '../domain/router-records.js';

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

/** Routing decisions: what was asked, chosen and served, and the feedback on it. */
export class RoutingDecisionRepository {
  constructor(private readonly em: EntityManager) {}

  private get sql() {
    return this.em.getConnection();
  }

  /**
   * Stores a new selection, under `idempotencyKey` when given: false when a decision already
   * holds that key (nothing is written).
   */
  async insertDecision(record: RoutingDecisionRecord, idempotencyKey?: string): Promise<boolean> {
    const rows = await this.sql.execute<{ id: string }[]>(
      `insert into agents.router_decisions
         (id, created_at, task_type, classification, request, selected_model, confidence,
          reasoning, candidates, fallbacks, status, idempotency_key)
       values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?::jsonb,
               array(select jsonb_array_elements_text(?::jsonb)), ?, ?)
       on conflict (idempotency_key) where idempotency_key is not null do nothing
       returning id`,
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
        idempotencyKey ?? null,
      ],
    );
    return rows.length > 0;
  }

  /** The decision stored under an idempotency key, with the answer it kept once it succeeded. */
  async keyed(
    idempotencyKey: string,
  ): Promise<{ decision: RoutingDecisionRecord; answer: CompletionResult | null } | null> {
    const [row] = await this.sql.execute<(DecisionRow & { answer: CompletionResult | null })[]>(
      'select * from agents.router_decisions where idempotency_key = ?',
      [idempotencyKey],
    );
    return row ? { decision: toDecision(row), answer: row.answer } : null;
  }

  /** Counts a call sent again under its key; false when the decision is no longer SELECTED. */
  async markResent(id: string): Promise<boolean> {
    const rows = await this.sql.execute<{ id: string }[]>(
      `update agents.router_decisions set resent = resent + 1
        where id = ? and status = 'SELECTED' returning id`,
      [id],
    );
    return rows.length > 0;
  }

  /** A failed keyed decision gives its key up, so the caller's next try routes afresh. */
  async releaseKey(id: string): Promise<void> {
    await this.sql.execute(
      'update agents.router_decisions set idempotency_key = null where id = ?',
      [id],
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
    /** Kept for a keyed call, whose caller may die before it uses the answer. */
    answer?: CompletionResult,
  ): Promise<void> {
    await this.sql.execute(
      `update agents.router_decisions
         set status = ?, served_by = ?, attempts = ?::jsonb, latency_ms = ?, cost_usd = ?,
             input_tokens = ?, output_tokens = ?, quality = ?, error_reason = ?, answer = ?::jsonb
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
        answer === undefined ? null : JSON.stringify(answer),
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

  /**
   * Stores an outcome signal on a decision, once per (decision, source): true when this call
   * stored it, false when one of that source was already there.
   */
  async recordSignal(id: string, source: OutcomeSource, quality: number): Promise<boolean> {
    const rows = await this.sql.execute<{ decision_id: string }[]>(
      `insert into agents.router_decision_signals (decision_id, source, quality) values (?, ?, ?)
       on conflict do nothing returning decision_id`,
      [id, source, quality],
    );
    return rows.length > 0;
  }
}
