/**
 * The Sunflower-Honeycomb organization as data (ARCHITECTURE §1): departments, the eight roles and
 * their capability matrix (from the design seed), and the agents a new organization starts with.
 */

export const AgentRole = {
  STRATEGIC_ADVISOR: 'STRATEGIC_ADVISOR',
  CREATIVE_ADVISOR: 'CREATIVE_ADVISOR',
  GROWTH_ADVISOR: 'GROWTH_ADVISOR',
  DATA_SCOUT: 'DATA_SCOUT',
  RESEARCH_SCOUT: 'RESEARCH_SCOUT',
  SYNTHESIZER: 'SYNTHESIZER',
  EXECUTION_AGENT: 'EXECUTION_AGENT',
  BORDER_AGENT: 'BORDER_AGENT',
} as const;
export type AgentRole = (typeof AgentRole)[keyof typeof AgentRole];

export const AgentStatus = {
  IDLE: 'IDLE',
  WORKING: 'WORKING',
  WAITING_FOR_CONSENSUS: 'WAITING_FOR_CONSENSUS',
  PAUSED: 'PAUSED',
  ERROR: 'ERROR',
} as const;
export type AgentStatus = (typeof AgentStatus)[keyof typeof AgentStatus];

export interface RoleCapability {
  role: AgentRole;
  title: string;
  /** What the role does on its own, below its autonomy threshold. */
  autonomousCapabilities: string[];
  /** What makes the role call the consensus protocol (CMP). */
  cmpTriggers: string[];
  /** Task complexity (0–1) above which the role asks CMP instead of acting alone. */
  autonomyThreshold: number;
  /** Default weight of the role's vote before track records adjust it. */
  defaultVotingWeight: number;
}

/** The capability matrix of the design seed ("Agent Capability Matrix"). */
export const roleCapabilities: readonly RoleCapability[] = [
  {
    role: AgentRole.STRATEGIC_ADVISOR,
    title: 'Strategic Advisor',
    autonomousCapabilities: ['market analysis', 'planning'],
    cmpTriggers: ['major strategic decisions'],
    autonomyThreshold: 0.6,
    defaultVotingWeight: 1.5,
  },
  {
    role: AgentRole.CREATIVE_ADVISOR,
    title: 'Creative Advisor',
    autonomousCapabilities: ['content generation', 'ideation'],
    cmpTriggers: ['brand direction changes'],
    autonomyThreshold: 0.6,
    defaultVotingWeight: 1.2,
  },
  {
    role: AgentRole.GROWTH_ADVISOR,
    title: 'Growth Advisor',
    autonomousCapabilities: ['performance optimization'],
    cmpTriggers: ['resource allocation above budget limit'],
    autonomyThreshold: 0.55,
    defaultVotingWeight: 1.2,
  },
  {
    role: AgentRole.DATA_SCOUT,
    title: 'Data Scout',
    autonomousCapabilities: ['data collection', 'analysis'],
    cmpTriggers: ['data privacy decisions'],
    autonomyThreshold: 0.5,
    defaultVotingWeight: 1.0,
  },
  {
    role: AgentRole.RESEARCH_SCOUT,
    title: 'Research Scout',
    autonomousCapabilities: ['trend monitoring', 'reporting'],
    cmpTriggers: ['research methodology changes'],
    autonomyThreshold: 0.5,
    defaultVotingWeight: 1.0,
  },
  {
    role: AgentRole.SYNTHESIZER,
    title: 'Synthesizer',
    autonomousCapabilities: ['information integration'],
    cmpTriggers: ['cross-department conflicts'],
    autonomyThreshold: 0.65,
    defaultVotingWeight: 1.3,
  },
  {
    role: AgentRole.EXECUTION_AGENT,
    title: 'Execution Agent',
    autonomousCapabilities: ['task implementation'],
    cmpTriggers: ['quality threshold breaches'],
    autonomyThreshold: 0.7,
    defaultVotingWeight: 1.0,
  },
  {
    role: AgentRole.BORDER_AGENT,
    title: 'Border Agent',
    autonomousCapabilities: ['communication facilitation'],
    cmpTriggers: ['inter-department disputes'],
    autonomyThreshold: 0.6,
    defaultVotingWeight: 1.1,
  },
];

export interface DepartmentSeed {
  slug: string;
  name: string;
}

/** The default eight departments, in honeycomb order (a deployment may change the list). */
export const defaultDepartments: readonly DepartmentSeed[] = [
  { slug: 'engineering', name: 'Engineering' },
  { slug: 'product', name: 'Product' },
  { slug: 'sales', name: 'Sales' },
  { slug: 'marketing', name: 'Marketing' },
  { slug: 'finance', name: 'Finance' },
  { slug: 'hr', name: 'HR' },
  { slug: 'legal', name: 'Legal' },
  { slug: 'customer-success', name: 'Customer Success' },
];

export interface AgentSeed {
  slug: string;
  name: string;
  role: AgentRole;
  departmentSlug: string;
  /** The agent's seat in its department's sunflower: the role's row in the matrix. */
  seat: number;
}

/** One agent per role per department: 8 × 8 = 64 for the default organization. */
export function seedAgents(departments: readonly DepartmentSeed[]): AgentSeed[] {
  return departments.flatMap((department) =>
    roleCapabilities.map((capability, seat) => ({
      seat,
      slug: `${department.slug}-${capability.role.toLowerCase().replaceAll('_', '-')}`,
      name: `${department.name} ${capability.title}`,
      role: capability.role,
      departmentSlug: department.slug,
    })),
  );
}
