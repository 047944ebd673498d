import type { EntityManager } from '@mikro-orm/postgresql';
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
    return this.em.find(DepartmentEntity, { id: { $in: [...ids] } });
  }

  departmentBySlug(slug: string): Promise<DepartmentRecord | null> {
    return this.em.findOne(DepartmentEntity, { slug });
  }

  agentsByIds(ids: readonly string[]): Promise<AgentRecord[]> {
    return this.em.find(AgentEntity, { id: { $in: [...ids] } });
  }

  agentsByDepartmentIds(departmentIds: readonly string[]): Promise<AgentRecord[]> {
    return this.em.find(
      AgentEntity,
      { departmentId: { $in: [...departmentIds] } },
      { orderBy: { departmentId: 'asc', name: 'asc' } },
    );
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
