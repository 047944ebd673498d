import { NotFoundError } from '@daena/platform';
import { buildMesh, type Mesh } from '../domain/message-mesh.js';
import type { AgentRecord, DepartmentRecord } from '../../organization/store/records.js';
import type { AgentsContext } from '../../request/context.js';

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

/** The rows of `ids` the loader finds, by id (nulls, unknown ids and errors left out). */
export async function loadAll<T extends AgentRecord | DepartmentRecord>(
  loader: { loadMany(ids: readonly string[]): Promise<(T | null | Error)[]> },
  ids: readonly (string | null)[],
): Promise<Map<string, T>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const found = await loader.loadMany(wanted);
  return new Map(
    found.flatMap((row) => (row === null || row instanceof Error ? [] : [[row.id, row] as const])),
  );
}
