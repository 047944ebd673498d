import type { EntityManager } from '@mikro-orm/postgresql';
import type { AgentStatus } from '../domain/organization.js';
import {
  AgentEntity,
  DepartmentEntity,
  type AgentRecord,
  type DepartmentRecord,
} from './entities.js';

/** Reads of the organization; one instance per request, on that request's EntityManager fork. */
export class OrganizationRepository {
  constructor(private readonly em: EntityManager) {}

  listDepartments(): Promise<DepartmentRecord[]> {
    return this.em.find(DepartmentEntity, {}, { orderBy: { ordinal: 'asc' } });
  }

  departmentsByIds(ids: readonly string[]): Promise<DepartmentRecord[]> {
    return this.em.find(DepartmentEntity, { id: { $in: ids.filter(isUuid) } });
  }

  departmentBySlug(slug: string): Promise<DepartmentRecord | null> {
    return this.em.findOne(DepartmentEntity, { slug });
  }

  agentsByIds(ids: readonly string[]): Promise<AgentRecord[]> {
    return this.em.find(AgentEntity, { id: { $in: ids.filter(isUuid) } });
  }

  agentsByDepartmentIds(departmentIds: readonly string[]): Promise<AgentRecord[]> {
    return this.em.find(
      AgentEntity,
      { departmentId: { $in: [...departmentIds] } },
      { orderBy: { departmentId: 'asc', name: 'asc' } },
    );
  }

  /** One agent read fresh from the database (for writes: no per-request cache). */
  async agentById(id: string): Promise<AgentRecord | null> {
    if (!isUuid(id)) return null;
    return this.em.findOne(AgentEntity, { id }, { refresh: true });
  }

  /**
   * Sets an agent's status if its version is still `expectedVersion` (optimistic locking): returns
   * the updated agent, or null when the version moved on (or the agent does not exist).
   */
  async setAgentStatus(
    id: string,
    expectedVersion: number,
    status: AgentStatus,
  ): Promise<AgentRecord | null> {
    const changed = await this.em.nativeUpdate(
      AgentEntity,
      { id, version: expectedVersion },
      { status, version: expectedVersion + 1 },
    );
    if (changed === 0) return null;
    return this.em.findOne(AgentEntity, { id }, { refresh: true });
  }

  listAgents(filter: {
    departmentId?: string | undefined;
    role?: string | undefined;
  }): Promise<AgentRecord[]> {
    return this.em.find(
      AgentEntity,
      {
        ...(filter.departmentId ? { departmentId: filter.departmentId } : {}),
        ...(filter.role ? { role: filter.role as AgentRecord['role'] } : {}),
      },
      { orderBy: { name: 'asc' } },
    );
  }
}

/** Ids are UUIDs: anything else names no row, and must not reach Postgres as a syntax error. */
function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
