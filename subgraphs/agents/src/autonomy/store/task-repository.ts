import { isUuid, uuidArrayLiteral, type SqlConnection } from '@daena/platform';
import { defaultTaskKind, TaskStatus, type TaskSource } from '../domain/task.js';
import {
  taskColumns,
  taskFromRow,
  textArrayLiteral,
  type TaskRecord,
  type TaskRow,
} from './rows.js';

export interface NewTask {
  id: string;
  title: string;
  /** Left out: `general`. */
  kind?: string;
  /** What an agent's scan found it in; a second task of one source is not written. */
  sourceRef?: string | null;
  description: string;
  requiredCapabilities: string[];
  complexity: number;
  priority: number;
  departmentId: string;
  assigneeId: string;
  deadline: Date | null;
  budgetUsd: number;
  parentId: string | null;
  source: TaskSource;
  createdBy: string;
}

export interface TaskFilter {
  departmentId?: string | undefined;
  /** Only tasks of these departments (the caller's read scope); undefined: every department. */
  departmentIds?: readonly string[] | undefined;
  assigneeId?: string | undefined;
  status?: TaskStatus | undefined;
}

/** Tasks; on a request's connection, or a transaction's for writes. */
export class TaskRepository {
  constructor(private readonly sql: SqlConnection) {}

  async insert(task: NewTask): Promise<TaskRecord> {
    const [row] = await this.sql.rows<TaskRow>(
      `insert into agents.tasks (id, title, kind, source_ref, description, required_capabilities,
         complexity, priority, department_id, assignee_id, deadline, budget_usd, status, parent_id,
         source, created_by)
       values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning ${taskColumns}`,
      [
        task.id,
        task.title,
        task.kind ?? defaultTaskKind,
        task.sourceRef ?? null,
        task.description,
        textArrayLiteral(task.requiredCapabilities),
        task.complexity,
        task.priority,
        task.departmentId,
        task.assigneeId,
        task.deadline,
        task.budgetUsd,
        TaskStatus.QUEUED,
        task.parentId,
        task.source,
        task.createdBy,
      ],
    );
    if (!row) throw new Error('the task was not written');
    return taskFromRow(row, this.sql.parseDate);
  }

  async byId(id: string): Promise<TaskRecord | null> {
    return (await this.byIds([id]))[0] ?? null;
  }

  async byIds(ids: readonly string[]): Promise<TaskRecord[]> {
    if (!ids.some(isUuid)) return [];
    const rows = await this.sql.rows<TaskRow>(
      `select ${taskColumns} from agents.tasks where id = any(?::uuid[])`,
      [uuidArrayLiteral(ids)],
    );
    return rows.map((row) => taskFromRow(row, this.sql.parseDate));
  }

  /** Newest first; `limit` rows at most. */
  async list(filter: TaskFilter, limit: number): Promise<TaskRecord[]> {
    const where: string[] = ['true'];
    const bindings: unknown[] = [];
    const add = (condition: string, value: unknown) => {
      where.push(condition);
      bindings.push(value);
    };
    if (filter.departmentId !== undefined) {
      if (!isUuid(filter.departmentId)) return [];
      add('department_id = ?', filter.departmentId);
    }
    if (filter.departmentIds !== undefined) {
      const ids = filter.departmentIds.filter(isUuid);
      if (ids.length === 0) return [];
      add('department_id = any(?::uuid[])', uuidArrayLiteral(ids));
    }
    if (filter.assigneeId !== undefined) {
      if (!isUuid(filter.assigneeId)) return [];
      add('assignee_id = ?', filter.assigneeId);
    }
    if (filter.status !== undefined) add('status = ?', filter.status);
    const rows = await this.sql.rows<TaskRow>(
      `select ${taskColumns} from agents.tasks where ${where.join(' and ')}
        order by created_at desc, id desc limit ?`,
      [...bindings, limit],
    );
    return rows.map((row) => taskFromRow(row, this.sql.parseDate));
  }

  /** The chain above `parentId`, parent first (at most `depth` + 1 ids: enough to judge). */
  async ancestors(parentId: string, depth: number): Promise<string[]> {
    const rows = await this.sql.rows<{ id: string }>(
      `with recursive chain (id, parent_id, depth) as (
         select id, parent_id, 1 from agents.tasks where id = ?
         union all
         select t.id, t.parent_id, chain.depth + 1
           from agents.tasks t join chain on t.id = chain.parent_id
          where chain.depth <= ?)
       select id from chain order by depth`,
      [parentId, depth],
    );
    return rows.map((row) => row.id);
  }

  /** The agent's tasks that wait for a run or are in one (what a resumed agent takes up). */
  async openTasksOf(agentId: string): Promise<string[]> {
    if (!isUuid(agentId)) return [];
    const rows = await this.sql.rows<{ id: string }>(
      `select id from agents.tasks where assignee_id = ? and status in ('QUEUED', 'RUNNING')
        order by priority, created_at`,
      [agentId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Open tasks of working agents (current, not paused) whose run job is gone: a run whose lease
   * lapsed (its worker died: its job stays active in the queue until the queue expires it), or a
   * task unchanged for `seconds` with no run holding a lease (its job was given up). Each comes
   * with the key its new job is sent under: one job per lapse, or one per task.
   */
  async staleOpenTasks(seconds: number, limit: number): Promise<{ id: string; key: string }[]> {
    const rows = await this.sql.rows<{ id: string; run_id: string | null; lapsed: string | null }>(
      `select t.id, r.id as run_id,
              case when r.lease_until < now() then r.lease_until::text end as lapsed
         from agents.tasks t join agents.agents a on a.id = t.assignee_id
         left join agents.agent_runs r on r.task_id = t.id and r.status = 'RUNNING'
        where t.status in ('QUEUED', 'RUNNING') and a.status <> 'PAUSED' and a.retired_at is null
          and (r.lease_until < now()
               or ((r.id is null or r.lease_until is null)
                   and t.updated_at < now() - make_interval(secs => ?)))
        order by t.updated_at limit ?`,
      [seconds, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      key: row.lapsed ? `${row.id}:${row.run_id}:${row.lapsed}` : row.id,
    }));
  }

  /**
   * Queued, running and budget-waiting tasks per agent (agents with none are left out): an agent
   * whose day is spent has that work ahead of anything new.
   */
  async openCounts(agentIds: readonly string[]): Promise<Map<string, number>> {
    if (agentIds.length === 0) return new Map();
    const rows = await this.sql.rows<{ assignee_id: string; open: string }>(
      `select assignee_id, count(*) as open from agents.tasks
        where assignee_id = any(?::uuid[]) and status in ('QUEUED', 'RUNNING', 'WAITING_FOR_BUDGET')
        group by assignee_id`,
      [uuidArrayLiteral(agentIds)],
    );
    return new Map(rows.map((row) => [row.assignee_id, Number(row.open)]));
  }
}
