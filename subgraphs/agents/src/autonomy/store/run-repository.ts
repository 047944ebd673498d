import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, requestConnection, uuidArrayLiteral, type SqlConnection } from '@daena/platform';
import { StepStatus, type ApprovalRequest, type StepKind } from '../domain/run-steps.js';
import { TaskStatus } from '../domain/task.js';
import {
  RunStatus,
  runColumns,
  runColumnsOf,
  runFromRow,
  stepFromRow,
  type RunRecord,
  type RunRow,
  type RunStepRecord,
  type StepRow,
} from './rows.js';
import { BudgetRepository } from './budget-repository.js';

/** A claim on a task's run: the run, or who holds the agent or the run now. */
export type Claim = { run: RunRecord } | { busy: 'agent' | 'run' };

export interface StepResult {
  status: typeof StepStatus.DONE | typeof StepStatus.REFUSED;
  output: unknown;
  errorCode?: string | null;
  model?: string | null;
  tokens?: number;
  costUsd?: number;
}

/** Where a run ends: the task's final state with it. */
export interface RunEnd {
  runStatus: RunStatus;
  taskStatus: TaskStatus;
  result?: string | null;
  errorCode?: string | null;
  /** The proposal a parked run waits for. */
  proposalId?: string;
}

/**
 * Runs and their checkpointed steps. Every write that moves a run on is one transaction, so a
 * worker that dies leaves either the step before or the step after, never half of one.
 */
export class RunRepository {
  private readonly sql: SqlConnection;

  constructor(private readonly em: EntityManager) {
    this.sql = requestConnection(em);
  }

  /**
   * Takes the task's run for `owner` until `leaseSeconds` from now: the live run if its lease
   * lapsed or is `owner`'s already (a resumed worker), else a new one. Per agent one run at a
   * time: while another of the agent's runs holds a lease, the claim is refused ('agent').
   */
  claim(taskId: string, agentId: string, owner: string, leaseSeconds: number): Promise<Claim> {
    return this.em.transactional(async (tx) => {
      const sql = requestConnection(tx);
      await sql.rows('select pg_advisory_xact_lock(hashtext(?))', [`daena:agent-run:${agentId}`]);
      const [other] = await sql.rows<{ id: string }>(
        `select id from agents.agent_runs
          where agent_id = ? and task_id <> ? and status = 'RUNNING' and lease_until > now()
          limit 1`,
        [agentId, taskId],
      );
      if (other) return { busy: 'agent' as const };
      const [live] = await sql.rows<RunRow & { lease_owner: string | null; held: boolean }>(
        `select ${runColumns}, lease_owner, lease_until > now() as held from agents.agent_runs
          where task_id = ?
            and status in ('RUNNING', 'WAITING_FOR_CONSENSUS', 'WAITING_FOR_APPROVAL', 'WAITING_FOR_BUDGET')
          for update`,
        [taskId],
      );
      if (live && live.held && live.lease_owner !== owner) return { busy: 'run' as const };
      const lease = `now() + make_interval(secs => ?)`;
      const [row] = live
        ? await sql.rows<RunRow>(
            `update agents.agent_runs set status = 'RUNNING', error_code = null, lease_owner = ?,
               lease_until = ${lease} where id = ? returning ${runColumns}`,
            [owner, leaseSeconds, live.id],
          )
        : await sql.rows<RunRow>(
            `insert into agents.agent_runs (id, task_id, agent_id, status, lease_owner, lease_until)
             values (gen_random_uuid(), ?, ?, 'RUNNING', ?, ${lease}) returning ${runColumns}`,
            [taskId, agentId, owner, leaseSeconds],
          );
      await sql.rows(
        `update agents.tasks set status = 'RUNNING', error_code = null, updated_at = now()
          where id = ? and status in ('QUEUED', 'RUNNING', 'WAITING_FOR_CONSENSUS', 'WAITING_FOR_BUDGET')`,
        [taskId],
      );
      if (!row) throw new Error('the run was not written');
      return { run: runFromRow(row, sql.parseDate) };
    });
  }

  /** Extends `owner`'s lease; false when another worker took the run over meanwhile. */
  async renew(runId: string, owner: string, leaseSeconds: number): Promise<boolean> {
    const rows = await this.sql.rows(
      `update agents.agent_runs set lease_until = now() + make_interval(secs => ?)
        where id = ? and lease_owner = ? and status = 'RUNNING' returning id`,
      [leaseSeconds, runId, owner],
    );
    return rows.length > 0;
  }

  async run(id: string): Promise<RunRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.sql.rows<RunRow>(
      `select ${runColumns} from agents.agent_runs where id = ?`,
      [id],
    );
    return row ? runFromRow(row, this.sql.parseDate) : null;
  }

  /** The department whose task the run works on (what decides who may read it). */
  async departmentOf(runId: string): Promise<string | null> {
    if (!isUuid(runId)) return null;
    const [row] = await this.sql.rows<{ department_id: string }>(
      `select t.department_id from agents.agent_runs r join agents.tasks t on t.id = r.task_id
        where r.id = ?`,
      [runId],
    );
    return row?.department_id ?? null;
  }

  /** A task's runs, newest first. */
  async runsOfTask(taskId: string): Promise<RunRecord[]> {
    const rows = await this.sql.rows<RunRow>(
      `select ${runColumns} from agents.agent_runs where task_id = ? order by started_at desc`,
      [taskId],
    );
    return rows.map((row) => runFromRow(row, this.sql.parseDate));
  }

  async steps(runId: string): Promise<RunStepRecord[]> {
    const rows = await this.sql.rows<StepRow>(
      'select * from agents.run_steps where run_id = ? order by seq',
      [runId],
    );
    return rows.map((row) => stepFromRow(row, this.sql.parseDate));
  }

  async step(runId: string, seq: number): Promise<RunStepRecord | null> {
    if (!isUuid(runId) || !Number.isInteger(seq)) return null;
    const [row] = await this.sql.rows<StepRow>(
      'select * from agents.run_steps where run_id = ? and seq = ?',
      [runId, seq],
    );
    return row ? stepFromRow(row, this.sql.parseDate) : null;
  }

  /**
   * Checkpoints a step before it runs. Found STARTED already (a worker died during it), it is
   * counted as another attempt and its input kept: the step is run again from the same input.
   */
  async startStep(runId: string, seq: number, kind: StepKind, input: unknown): Promise<void> {
    await this.sql.rows(
      `insert into agents.run_steps (run_id, seq, kind, status, input)
       values (?, ?, ?, 'STARTED', ?::jsonb)
       on conflict (run_id, seq) do update set attempts = agents.run_steps.attempts + 1
         where agents.run_steps.status = 'STARTED'`,
      [runId, seq, kind, JSON.stringify(input)],
    );
  }

  /** Records a step's outcome and adds its tokens and cost to the run's and the task's. */
  finishStep(runId: string, seq: number, result: StepResult): Promise<void> {
    return this.em.transactional((tx) => finishStepIn(requestConnection(tx), runId, seq, result));
  }

  /**
   * A model call's outcome: its checkpoint, and its tokens and cost counted on the day's budgets
   * in place of the worst case its reservation held, in one transaction.
   */
  finishModelCall(runId: string, seq: number, result: StepResult): Promise<void> {
    return this.em.transactional(async (tx) => {
      const sql = requestConnection(tx);
      await finishStepIn(sql, runId, seq, result);
      await new BudgetRepository(sql).settle(runId, seq, {
        tokens: result.tokens ?? 0,
        costUsd: result.costUsd ?? 0,
      });
    });
  }

  /**
   * Parks the run until its CMP proposal closes: the wait step's checkpoint, the run and the task
   * WAITING_FOR_CONSENSUS, and the proposal it waits for, in one transaction.
   */
  park(run: RunRecord, seq: number, output: { proposalId: string }): Promise<void> {
    return this.end(
      run,
      seq,
      { status: StepStatus.DONE, output },
      {
        runStatus: RunStatus.WAITING_FOR_CONSENSUS,
        taskStatus: TaskStatus.WAITING_FOR_CONSENSUS,
        proposalId: output.proposalId,
      },
    );
  }

  /** Parks the run at an approval gate: the gate's step and the run and task waiting, at once. */
  parkForApproval(run: RunRecord, seq: number, request: ApprovalRequest): Promise<void> {
    return this.end(
      run,
      seq,
      { status: StepStatus.DONE, output: request },
      { runStatus: RunStatus.WAITING_FOR_APPROVAL, taskStatus: TaskStatus.WAITING_FOR_APPROVAL },
    );
  }

  /**
   * Parks the run until a daily budget starts again: the model call's step keeps its checkpoint
   * (STARTED, so the resumed run makes the call) with the refusal recorded on it, the run and the
   * task WAITING_FOR_BUDGET with its code, the lease let go, and `requeue` (the job that resumes
   * the run) on the same transaction: all of it, or none.
   */
  deferForBudget(
    run: RunRecord,
    seq: number,
    refusal: { code: string } & Record<string, unknown>,
    requeue: (tx: EntityManager) => Promise<unknown>,
  ): Promise<void> {
    return this.em.transactional(async (tx) => {
      const sql = requestConnection(tx);
      await sql.rows(
        `update agents.run_steps set output = jsonb_build_object('deferred', ?::jsonb), error_code = ?
          where run_id = ? and seq = ? and status = 'STARTED'`,
        [JSON.stringify(refusal), refusal.code, run.id, seq],
      );
      await this.endIn(sql, run, {
        runStatus: RunStatus.WAITING_FOR_BUDGET,
        taskStatus: TaskStatus.WAITING_FOR_BUDGET,
        errorCode: refusal.code,
      });
      await requeue(tx);
    });
  }

  /** A task's run waiting for consensus: the run, its proposal and its wait step. */
  async waiting(
    taskId: string,
  ): Promise<{ run: RunRecord; proposalId: string; seq: number } | null> {
    const [row] = await this.sql.rows<RunRow & { proposal_id: string; seq: number }>(
      `select ${runColumnsOf('r')}, r.proposal_id, s.seq
         from agents.agent_runs r
         join agents.run_steps s on s.run_id = r.id and s.kind = 'WAIT_FOR_CONSENSUS'
        where r.task_id = ? and r.status = 'WAITING_FOR_CONSENSUS' and r.proposal_id is not null`,
      [taskId],
    );
    return row
      ? { run: runFromRow(row, this.sql.parseDate), proposalId: row.proposal_id, seq: row.seq }
      : null;
  }

  /**
   * Whether this action was done already by another run of these tasks (the task and its
   * ancestors): a step with the same input (jsonb equality: the same tool and arguments) DONE.
   */
  async actionDoneBefore(
    taskIds: readonly string[],
    action: unknown,
    except: { runId: string; seq: number },
  ): Promise<{ runId: string; seq: number; taskId: string } | null> {
    const [row] = await this.sql.rows<{ run_id: string; seq: number; task_id: string }>(
      `select s.run_id, s.seq, r.task_id from agents.run_steps s
         join agents.agent_runs r on r.id = s.run_id
        where r.task_id = any(?::uuid[]) and s.kind = 'TOOL_CALL' and s.status = 'DONE'
          and s.input = ?::jsonb and not (s.run_id = ? and s.seq = ?)
        limit 1`,
      [uuidArrayLiteral(taskIds), JSON.stringify(action), except.runId, except.seq],
    );
    return row ? { runId: row.run_id, seq: row.seq, taskId: row.task_id } : null;
  }

  /** Runs parked for a proposal, oldest first: what the sweep asks decisions about. */
  async parkedForConsensus(
    limit: number,
  ): Promise<{ taskId: string; agentId: string; proposalId: string }[]> {
    const rows = await this.sql.rows<{ task_id: string; agent_id: string; proposal_id: string }>(
      `select task_id, agent_id, proposal_id from agents.agent_runs
        where status = 'WAITING_FOR_CONSENSUS' and proposal_id is not null
        order by started_at limit ?`,
      [limit],
    );
    return rows.map((row) => ({
      taskId: row.task_id,
      agentId: row.agent_id,
      proposalId: row.proposal_id,
    }));
  }

  /** Gives up `owner`'s lease at once (a paused agent's run), so any worker may take it later. */
  async release(runId: string, owner: string): Promise<void> {
    await this.sql.rows(
      `update agents.agent_runs set lease_owner = null, lease_until = null
        where id = ? and lease_owner = ? and status = 'RUNNING'`,
      [runId, owner],
    );
  }

  /** The tasks whose runs wait for this proposal. */
  async tasksWaitingFor(proposalId: string): Promise<string[]> {
    if (!isUuid(proposalId)) return [];
    const rows = await this.sql.rows<{ task_id: string }>(
      `select task_id from agents.agent_runs
        where proposal_id = ? and status = 'WAITING_FOR_CONSENSUS'`,
      [proposalId],
    );
    return rows.map((row) => row.task_id);
  }

  /** Writes the proposal's outcome into the wait step's output (what nextStep reads). */
  async recordOutcome(runId: string, seq: number, outcome: string): Promise<void> {
    await this.sql.rows(
      `update agents.run_steps set output = output || jsonb_build_object('outcome', ?::text)
        where run_id = ? and seq = ?`,
      [outcome, runId, seq],
    );
  }

  /** Ends the run and settles its task, with the last step's checkpoint, in one transaction. */
  end(run: RunRecord, seq: number | null, step: StepResult | null, end: RunEnd): Promise<void> {
    return this.em.transactional(async (tx) => {
      const sql = requestConnection(tx);
      if (seq !== null && step) await finishStepIn(sql, run.id, seq, step);
      await this.endIn(sql, run, end);
    });
  }

  /** The run, locked for the caller's transaction (decisions on it queue behind each other). */
  async lockRun(id: string): Promise<RunRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.sql.rows<RunRow>(
      `select ${runColumns} from agents.agent_runs where id = ? for update`,
      [id],
    );
    return row ? runFromRow(row, this.sql.parseDate) : null;
  }

  /** Writes a person's decision (and its audit: who, when, why) into an approval step's output. */
  async recordApproval(runId: string, seq: number, audit: Record<string, string>): Promise<void> {
    await this.sql.rows(
      'update agents.run_steps set output = output || ?::jsonb where run_id = ? and seq = ?',
      [JSON.stringify(audit), runId, seq],
    );
  }

  /** Ends the run and settles its task on the caller's transaction. */
  async endIn(sql: SqlConnection, run: RunRecord, end: RunEnd): Promise<void> {
    // A call that was reserved but not made (its run stops) holds nothing any more.
    await new BudgetRepository(sql).releaseRun(run.id);
    await sql.rows(
      `update agents.agent_runs set status = ?, error_code = ?, lease_owner = null,
         lease_until = null, ended_at = case when ? then now() else ended_at end,
         proposal_id = coalesce(?, proposal_id)
        where id = ?`,
      [
        end.runStatus,
        end.errorCode ?? null,
        end.runStatus === RunStatus.SUCCEEDED || end.runStatus === RunStatus.FAILED,
        end.proposalId ?? null,
        run.id,
      ],
    );
    await sql.rows(
      `update agents.tasks set status = ?, result = coalesce(?, result), error_code = ?,
         updated_at = now() where id = ?`,
      [end.taskStatus, end.result ?? null, end.errorCode ?? null, run.taskId],
    );
  }
}

/** A step's outcome on an open transaction (the tool's effect may be on it too). */
export async function finishStepIn(
  sql: SqlConnection,
  runId: string,
  seq: number,
  result: StepResult,
): Promise<void> {
  const tokens = result.tokens ?? 0;
  const cost = result.costUsd ?? 0;
  const output = JSON.stringify(result.output ?? null);
  // A step that waited for a daily budget keeps the record of that wait beside its output.
  await sql.rows(
    `update agents.run_steps set status = ?,
       output = case when jsonb_typeof(?::jsonb) = 'object' and run_steps.output->'deferred' is not null
                     then ?::jsonb || jsonb_build_object('deferred', run_steps.output->'deferred')
                     else ?::jsonb end,
       error_code = ?, model = ?, tokens = ?, cost_usd = ?, ended_at = now()
      where run_id = ? and seq = ?`,
    [
      result.status,
      output,
      output,
      output,
      result.errorCode ?? null,
      result.model ?? null,
      tokens,
      cost,
      runId,
      seq,
    ],
  );
  if (tokens === 0 && cost === 0) return;
  const [run] = await sql.rows<{ task_id: string }>(
    `update agents.agent_runs set tokens = tokens + ?, cost_usd = cost_usd + ?
      where id = ? returning task_id`,
    [tokens, cost, runId],
  );
  await sql.rows(
    'update agents.tasks set spent_usd = spent_usd + ?, updated_at = now() where id = ?',
    [cost, run?.task_id],
  );
}

/**
 * A non-idempotent tool's effect, exactly once: the step's idempotency key is looked up, and if
 * absent the effect runs and is recorded with its intent and the step's outcome in the same
 * transaction. A resumed step finds the effect recorded and returns it without running it again.
 */
export async function effectOnce<T>(
  sql: SqlConnection,
  key: string,
  tool: string,
  intent: unknown,
  effect: () => Promise<T>,
): Promise<{ effect: T; repeated: boolean }> {
  await sql.rows('select pg_advisory_xact_lock(hashtext(?))', [`daena:tool-effect:${key}`]);
  const [recorded] = await sql.rows<{ effect: T }>(
    'select effect from agents.tool_effects where idempotency_key = ?',
    [key],
  );
  if (recorded) return { effect: recorded.effect, repeated: true };
  const done = await effect();
  await sql.rows(
    `insert into agents.tool_effects (idempotency_key, tool, intent, effect)
     values (?, ?, ?::jsonb, ?::jsonb)`,
    [key, tool, JSON.stringify(intent), JSON.stringify(done ?? null)],
  );
  return { effect: done, repeated: false };
}
