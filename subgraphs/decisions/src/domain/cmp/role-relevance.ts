import type { AgentRole } from '@daena/contracts/graphql/agents';
import { ProposalKind } from './contracts.js';

/**
 * How much each role's judgement matters for each kind of proposal. The roles are the agents
 * subgraph's AgentRole (generated from its schema: a role added there must be weighed here); the
 * figures are copied from its capability matrix (`roleCapabilities` in the agents domain's
 * organization.ts: `defaultVotingWeight` and `cmpTriggers`), which its schema does not serve:
 * change both together.
 */
export const roleVotingWeights: Readonly<Record<AgentRole, number>> = {
  STRATEGIC_ADVISOR: 1.5,
  CREATIVE_ADVISOR: 1.2,
  GROWTH_ADVISOR: 1.2,
  DATA_SCOUT: 1.0,
  RESEARCH_SCOUT: 1.0,
  SYNTHESIZER: 1.3,
  EXECUTION_AGENT: 1.0,
  BORDER_AGENT: 1.1,
};

/** The role whose CMP trigger names each kind (the capability matrix's `cmpTriggers`). */
export const kindRoles: Readonly<Record<ProposalKind, AgentRole>> = {
  STRATEGIC: 'STRATEGIC_ADVISOR',
  BRAND: 'CREATIVE_ADVISOR',
  RESOURCE_ALLOCATION: 'GROWTH_ADVISOR',
  DATA_PRIVACY: 'DATA_SCOUT',
  RESEARCH_METHOD: 'RESEARCH_SCOUT',
  CROSS_DEPARTMENT: 'SYNTHESIZER',
  QUALITY: 'EXECUTION_AGENT',
  DISPUTE: 'BORDER_AGENT',
};

/** Relevance of each role (by name) in an affected department, per kind; 0 or absent: no vote. */
export type RoleRelevance = Readonly<Record<ProposalKind, Readonly<Record<string, number>>>>;

/**
 * Who in an affected department votes: the role the kind names, at its default voting weight, and
 * the department's Strategic Advisor (anything above an agent's autonomy threshold is strategic
 * for its department) at `strategicFactor` of its weight. The Border Agents of neighbouring cells
 * are added by `selectStakeholders`.
 */
export function buildRoleRelevance(strategicFactor = 0.6): RoleRelevance {
  const table = {} as Record<ProposalKind, Record<string, number>>;
  for (const kind of Object.values(ProposalKind)) {
    const owner = kindRoles[kind];
    table[kind] = {
      STRATEGIC_ADVISOR: roleVotingWeights.STRATEGIC_ADVISOR * strategicFactor,
      [owner]: roleVotingWeights[owner],
    };
  }
  return table;
}

export const defaultRoleRelevance: RoleRelevance = buildRoleRelevance();

/** Relevance of a Border Agent of a neighbouring cell: half its default voting weight. */
export const defaultNeighbourBorderRelevance = roleVotingWeights.BORDER_AGENT * 0.5;
