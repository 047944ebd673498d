import type { EntityManager } from '@mikro-orm/postgresql';
import {
  escapeLike,
  isUuid,
  requestConnection,
  uuidArrayLiteral,
  type SqlConnection,
} from '@daena/platform';
import type { AgentListFilter, AgentListKey } from '../domain/agent-listing.js';
import type { AgentRecord, DepartmentRecord } from './records.js';
import { selectAgents, selectDepartments } from './rows.js';

export interface AgentPageRows {
  rows: AgentRecord[];
  totalCount: number;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
}

/**
 * Reads of the organization; one instance per request, on that request's EntityManager fork.
 * Lists leave retired departments and agents out (a retired department keeps its cell, which is
 * then drawn empty); lookups by id or slug still find them, since history refers to them. Every
 * read is one SQL statement mapped by `rows.ts`, so each is read fresh from the database.
 */
export class OrganizationRepository {
  private readonly sql: SqlConnection;

  constructor(em: EntityManager) {
    this.sql = requestConnection(em);
  }

  listDepartments(): Promise<DepartmentRecord[]> {
    return this.departments('retired_at is null order by ordinal', []);
  }

  departmentsByIds(ids: readonly string[]): Promise<DepartmentRecord[]> {
    if (!ids.some(isUuid)) return Promise.resolve([]);
    return this.departments('id = any(?::uuid[])', [uuidArrayLiteral(ids)]);
  }

  async departmentBySlug(slug: string): Promise<DepartmentRecord | null> {
    return (await this.departments('slug = ?', [slug]))[0] ?? null;
  }

  async departmentById(id: string): Promise<DepartmentRecord | null> {
    if (!isUuid(id)) return null;
    return (await this.departments('id = ?', [id]))[0] ?? null;
  }

  agentsByIds(ids: readonly string[]): Promise<AgentRecord[]> {
    if (!ids.some(isUuid)) return Promise.resolve([]);
    return this.agents('id = any(?::uuid[])', [uuidArrayLiteral(ids)]);
  }

  /** The current agents of many departments (the honeycomb: up to thousands a request). */
  agentsByDepartmentIds(departmentIds: readonly string[]): Promise<AgentRecord[]> {
    if (!departmentIds.some(isUuid)) return Promise.resolve([]);
    return this.agents(
      'department_id = any(?::uuid[]) and retired_at is null order by department_id, name, id',
      [uuidArrayLiteral(departmentIds)],
    );
  }

  async agentById(id: string): Promise<AgentRecord | null> {
    if (!isUuid(id)) return null;
    return (await this.agents('id = ?', [id]))[0] ?? null;
  }

  /** Current agents, optionally of one department or role, by name (unpaginated: see agentPage). */
  listAgents(filter: {
    departmentId?: string | undefined;
    role?: string | undefined;
  }): Promise<AgentRecord[]> {
    const where = agentWhere({
      departmentId: filter.departmentId,
      role: filter.role as AgentRecord['role'] | undefined,
      includeRetired: false,
    });
    return this.agents(`${where.sql} order by name, id`, where.bindings);
  }

  /**
   * One page of the filtered agents in (name, id) order, after `after`. Keyset pagination: the
   * row comparison `(name, id) > (…)` starts an index range scan at the cursor (migration 0005's
   * index on (name, id)), so a late page costs what the first does.
   */
  async agentPage(
    filter: AgentListFilter,
    first: number,
    after: AgentListKey | null,
  ): Promise<AgentPageRows> {
    const where = agentWhere(filter);
    const keyset = after ? [after.name, after.id] : [];
    const [rows, totalCount, before] = await Promise.all([
      this.agents(
        `${where.sql} ${after ? 'and (name, id) > (?, ?::uuid)' : ''} order by name, id limit ?`,
        // One extra row tells whether another page follows.
        [...where.bindings, ...keyset, first + 1],
      ),
      this.count(where.sql, where.bindings),
      after
        ? this.count(`${where.sql} and (name, id) <= (?, ?::uuid)`, [...where.bindings, ...keyset])
        : 0,
    ]);
    return {
      rows: rows.slice(0, first),
      totalCount,
      hasPreviousPage: before > 0,
      hasNextPage: rows.length > first,
    };
  }

  private departments(where: string, bindings: unknown[]): Promise<DepartmentRecord[]> {
    return selectDepartments(this.sql, `where ${where}`, bindings);
  }

  private agents(where: string, bindings: unknown[]): Promise<AgentRecord[]> {
    return selectAgents(this.sql, `where ${where}`, bindings);
  }

  private async count(where: string, bindings: unknown[]): Promise<number> {
    const [row] = await this.sql.rows<{ count: string }>(
      `select count(*) as count from agents.agents where ${where}`,
      bindings,
    );
    return Number(row?.count ?? 0);
  }
}

/** The filter as a SQL condition with its bindings; a malformed department id matches nothing. */
function agentWhere(filter: AgentListFilter): { sql: string; bindings: unknown[] } {
  const { departmentId, role, status, search } = filter;
  if (departmentId !== undefined && !isUuid(departmentId)) return { sql: 'false', bindings: [] };
  const conditions: string[] = ['true'];
  const bindings: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    bindings.push(...values);
  };
  if (departmentId) add('department_id = ?', departmentId);
  if (role) add('role = ?', role);
  if (status) add('status = ?', status);
  if (!filter.includeRetired) add('retired_at is null');
  if (search !== undefined) {
    const pattern = `%${escapeLike(search)}%`;
    add('(name ilike ? or slug ilike ?)', pattern, pattern);
  }
  return { sql: conditions.join(' and '), bindings };
}
