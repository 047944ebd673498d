import type { SqlConnection } from '@daena/platform';
import {
  budgetStop,
  type BudgetLimits,
  type BudgetStop,
  type BudgetUse,
  type CallBound,
} from '../domain/budget.js';

/** A model call about to be made: whose budgets it counts against. */
export interface CallReservation {
  runId: string;
  seq: number;
  taskId: string;
  agentId: string;
  departmentId: string;
  /** The UTC day, `YYYY-MM-DD`. */
  day: string;
  bound: CallBound;
}

interface DayRow {
  scope: 'AGENT' | 'DEPARTMENT';
  tokens: string | number;
  cost_usd: number;
  reserved_tokens: string | number;
  reserved_usd: number;
}

/**
 * The daily budgets' ledger (`agents.autonomy_budget_days`) and the reservations of calls in
 * flight. Every method takes a transaction's connection: the department's row is locked before
 * the agent's, always in that order, so concurrent runs of one department queue on it and two
 * calls can never both take its last room.
 */
export class BudgetRepository {
  constructor(private readonly sql: SqlConnection) {}

  /**
   * Holds the call's worst case against every budget, or says which one it would exceed (nothing
   * is written then). A step resumed after a crash finds its reservation and takes no other.
   */
  async reserve(call: CallReservation, limits: BudgetLimits): Promise<BudgetStop | null> {
    const [held] = await this.sql.rows(
      'select 1 from agents.model_call_reservations where run_id = ? and seq = ?',
      [call.runId, call.seq],
    );
    if (held) return null;
    const days = await this.lockDays(call.day, call.agentId, call.departmentId);
    const [run] = await this.sql.rows<{ tokens: number; spent_usd: number; budget_usd: number }>(
      `select r.tokens, t.spent_usd, t.budget_usd
         from agents.agent_runs r join agents.tasks t on t.id = r.task_id where r.id = ?`,
      [call.runId],
    );
    if (!run) throw new Error(`run ${call.runId} is not stored`);
    const stop = budgetStop(
      limits,
      {
        runTokens: run.tokens,
        taskSpentUsd: run.spent_usd,
        taskBudgetUsd: run.budget_usd,
        agentTokens: use(days.AGENT, 'tokens'),
        agentUsd: use(days.AGENT, 'usd'),
        departmentTokens: use(days.DEPARTMENT, 'tokens'),
        departmentUsd: use(days.DEPARTMENT, 'usd'),
      },
      call.bound,
    );
    if (stop) return stop;
    await this.sql.rows(
      `update agents.autonomy_budget_days
          set reserved_tokens = reserved_tokens + ?, reserved_usd = reserved_usd + ?
        where day = ? and ((scope = 'AGENT' and scope_id = ?) or (scope = 'DEPARTMENT' and scope_id = ?))`,
      [call.bound.tokens, call.bound.costUsd, call.day, call.agentId, call.departmentId],
    );
    await this.sql.rows(
      `insert into agents.model_call_reservations
         (run_id, seq, day, agent_id, department_id, tokens, cost_usd)
       values (?, ?, ?, ?, ?, ?, ?)`,
      [
        call.runId,
        call.seq,
        call.day,
        call.agentId,
        call.departmentId,
        call.bound.tokens,
        call.bound.costUsd,
      ],
    );
    return null;
  }

  /**
   * The call ended: its reservation is let go and what it really used is counted on the day the
   * reservation was taken (nothing used: a call that failed, or a run that ended without it).
   */
  async settle(
    runId: string,
    seq: number,
    used: { tokens: number; costUsd: number },
  ): Promise<void> {
    const [held] = await this.sql.rows<{
      day: string | Date;
      agent_id: string;
      department_id: string;
      tokens: string | number;
      cost_usd: number;
    }>(
      `delete from agents.model_call_reservations where run_id = ? and seq = ?
        returning day::text as day, agent_id, department_id, tokens, cost_usd`,
      [runId, seq],
    );
    if (!held) return;
    await this.lockDays(String(held.day), held.agent_id, held.department_id);
    await this.sql.rows(
      `update agents.autonomy_budget_days
          set reserved_tokens = reserved_tokens - ?, reserved_usd = greatest(0, reserved_usd - ?),
              tokens = tokens + ?, cost_usd = cost_usd + ?
        where day = ? and ((scope = 'AGENT' and scope_id = ?) or (scope = 'DEPARTMENT' and scope_id = ?))`,
      [
        Number(held.tokens),
        held.cost_usd,
        used.tokens,
        used.costUsd,
        String(held.day),
        held.agent_id,
        held.department_id,
      ],
    );
  }

  /** Lets go of every reservation a run still holds (it ended without making those calls). */
  async releaseRun(runId: string): Promise<void> {
    const rows = await this.sql.rows<{ seq: number }>(
      'select seq from agents.model_call_reservations where run_id = ? order by seq',
      [runId],
    );
    for (const row of rows) await this.settle(runId, row.seq, { tokens: 0, costUsd: 0 });
  }

  /** The department's and the agent's rows of the day, created if absent, locked in that order. */
  private async lockDays(
    day: string,
    agentId: string,
    departmentId: string,
  ): Promise<Record<'AGENT' | 'DEPARTMENT', DayRow | undefined>> {
    await this.sql.rows(
      `insert into agents.autonomy_budget_days (day, scope, scope_id)
       values (?, 'DEPARTMENT', ?), (?, 'AGENT', ?) on conflict do nothing`,
      [day, departmentId, day, agentId],
    );
    const rows = await this.sql.rows<DayRow>(
      `select scope, tokens, cost_usd, reserved_tokens, reserved_usd
         from agents.autonomy_budget_days
        where day = ? and ((scope = 'DEPARTMENT' and scope_id = ?) or (scope = 'AGENT' and scope_id = ?))
        order by scope desc for update`,
      [day, departmentId, agentId],
    );
    return {
      AGENT: rows.find((row) => row.scope === 'AGENT'),
      DEPARTMENT: rows.find((row) => row.scope === 'DEPARTMENT'),
    };
  }
}

function use(row: DayRow | undefined, what: 'tokens' | 'usd'): BudgetUse {
  if (!row) return { used: 0, reserved: 0 };
  return what === 'tokens'
    ? { used: Number(row.tokens), reserved: Number(row.reserved_tokens) }
    : { used: row.cost_usd, reserved: row.reserved_usd };
}
