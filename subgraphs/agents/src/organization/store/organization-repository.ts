import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import type { AgentListFilter, AgentListKey } from '../domain/agent-listing.js';
import { isUuid } from '../domain/ids.js';
import {
  AgentEntity,
  DepartmentEntity,
  type AgentRecord,
  type DepartmentRecord,
} from './entities.js';

export interface AgentPageRows {
  rows: AgentRecord[];
  totalCount: number;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
}

/**
 * Reads of the organization; one instance per request, on that request's EntityManager fork.
 * Lists leave retired departments and agents out (a retired department keeps its cell, which is
 * then drawn empty); lookups by id or slug still find them, since history refers to them.
 */
export class OrganizationRepository {
  constructor(private readonly em: EntityManager) {}

  // Reads that only feed responses come back as plain rows: the ORM's hydration and identity map
  // cost more than the query (issue 14's read profile: ~37% of agents' CPU on a cross-subgraph
  // read). Reads a write builds on (`…ById`, with refresh) stay entities.

  async listDepartments(): Promise<DepartmentRecord[]> {
    const rows = await this.em
      .getConnection()
      .execute<DepartmentRow[]>(
        `select ${departmentColumns} from agents.departments where retired_at is null order by ordinal`,
      );
    return rows.map(departmentFromRow);
  }

  async departmentsByIds(ids: readonly string[]): Promise<DepartmentRecord[]> {
    const wanted = ids.filter(isUuid);
    if (wanted.length === 0) return [];
    const rows = await this.em
      .getConnection()
      .execute<DepartmentRow[]>(
        `select ${departmentColumns} from agents.departments where id in (?)`,
        [wanted],
      );
    return rows.map(departmentFromRow);
  }

  departmentBySlug(slug: string): Promise<DepartmentRecord | null> {
    return this.em.findOne(DepartmentEntity, { slug });
  }

  /** One department read fresh from the database (for writes: no per-request cache). */
  async departmentById(id: string): Promise<DepartmentRecord | null> {
    if (!isUuid(id)) return null;
    return this.em.findOne(DepartmentEntity, { id }, { refresh: true });
  }

  async agentsByIds(ids: readonly string[]): Promise<AgentRecord[]> {
    const wanted = ids.filter(isUuid);
    if (wanted.length === 0) return [];
    const rows = await this.em
      .getConnection()
      .execute<AgentRow[]>(`select ${agentColumns} from agents.agents where id in (?)`, [wanted]);
    return rows.map(agentFromRow);
  }

  /**
   * The current agents of many departments, as plain rows: this read feeds the honeycomb (up to
   * thousands of agents a request) and nothing writes through it, so it skips the ORM's entity
   * hydration and identity map, which cost more than the query itself at that size.
   */
  async agentsByDepartmentIds(departmentIds: readonly string[]): Promise<AgentRecord[]> {
    const ids = departmentIds.filter(isUuid);
    if (ids.length === 0) return [];
    const rows = await this.em.getConnection().execute<AgentRow[]>(
      `select ${agentColumns} from agents.agents
       where department_id in (?) and retired_at is null
       order by department_id, name, id`,
      [ids],
    );
    return rows.map(agentFromRow);
  }

  /** One agent read fresh from the database (for writes: no per-request cache). */
  async agentById(id: string): Promise<AgentRecord | null> {
    if (!isUuid(id)) return null;
    return this.em.findOne(AgentEntity, { id }, { refresh: true });
  }

  /** Current agents, optionally of one department or role, by name (unpaginated: see agentPage). */
  listAgents(filter: {
    departmentId?: string | undefined;
    role?: string | undefined;
  }): Promise<AgentRecord[]> {
    return this.em.find(
      AgentEntity,
      agentWhere({
        departmentId: filter.departmentId,
        role: filter.role as AgentRecord['role'] | undefined,
        includeRetired: false,
      }),
      { orderBy: { name: 'asc', id: 'asc' } },
    );
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
    const keyset = (operator: '>' | '<=', key: AgentListKey): FilterQuery<AgentRecord> => ({
      [raw((alias) => `(${alias}.name, ${alias}.id) ${operator} (?, ?::uuid)`, [key.name, key.id])]:
        [],
    });
    const [rows, totalCount, before] = await Promise.all([
      this.em.find(AgentEntity, after ? { $and: [where, keyset('>', after)] } : where, {
        orderBy: { name: 'asc', id: 'asc' },
        // One extra row tells whether another page follows.
        limit: first + 1,
      }),
      this.em.count(AgentEntity, where),
      after ? this.em.count(AgentEntity, { $and: [where, keyset('<=', after)] }) : 0,
    ]);
    return {
      rows: rows.slice(0, first),
      totalCount,
      hasPreviousPage: before > 0,
      hasNextPage: rows.length > first,
    };
  }
}

/** The filter as a MikroORM query; a malformed department id matches nothing. */
function agentWhere(filter: AgentListFilter): FilterQuery<AgentRecord> {
  const { departmentId, role, status, search } = filter;
  if (departmentId !== undefined && !isUuid(departmentId)) return { id: { $in: [] } };
  const pattern = search === undefined ? undefined : `%${escapeLike(search)}%`;
  return {
    ...(departmentId ? { departmentId } : {}),
    ...(role ? { role } : {}),
    ...(status ? { status } : {}),
    ...(filter.includeRetired ? {} : { retiredAt: null }),
    ...(pattern ? { $or: [{ name: { $ilike: pattern } }, { slug: { $ilike: pattern } }] } : {}),
  };
}

/** LIKE treats `%`, `_` and the escape character `\` specially: searched for, they are literal. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const departmentColumns = 'id, slug, name, ordinal, version, created_at, retired_at';

interface DepartmentRow {
  id: string;
  slug: string;
  name: string;
  ordinal: number;
  version: number;
  created_at: Timestamp;
  retired_at: Timestamp | null;
}

function departmentFromRow(row: DepartmentRow): DepartmentRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    ordinal: row.ordinal,
    version: row.version,
    createdAt: dateOf(row.created_at),
    retiredAt: dateOf(row.retired_at),
  };
}

const agentColumns = `id, slug, name, role, status, department_id, seat, version, created_at,
  retired_at, current_task, load, budget_used_usd, state_updated_at`;

interface AgentRow {
  id: string;
  slug: string;
  name: string;
  role: AgentRecord['role'];
  status: AgentRecord['status'];
  department_id: string;
  seat: number;
  version: number;
  created_at: Timestamp;
  retired_at: Timestamp | null;
  current_task: string | null;
  load: number;
  budget_used_usd: number;
  state_updated_at: Timestamp | null;
}

/** The ORM's connection leaves timestamps as text (it converts them itself when hydrating). */
type Timestamp = Date | string;

function dateOf(value: Timestamp): Date;
function dateOf(value: Timestamp | null): Date | null;
function dateOf(value: Timestamp | null): Date | null {
  return value === null ? null : new Date(value);
}

function agentFromRow(row: AgentRow): AgentRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    role: row.role,
    status: row.status,
    departmentId: row.department_id,
    seat: row.seat,
    version: row.version,
    createdAt: dateOf(row.created_at),
    retiredAt: dateOf(row.retired_at),
    currentTask: row.current_task,
    load: row.load,
    budgetUsedUsd: row.budget_used_usd,
    stateUpdatedAt: dateOf(row.state_updated_at),
  };
}
