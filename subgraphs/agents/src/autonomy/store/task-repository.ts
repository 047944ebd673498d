import { isUuid, uuidArrayLiteral, type SqlConnection } from '@daena/platform';
import { TaskStatus, type TaskSource } from '../domain/task.js';
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
  assigneeId?: string | undefined;
  status?: TaskStatus | undefined;
}

/** Tasks; on a request's connection, or a transaction's for writes. */
export class TaskRepository {
  constructor(private readonly sql: SqlConnection) {}

  async insert(task: NewTask): Promise<TaskRecord> {
    const [row] = await this.sql.rows<TaskRow>(
      `insert into agents.tasks (id, title, description, required_capabilities, complexity,
         priority, department_id, assignee_id, deadline, budget_usd, status, parent_id, source,
         created_by)
       values (?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning ${taskColumns}`,
      [
        task.id,
        task.title,
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

  /** Queued or running tasks per agent (agents with none are left out). */
  async openCounts(agentIds: readonly string[]): Promise<Map<string, number>> {
    if (agentIds.length === 0) return new Map();
    const rows = await this.sql.rows<{ assignee_id: string; open: string }>(
      `select assignee_id, count(*) as open from agents.tasks
        where assignee_id = any(?::uuid[]) and status in ('QUEUED', 'RUNNING')
        group by assignee_id`,
      [uuidArrayLiteral(agentIds)],
    );
    return new Map(rows.map((row) => [row.assignee_id, Number(row.open)]));
  }
}
