import type { Mesh } from './message-mesh.js';

/**
 * Routes on the honeycomb (issue 3). A message leaves and enters a cell only through the cell's
 * Border Agent, and Border Agents hand it on only to edge-sharing cells; so a route between two
 * departments is a shortest chain of adjacent cells that all have a Border Agent, found by
 * breadth-first search (shortest paths in an unweighted graph: Cormen et al., CLRS §22.2).
 *
 * The hub is passable for RADIAL traffic only, as its end: it is the Daena VP, not a department,
 * and has no Border Agent to relay with. Letting department-to-department traffic cut through it
 * would make the VP a relay for every cross-cell message, which the design gives to the Border
 * Agents.
 */

export const HopKind = {
  SENDER: 'SENDER',
  BORDER: 'BORDER',
  HUB: 'HUB',
  RECIPIENT: 'RECIPIENT',
} as const;
export type HopKind = (typeof HopKind)[keyof typeof HopKind];

/** One hand-off of a message; the hub hop has neither agent nor department. */
export interface Hop {
  kind: HopKind;
  agentId: string | null;
  departmentId: string | null;
}

/**
 * Every department a message from `from` can reach, each with the department it came from, in
 * breadth-first order (nearest first). Neighbours are visited in ordinal order, so among equally
 * short routes the same one wins every time.
 */
export function routesFrom(mesh: Mesh, from: string): Map<string, string | null> {
  const parent = new Map<string, string | null>([[from, null]]);
  if (mesh.borderAgent(from) === undefined) return parent;
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head] as string;
    for (const next of mesh.neighbors(current)) {
      if (parent.has(next) || mesh.borderAgent(next) === undefined) continue;
      parent.set(next, current);
      queue.push(next);
    }
  }
  return parent;
}

/** The departments from `from` to `to` along a shortest relay chain, or null when none exists. */
export function departmentPath(mesh: Mesh, from: string, to: string): string[] | null {
  return unwind(routesFrom(mesh, from), to);
}

/** The departments from `from` to the nearest cell touching the hub, or null when none exists. */
export function hubPath(mesh: Mesh, from: string): string[] | null {
  // Without a Border Agent nothing leaves the cell, not even for the hub next door.
  if (mesh.borderAgent(from) === undefined) return null;
  const routes = routesFrom(mesh, from);
  const nearest = [...routes.keys()].find((id) => mesh.touchesHub(id));
  return nearest === undefined ? null : unwind(routes, nearest);
}

function unwind(parent: Map<string, string | null>, to: string): string[] | null {
  if (!parent.has(to)) return null;
  const path = [to];
  for (let at = parent.get(to); at != null; at = parent.get(at)) path.unshift(at);
  return path;
}

interface Endpoint {
  id: string;
  departmentId: string;
}

/**
 * Sender → its cell's Border Agent → each Border Agent on the way → the addressee's cell's Border
 * Agent → addressee; within one cell, sender → addressee. Null when no relay chain exists.
 */
export function directHops(mesh: Mesh, sender: Endpoint, addressee: Endpoint): Hop[] | null {
  const cells = departmentPath(mesh, sender.departmentId, addressee.departmentId);
  if (!cells) return null;
  const borders = cells.length > 1 ? cells.map((id) => borderHop(mesh, id)) : [];
  return withoutRepeats([
    { kind: HopKind.SENDER, agentId: sender.id, departmentId: sender.departmentId },
    ...borders,
    { kind: HopKind.RECIPIENT, agentId: addressee.id, departmentId: addressee.departmentId },
  ]);
}

/** Sender → Border Agents out along the shortest spoke → the hub. Null when no chain exists. */
export function radialHops(mesh: Mesh, sender: Endpoint): Hop[] | null {
  const cells = hubPath(mesh, sender.departmentId);
  if (!cells) return null;
  return withoutRepeats([
    { kind: HopKind.SENDER, agentId: sender.id, departmentId: sender.departmentId },
    ...cells.map((id) => borderHop(mesh, id)),
    { kind: HopKind.HUB, agentId: null, departmentId: null },
  ]);
}

function borderHop(mesh: Mesh, departmentId: string): Hop {
  return { kind: HopKind.BORDER, agentId: mesh.borderAgent(departmentId) ?? null, departmentId };
}

/**
 * A Border Agent that is itself the sender or the addressee does not hand the message to itself:
 * the sender or recipient hop stands for it.
 */
function withoutRepeats(hops: Hop[]): Hop[] {
  const result: Hop[] = [];
  for (const hop of hops) {
    const last = result.at(-1);
    if (last?.agentId == null || last.agentId !== hop.agentId) result.push(hop);
    else if (hop.kind === HopKind.RECIPIENT) result[result.length - 1] = hop;
  }
  return result;
}
