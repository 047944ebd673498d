import { BadInputError } from '@daena/platform';
import { decodeCursor } from '../../organization/domain/cursor.js';
import type { Hop } from '../domain/message-route.js';
import type { AgentsContext } from '../../request/context.js';
import { loadAll } from '../operations/load-fabric.js';
import type { CommunicationPath } from './message-types.js';

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
