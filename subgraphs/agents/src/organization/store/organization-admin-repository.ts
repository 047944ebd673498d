import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ConflictError,
  escapeLike,
  isUniqueViolation,
  isUuid,
  runSqlTransaction,
  uuidArrayLiteral,
  type SqlConnection,
} from '@daena/platform';
import type { AgentRole } from '../domain/organization.js';
import { AgentStatus } from '../domain/organization.js';
import type { AgentRecord, DepartmentRecord } from './records.js';
import {
  agentColumns,
  agentFromRow,
  departmentColumns,
  departmentFromRow,
  selectAgents,
  selectDepartments,
  type AgentRow,
  type DepartmentRow,
} from './rows.js';

/**
 * Runs `work` in one Postgres transaction: every write of an admin mutation commits together or
 * not at all, and the rows it locked stay locked until then.
 */
export function runAdminTransaction<T>(
  em: EntityManager,
  work: (tx: OrganizationAdminRepository) => Promise<T>,
): Promise<T> {
  return runSqlTransaction(em, (sql) => work(new OrganizationAdminRepository(sql)));
}

/** Serializes ordinal allocation: two new departments never take the same cell. */
const layoutLockKey = 'daena:agents:department-layout';

/**
 * The writes of the organization's admin mutations, inside the caller's transaction. Every
 * mutation locks the rows it decides on (`for update`), so concurrent writers queue and the
 * second one sees the first one's version; every update bumps `version`.
 */
export class OrganizationAdminRepository {
  constructor(private readonly sql: SqlConnection) {}

  async lockDepartment(id: string): Promise<DepartmentRecord | null> {
    if (!isUuid(id)) return null;
    return (await selectDepartments(this.sql, 'where id = ? for update', [id]))[0] ?? null;
  }

  async lockAgent(id: string): Promise<AgentRecord | null> {
    if (!isUuid(id)) return null;
    return (await selectAgents(this.sql, 'where id = ? for update', [id]))[0] ?? null;
  }

  /** The department's current agents, locked: none starts work or leaves until commit. */
  lockCurrentAgentsOf(departmentId: string): Promise<AgentRecord[]> {
    return selectAgents(
      this.sql,
      'where department_id = ? and retired_at is null order by id for update',
      [departmentId],
    );
  }

  /** Takes the layout lock (until commit) and returns the highest ordinal ever used. */
  async highestOrdinal(): Promise<number | null> {
    await this.sql.rows('select pg_advisory_xact_lock(hashtext(?))', [layoutLockKey]);
    const [row] = await this.sql.rows<{ highest: number | null }>(
      'select max(ordinal) as highest from agents.departments',
    );
    return row?.highest ?? null;
  }

  /** The highest seat in the department (retired agents keep theirs); call with it locked. */
  async highestSeat(departmentId: string): Promise<number | null> {
    const [row] = await this.sql.rows<{ highest: number | null }>(
      'select max(seat) as highest from agents.agents where department_id = ?',
      [departmentId],
    );
    return row?.highest ?? null;
  }

  /** Agent slugs equal to `base` or `base-…` (candidates for a derived slug to avoid). */
  async agentSlugsLike(base: string): Promise<Set<string>> {
    const rows = await this.sql.rows<{ slug: string }>(
      'select slug from agents.agents where slug = ? or slug like ?',
      [base, `${escapeLike(base)}-%`],
    );
    return new Set(rows.map((row) => row.slug));
  }

  async insertDepartment(department: {
    id: string;
    slug: string;
    name: string;
    ordinal: number;
  }): Promise<DepartmentRecord> {
    const [row] = await slugUnique(department.slug, () =>
      this.sql.rows<DepartmentRow>(
        `insert into agents.departments (id, slug, name, ordinal, version)
         values (?, ?, ?, ?, 1) returning ${departmentColumns}`,
        [department.id, department.slug, department.name, department.ordinal],
      ),
    );
    return departmentFromRow(written(row), this.sql.parseDate);
  }

  async insertAgent(agent: {
    id: string;
    slug: string;
    name: string;
    role: AgentRole;
    departmentId: string;
    seat: number;
  }): Promise<AgentRecord> {
    const [row] = await slugUnique(agent.slug, () =>
      this.sql.rows<AgentRow>(
        `insert into agents.agents (id, slug, name, role, status, department_id, seat, version)
         values (?, ?, ?, ?, ?, ?, ?, 1) returning ${agentColumns}`,
        [
          agent.id,
          agent.slug,
          agent.name,
          agent.role,
          AgentStatus.IDLE,
          agent.departmentId,
          agent.seat,
        ],
      ),
    );
    return agentFromRow(written(row), this.sql.parseDate);
  }

  /** Applies `changes` to the locked department and bumps its version. */
  async updateDepartment(
    department: DepartmentRecord,
    changes: { name?: string; retire?: true },
  ): Promise<DepartmentRecord> {
    const update = assignments(changes);
    const [row] = await this.sql.rows<DepartmentRow>(
      `update agents.departments set ${update.sql} version = version + 1
        where id = ? and version = ? returning ${departmentColumns}`,
      [...update.bindings, department.id, department.version],
    );
    return departmentFromRow(written(row), this.sql.parseDate);
  }

  /** Applies `changes` to the locked agents and bumps each one's version. */
  async updateAgents(
    agents: readonly AgentRecord[],
    changes: { name?: string; departmentId?: string; seat?: number; retire?: true },
  ): Promise<AgentRecord[]> {
    if (agents.length === 0) return [];
    const update = assignments(changes);
    const rows = await this.sql.rows<AgentRow>(
      `update agents.agents set ${update.sql} version = version + 1
        where id = any(?::uuid[]) returning ${agentColumns}`,
      [...update.bindings, uuidArrayLiteral(agents.map((agent) => agent.id))],
    );
    return rows
      .map((row) => agentFromRow(row, this.sql.parseDate))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/** The `set` list of an update (each followed by a comma) with its bindings, in column order. */
function assignments(changes: {
  name?: string;
  departmentId?: string;
  seat?: number;
  retire?: true;
}): { sql: string; bindings: unknown[] } {
  const sets: string[] = [];
  const bindings: unknown[] = [];
  const set = (column: string, value: unknown) => {
    sets.push(`${column} = ?,`);
    bindings.push(value);
  };
  if (changes.name !== undefined) set('name', changes.name);
  if (changes.departmentId !== undefined) set('department_id', changes.departmentId);
  if (changes.seat !== undefined) set('seat', changes.seat);
  if (changes.retire) sets.push('retired_at = now(),');
  return { sql: sets.join(' '), bindings };
}

/** The row a write returned: the caller holds its lock, so it is always there. */
function written<T>(row: T | undefined): T {
  if (!row) throw new Error('the locked row was not written');
  return row;
}

/** A taken slug (the tables' unique constraints) is the caller's conflict, not a server error. */
async function slugUnique<T>(slug: string, insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error, '_slug_key')) {
      throw new ConflictError(`The slug "${slug}" is already taken`, 'SLUG_TAKEN', { slug });
    }
    throw error;
  }
}
