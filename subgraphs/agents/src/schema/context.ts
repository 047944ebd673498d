import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupLoader, type Principal } from '@daena/platform';
import { OrganizationRepository } from '../store/organization-repository.js';

export interface AgentsContext {
  principal: Principal;
  organization: OrganizationRepository;
  loaders: ReturnType<typeof createLoaders>;
}

/** Per-request loaders over a per-request EntityManager fork (STYLE habit 11). */
export function createLoaders(organization: OrganizationRepository) {
  return {
    department: byIdLoader((ids) => organization.departmentsByIds(ids)),
    agent: byIdLoader((ids) => organization.agentsByIds(ids)),
    agentsByDepartment: groupLoader(
      (ids) => organization.agentsByDepartmentIds(ids),
      (agent) => agent.departmentId,
    ),
  };
}

export function createAgentsContext(principal: Principal, em: EntityManager): AgentsContext {
  const organization = new OrganizationRepository(em);
  return { principal, organization, loaders: createLoaders(organization) };
}
