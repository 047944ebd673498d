import type { EntityManager } from '@mikro-orm/postgresql';
import {
  byIdLoader,
  groupLoader,
  type DomainEvent,
  type EventBus,
  type Logger,
  type Principal,
} from '@daena/platform';
import { adjacency, departmentHex } from '../domain/honeycomb.js';
import type { DepartmentRecord } from '../store/entities.js';
import { OrganizationRepository } from '../store/organization-repository.js';

export interface AgentsContext {
  principal: Principal;
  organization: OrganizationRepository;
  loaders: ReturnType<typeof createLoaders>;
  honeycomb: Honeycomb;
  /** Publishes an event after a committed write; a bus failure is logged, not thrown. */
  publish(event: DomainEvent): Promise<void>;
}

/** All departments and their hex adjacency, read once per request however many fields ask. */
export interface Honeycomb {
  departments(): Promise<DepartmentRecord[]>;
  neighbors(departmentId: string): Promise<DepartmentRecord[]>;
}

function createHoneycomb(
  organization: OrganizationRepository,
  loaders: ReturnType<typeof createLoaders>,
): Honeycomb {
  let cells:
    Promise<{ list: DepartmentRecord[]; neighbors: Map<string, DepartmentRecord[]> }> | undefined;
  const load = () =>
    (cells ??= organization.listDepartments().then((list) => {
      // Later lookups by id (an agent's department) reuse this read.
      for (const department of list) loaders.department.prime(department.id, department);
      const placed = list.map((department) => ({
        department,
        hex: departmentHex(department.ordinal),
      }));
      const neighbors = new Map<string, DepartmentRecord[]>();
      for (const [cell, adjacent] of adjacency(placed)) {
        neighbors.set(
          cell.department.id,
          adjacent.map((other) => other.department),
        );
      }
      return { list, neighbors };
    }));
  return {
    departments: async () => (await load()).list,
    neighbors: async (departmentId) => (await load()).neighbors.get(departmentId) ?? [],
  };
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

export function createAgentsContext(
  principal: Principal,
  em: EntityManager,
  events: { bus: EventBus; log: Logger },
): AgentsContext {
  const organization = new OrganizationRepository(em);
  const loaders = createLoaders(organization);
  return {
    principal,
    organization,
    loaders,
    honeycomb: createHoneycomb(organization, loaders),
    publish: (event) =>
      events.bus.publish(event).catch((error: unknown) => {
        events.log.error({ err: error, type: event.type }, 'event not published');
      }),
  };
}
