import { AgentStatus } from '@daena/contracts/graphql/agents';
import { BadInputError, NotFoundError } from '@daena/platform/domain';
import type { Voter } from './cmp/contracts.js';

/** A department as the agents subgraph describes it (the shape of `AgentsDirectory`). */
export interface OrganizationCell {
  id: string;
  slug: string;
  neighborIds: readonly string[];
  agents: readonly { id: string; role: string; status: string }[];
}

/** A paused agent does no work, so it is asked for no vote either. */
const inactiveStatuses: ReadonlySet<string> = new Set([AgentStatus.PAUSED]);

export interface Electorate {
  /** Every active agent of the organization with its role and department. */
  voters: Voter[];
  /** Department id → ids of its neighbouring cells. */
  neighbors: Record<string, string[]>;
}

/** The organization as `selectStakeholders` reads it. */
export function electorateOf(organization: readonly OrganizationCell[]): Electorate {
  const voters: Voter[] = [];
  const neighbors: Record<string, string[]> = {};
  for (const department of organization) {
    neighbors[department.id] = [...department.neighborIds];
    for (const agent of department.agents) {
      if (inactiveStatuses.has(agent.status)) continue;
      voters.push({ agentId: agent.id, role: agent.role, departmentId: department.id });
    }
  }
  return { voters, neighbors };
}

/** The departments a proposal names, in its order; NOT_FOUND for one that does not exist. */
export function departmentsNamed(
  organization: readonly OrganizationCell[],
  departmentIds: readonly string[],
): OrganizationCell[] {
  const byId = new Map(organization.map((department) => [department.id, department]));
  return departmentIds.map((id) => {
    const department = byId.get(id);
    if (!department) throw new NotFoundError('Department', id);
    return department;
  });
}

/** The department an agent works in, or null when it is not a current agent. */
export function departmentOfAgent(
  organization: readonly OrganizationCell[],
  agentId: string,
): OrganizationCell | null {
  return organization.find((department) => department.agents.some((a) => a.id === agentId)) ?? null;
}

/** A proposal nobody can vote on cannot open. */
export function assertHasStakeholders(count: number): void {
  if (count === 0) {
    throw new BadInputError(
      'No agent qualifies to vote on this proposal (no relevant role in the affected departments, no Border Agent next to them)',
      'NO_STAKEHOLDERS',
    );
  }
}
