import type { EntityManager } from '@mikro-orm/postgresql';
import {
  byIdLoader,
  groupLoader,
  MemoryCache,
  type Cache,
  type DomainEvent,
  type EventBus,
  type JobQueue,
  type Logger,
  type Principal,
} from '@daena/platform';
import { adjacency, departmentHex } from '../organization/domain/honeycomb.js';
import { AgentStateRepository, type AgentHotState } from '../state/store/agent-state-repository.js';
import type { RouterService } from '../router/operations/router-service.js';
import type { DecisionsDirectory } from '../organization/store/decisions-directory.js';
import type { AgentRecord, DepartmentRecord } from '../organization/store/records.js';
import { OrganizationRepository } from '../organization/store/organization-repository.js';

export interface AgentsContext {
  principal: Principal;
  /** The service a verified service token names (platform callerFromHeader), if any. */
  service?: string | null;
  /** This request's EntityManager fork (repositories of other modules are built on it). */
  em: EntityManager;
  organization: OrganizationRepository;
  /** Hot state (status, task, load, budget): written through to the cache, read cache-first. */
  agentState: AgentStateRepository;
  loaders: ReturnType<typeof createLoaders>;
  honeycomb: Honeycomb;
  /** Asks the decisions subgraph about a department's open proposals. */
  decisions: DecisionsDirectory;
  /** The LLM router of this replica (one per process, not per request). */
  router: RouterService;
  /** The durable job queue (task runs); absent, tasks cannot be created. */
  jobs: JobQueue | undefined;
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
export function createLoaders(
  organization: OrganizationRepository,
  agentState: AgentStateRepository,
) {
  /** Every hot-state field of every agent in a request: one cache read, one query for misses. */
  const agentStateLoader = byIdLoader((ids) => agentState.statesByIds(ids));
  const department = byIdLoader((ids) => organization.departmentsByIds(ids));
  const placed = new WeakMap<AgentRecord, PlacedAgent>();
  // A department's agents come from Postgres in one statement with their hot state (written
  // through, so never older than the cache's copy): whole-honeycomb reads need no cache round
  // trip on top. Lookups by id and references read the hot state cache-first.
  const placeAgents = async (departmentIds: readonly string[]) => {
    const [agents, departments] = await Promise.all([
      organization.agentsByDepartmentIds(departmentIds),
      department.loadMany(departmentIds),
    ]);
    const ordinals = new Map<string, number>();
    for (const cell of departments) {
      if (cell && !(cell instanceof Error)) ordinals.set(cell.id, cell.ordinal);
    }
    for (const agent of agents) {
      agentStateLoader.prime(agent.id, hotStateOf(agent));
      const departmentOrdinal = ordinals.get(agent.departmentId);
      if (departmentOrdinal !== undefined) placed.set(agent, { departmentOrdinal });
    }
    return agents;
  };
  return {
    agentState: agentStateLoader,
    department,
    agent: byIdLoader((ids) => organization.agentsByIds(ids)),
    agentsByDepartment: groupLoader(placeAgents, (agent) => agent.departmentId),
    /**
     * Agents read by department in this request: their row carries their hot state and their
     * cell is known, so the fields of thousands of agents resolve without a promise each.
     */
    placed: placed as WeakMap<object, PlacedAgent>,
  };
}

export interface PlacedAgent {
  departmentOrdinal: number;
}

/** The hot state in a row just read (ms precision: only cache writes need the exact sequence). */
function hotStateOf(agent: AgentRecord): AgentHotState {
  return {
    id: agent.id,
    status: agent.status,
    currentTask: agent.currentTask,
    load: agent.load,
    budgetUsedUsd: agent.budgetUsedUsd,
    sequence: (agent.stateUpdatedAt?.getTime() ?? 0) * 1000,
  };
}

export function createAgentsContext(
  principal: Principal,
  em: EntityManager,
  events: {
    bus: EventBus;
    log: Logger;
    /** The service's hot-state cache; without one, every read goes to Postgres. */
    agentStateCache?: Cache<AgentHotState>;
    decisions: DecisionsDirectory;
    router: RouterService;
    jobs?: JobQueue | undefined;
  },
): AgentsContext {
  const organization = new OrganizationRepository(em);
  const agentState = new AgentStateRepository(
    em,
    // Without the service's cache, one that lives as long as this request: reads go to Postgres.
    events.agentStateCache ?? new MemoryCache<AgentHotState>({ prefix: '', maxEntries: 256 }),
    events.log,
  );
  const loaders = createLoaders(organization, agentState);
  return {
    principal,
    em,
    organization,
    agentState,
    loaders,
    honeycomb: createHoneycomb(organization, loaders),
    decisions: events.decisions,
    router: events.router,
    jobs: events.jobs,
    publish: (event) =>
      events.bus.publish(event).catch((error: unknown) => {
        events.log.error({ err: error, type: event.type }, 'event not published');
      }),
  };
}
