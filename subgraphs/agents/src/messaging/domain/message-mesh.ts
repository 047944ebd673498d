import {
  adjacency,
  departmentHex,
  hexDistance,
  hubHex,
} from '../../organization/domain/honeycomb.js';
import { AgentRole } from '../../organization/domain/organization.js';

/** What the fabric needs of a department (a `DepartmentRecord` fits). */
export interface MeshDepartment {
  id: string;
  ordinal: number;
  retiredAt: Date | null;
}

/** What the fabric needs of an agent (an `AgentRecord` fits). */
export interface MeshAgent {
  id: string;
  departmentId: string;
  role: AgentRole;
  seat: number;
  retiredAt: Date | null;
}

/**
 * The organization as the message fabric sees it (issue 3): the occupied cells of the honeycomb
 * (retired departments leave a hole), who lives in each, and each cell's Border Agent.
 */
export interface Mesh {
  /** Active departments, in ordinal order. */
  readonly departments: readonly MeshDepartment[];
  department(id: string): MeshDepartment | undefined;
  /** Active departments sharing an edge with this one, in ordinal order. */
  neighbors(departmentId: string): readonly string[];
  /** The active Border Agent in the lowest seat, or undefined when the cell has none. */
  borderAgent(departmentId: string): string | undefined;
  /** Active agents of the department, in seat order. */
  members(departmentId: string): readonly string[];
  /** Whether the department's cell shares an edge with the hub's. */
  touchesHub(departmentId: string): boolean;
}

export function buildMesh(
  departments: readonly MeshDepartment[],
  agents: readonly MeshAgent[],
): Mesh {
  const active = departments
    .filter((department) => department.retiredAt === null)
    .sort((a, b) => a.ordinal - b.ordinal);
  const byId = new Map(active.map((department) => [department.id, department]));
  const cells = active.map((department) => ({
    department,
    hex: departmentHex(department.ordinal),
  }));
  const neighbors = new Map<string, string[]>();
  for (const [cell, adjacent] of adjacency(cells)) {
    neighbors.set(
      cell.department.id,
      adjacent
        .map((other) => other.department)
        .sort((a, b) => a.ordinal - b.ordinal)
        .map((other) => other.id),
    );
  }
  const members = new Map<string, string[]>();
  const borders = new Map<string, string>();
  // Seat order makes "the lowest seat" the first Border Agent met, and member lists stable.
  for (const agent of agents.filter((a) => a.retiredAt === null).sort((a, b) => a.seat - b.seat)) {
    if (!byId.has(agent.departmentId)) continue;
    members.set(agent.departmentId, [...(members.get(agent.departmentId) ?? []), agent.id]);
    if (agent.role === AgentRole.BORDER_AGENT && !borders.has(agent.departmentId)) {
      borders.set(agent.departmentId, agent.id);
    }
  }
  const hubSide = new Set(
    cells.filter((cell) => hexDistance(cell.hex, hubHex) === 1).map((cell) => cell.department.id),
  );
  return {
    departments: active,
    department: (id) => byId.get(id),
    neighbors: (id) => neighbors.get(id) ?? [],
    borderAgent: (id) => borders.get(id),
    members: (id) => members.get(id) ?? [],
    touchesHub: (id) => hubSide.has(id),
  };
}
