import {
  LockMode,
  raw,
  UniqueConstraintViolationException,
  type EntityManager,
} from '@mikro-orm/postgresql';
import { ConflictError } from '@daena/platform';
import { isUuid } from '../domain/ids.js';
import type { AgentRole } from '../domain/organization.js';
import { AgentStatus } from '../domain/organization.js';
import {
  AgentEntity,
  DepartmentEntity,
  type AgentRecord,
  type DepartmentRecord,
} from './entities.js';

/**
 * Runs `work` in one Postgres transaction: every write of an admin mutation commits together or
 * not at all, and the rows it locked stay locked until then.
 */
export function runAdminTransaction<T>(
  em: EntityManager,
  work: (tx: OrganizationAdminRepository) => Promise<T>,
): Promise<T> {
  return em.transactional((txEm) => work(new OrganizationAdminRepository(txEm)));
}

/** Serializes ordinal allocation: two new departments never take the same cell. */
const layoutLockKey = 'daena:agents:department-layout';

/**
 * The writes of the organization's admin mutations, inside the caller's transaction. Every
 * mutation locks the rows it decides on (`for update`), so concurrent writers queue and the
 * second one sees the first one's version; every update bumps `version`.
 */
export class OrganizationAdminRepository {
  constructor(private readonly em: EntityManager) {}

  async lockDepartment(id: string): Promise<DepartmentRecord | null> {
    if (!isUuid(id)) return null;
    return this.em.findOne(
      DepartmentEntity,
      { id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  async lockAgent(id: string): Promise<AgentRecord | null> {
    if (!isUuid(id)) return null;
    return this.em.findOne(
      AgentEntity,
      { id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  /** The department's current agents, locked: none starts work or leaves until commit. */
  lockCurrentAgentsOf(departmentId: string): Promise<AgentRecord[]> {
    return this.em.find(
      AgentEntity,
      { departmentId, retiredAt: null },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, orderBy: { id: 'asc' } },
    );
  }

  /** Takes the layout lock (until commit) and returns the highest ordinal ever used. */
  async highestOrdinal(): Promise<number | null> {
    await this.em.execute('select pg_advisory_xact_lock(hashtext(?))', [layoutLockKey]);
    const [row] = await this.em.execute<{ highest: number | null }[]>(
      'select max(ordinal) as highest from agents.departments',
    );
    return row?.highest ?? null;
  }

  /** The highest seat in the department (retired agents keep theirs); call with it locked. */
  async highestSeat(departmentId: string): Promise<number | null> {
    const [row] = await this.em.execute<{ highest: number | null }[]>(
      'select max(seat) as highest from agents.agents where department_id = ?',
      [departmentId],
    );
    return row?.highest ?? null;
  }

  /** Agent slugs equal to `base` or `base-…` (candidates for a derived slug to avoid). */
  async agentSlugsLike(base: string): Promise<Set<string>> {
    const rows = await this.em.find(
      AgentEntity,
      { $or: [{ slug: base }, { slug: { $like: `${base}-%` } }] },
      { fields: ['slug'], disableIdentityMap: true },
    );
    return new Set(rows.map((row) => row.slug));
  }

  async insertDepartment(department: {
    id: string;
    slug: string;
    name: string;
    ordinal: number;
  }): Promise<DepartmentRecord> {
    await slugUnique(department.slug, () =>
      this.em.insert(DepartmentEntity, {
        ...department,
        version: 1,
        createdAt: raw('now()'),
        retiredAt: null,
      }),
    );
    return this.em.findOneOrFail(DepartmentEntity, { id: department.id }, { refresh: true });
  }

  async insertAgent(agent: {
    id: string;
    slug: string;
    name: string;
    role: AgentRole;
    departmentId: string;
    seat: number;
  }): Promise<AgentRecord> {
    await slugUnique(agent.slug, () =>
      this.em.insert(AgentEntity, {
        ...agent,
        status: AgentStatus.IDLE,
        version: 1,
        createdAt: raw('now()'),
        retiredAt: null,
        currentTask: null,
        load: 0,
        budgetUsedUsd: 0,
        stateUpdatedAt: null,
      }),
    );
    return this.em.findOneOrFail(AgentEntity, { id: agent.id }, { refresh: true });
  }

  /** Applies `changes` to the locked department and bumps its version. */
  async updateDepartment(
    department: DepartmentRecord,
    changes: { name?: string; retire?: true },
  ): Promise<DepartmentRecord> {
    await this.em.nativeUpdate(
      DepartmentEntity,
      { id: department.id, version: department.version },
      {
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.retire ? { retiredAt: raw('now()') } : {}),
        version: department.version + 1,
      },
    );
    return this.em.findOneOrFail(DepartmentEntity, { id: department.id }, { refresh: true });
  }

  /** Applies `changes` to the locked agents and bumps each one's version. */
  async updateAgents(
    agents: readonly AgentRecord[],
    changes: { name?: string; departmentId?: string; seat?: number; retire?: true },
  ): Promise<AgentRecord[]> {
    if (agents.length === 0) return [];
    const ids = agents.map((agent) => agent.id);
    await this.em.nativeUpdate(
      AgentEntity,
      { id: { $in: ids } },
      {
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.departmentId === undefined ? {} : { departmentId: changes.departmentId }),
        ...(changes.seat === undefined ? {} : { seat: changes.seat }),
        ...(changes.retire ? { retiredAt: raw('now()') } : {}),
        version: raw('version + 1'),
      },
    );
    return this.em.find(
      AgentEntity,
      { id: { $in: ids } },
      { refresh: true, orderBy: { id: 'asc' } },
    );
  }
}

/** A taken slug (the tables' unique constraints) is the caller's conflict, not a server error. */
async function slugUnique(slug: string, insert: () => Promise<unknown>): Promise<void> {
  try {
    await insert();
  } catch (error) {
    const constraint = (error as { constraint?: unknown }).constraint;
    if (
      error instanceof UniqueConstraintViolationException &&
      typeof constraint === 'string' &&
      constraint.endsWith('_slug_key')
    ) {
      throw new ConflictError(`The slug "${slug}" is already taken`, 'SLUG_TAKEN', { slug });
    }
    throw error;
  }
}
