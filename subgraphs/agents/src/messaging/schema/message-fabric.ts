import { BadInputError, NotFoundError } from '@daena/platform';
import { decodeCursor } from '../../organization/domain/cursor.js';
import { buildMesh, type Mesh } from '../domain/message-mesh.js';
import type { Hop } from '../domain/message-route.js';
import type { AgentRecord, DepartmentRecord } from '../../organization/store/entities.js';
import type { AgentsContext } from '../../request/context.js';
import type { CommunicationPath } from './message-types.js';

export interface Fabric {
  mesh: Mesh;
  /** One of the agents asked for, with its department's slug. */
  agent(id: string): AgentRecord & { departmentSlug: string };
}

/**
 * The organization as the fabric routes it, and the agents `endpointIds` (NOT_FOUND for unknown
 * or malformed ids; retired agents are found, for the domain to refuse). Three batched reads
 * however large the organization: active departments, their active agents (routing may need any
 * cell's Border Agent), and endpoints not among those. What is read primes the request's loaders,
 * so the agents and departments of the response cost no further query.
 */
export async function loadFabric(
  ctx: AgentsContext,
  endpointIds: readonly string[],
): Promise<Fabric> {
  const departments = await ctx.honeycomb.departments();
  const groups = await ctx.loaders.agentsByDepartment.loadMany(departments.map((d) => d.id));
  const agents = groups.flatMap((group) => (group instanceof Error ? [] : group));
  for (const agent of agents) ctx.loaders.agent.prime(agent.id, agent);
  const endpoints = await loadAll(ctx.loaders.agent, endpointIds);
  const endpointDepartments = await loadAll(
    ctx.loaders.department,
    [...endpoints.values()].map((agent) => agent.departmentId),
  );
  return {
    mesh: buildMesh(departments, agents),
    agent(id) {
      const agent = endpoints.get(id);
      if (!agent) throw new NotFoundError('Agent', id);
      return { ...agent, departmentSlug: endpointDepartments.get(agent.departmentId)?.slug ?? '' };
    },
  };
}

/** Hops as GraphQL objects; agents and departments come through the request's loaders. */
export async function toCommunicationPath(
  ctx: AgentsContext,
  hops: readonly Hop[],
): Promise<CommunicationPath> {
  const [agents, departments] = await Promise.all([
    loadAll(
      ctx.loaders.agent,
      hops.map((hop) => hop.agentId),
    ),
    loadAll(
      ctx.loaders.department,
      hops.map((hop) => hop.departmentId),
    ),
  ]);
  const cells = [...new Set(hops.map((hop) => hop.departmentId))];
  return {
    hops: hops.map((hop) => ({
      kind: hop.kind,
      agent: hop.agentId === null ? null : (agents.get(hop.agentId) ?? null),
      department: hop.departmentId === null ? null : (departments.get(hop.departmentId) ?? null),
    })),
    departments: cells.flatMap((id) => {
      const department = id === null ? undefined : departments.get(id);
      return department ? [department] : [];
    }),
    length: Math.max(hops.length - 1, 0),
  };
}

async function loadAll<T extends AgentRecord | DepartmentRecord>(
  loader: { loadMany(ids: readonly string[]): Promise<(T | null | Error)[]> },
  ids: readonly (string | null)[],
): Promise<Map<string, T>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const found = await loader.loadMany(wanted);
  return new Map(
    found.flatMap((row) => (row === null || row instanceof Error ? [] : [[row.id, row] as const])),
  );
}

const maxPageSize = 100;

/** Validated page arguments: `first` in 1–100 and a cursor this API issued. */
export function pageArguments(
  first: number,
  after: string | null | undefined,
): { first: number; afterKey: number | null } {
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
    throw new BadInputError(`first must be between 1 and ${maxPageSize}`, 'PAGE_SIZE_OUT_OF_RANGE');
  }
  if (after === undefined || after === null) return { first, afterKey: null };
  const afterKey = decodeCursor(after);
  if (afterKey === null)
    throw new BadInputError('after is not a cursor from this API', 'INVALID_CURSOR');
  return { first, afterKey };
}
