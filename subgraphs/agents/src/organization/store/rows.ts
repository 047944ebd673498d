import { dateOf, type ParseDate, type SqlConnection } from '@daena/platform';
import type { AgentRecord, DepartmentRecord } from './records.js';

/*
 * The organization's rows as SQL returns them on MikroORM's connection (timestamps as text,
 * double precision parsed by node-pg), and their mappers to records. Every read and write of
 * departments and agents goes through them.
 */

export const departmentColumns = 'id, slug, name, ordinal, version, created_at, retired_at';

export interface DepartmentRow {
  id: string;
  slug: string;
  name: string;
  ordinal: number;
  version: number;
  created_at: Date | string;
  retired_at: Date | string | null;
}

export function departmentFromRow(row: DepartmentRow, parseDate: ParseDate): DepartmentRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    ordinal: row.ordinal,
    version: row.version,
    createdAt: dateOf(parseDate, row.created_at),
    retiredAt: dateOf(parseDate, row.retired_at),
  };
}

export const agentColumns = `id, slug, name, role, status, department_id, seat, version, created_at,
  retired_at, current_task, load, budget_used_usd, state_updated_at`;

export interface AgentRow {
  id: string;
  slug: string;
  name: string;
  role: AgentRecord['role'];
  status: AgentRecord['status'];
  department_id: string;
  seat: number;
  version: number;
  created_at: Date | string;
  retired_at: Date | string | null;
  current_task: string | null;
  load: number;
  budget_used_usd: number;
  state_updated_at: Date | string | null;
}

export function agentFromRow(row: AgentRow, parseDate: ParseDate): AgentRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    role: row.role,
    status: row.status,
    departmentId: row.department_id,
    seat: row.seat,
    version: row.version,
    createdAt: dateOf(parseDate, row.created_at),
    retiredAt: dateOf(parseDate, row.retired_at),
    currentTask: row.current_task,
    load: row.load,
    budgetUsedUsd: row.budget_used_usd,
    stateUpdatedAt: dateOf(parseDate, row.state_updated_at),
  };
}

/** Departments selected by `clause` (`where …`, `order by …`, `for update`), as records. */
export async function selectDepartments(
  sql: SqlConnection,
  clause: string,
  bindings: readonly unknown[],
): Promise<DepartmentRecord[]> {
  const rows = await sql.rows<DepartmentRow>(
    `select ${departmentColumns} from agents.departments ${clause}`,
    bindings,
  );
  return rows.map((row) => departmentFromRow(row, sql.parseDate));
}

/** Agents selected by `clause` (`where …`, `order by …`, `for update`), as records. */
export async function selectAgents(
  sql: SqlConnection,
  clause: string,
  bindings: readonly unknown[],
): Promise<AgentRecord[]> {
  const rows = await sql.rows<AgentRow>(
    `select ${agentColumns} from agents.agents ${clause}`,
    bindings,
  );
  return rows.map((row) => agentFromRow(row, sql.parseDate));
}
