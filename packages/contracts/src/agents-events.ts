import { defineEvent } from '@daena/platform/domain';

// Owner: the agents subgraph's organization, state and messaging (it alone publishes these).

export interface AgentEvent {
  agentId: string;
  departmentId: string;
}

export interface AgentStatusChanged {
  agentId: string;
  departmentId: string;
  status: string;
  previousStatus: string;
}

export interface DepartmentChanged {
  departmentId: string;
  slug: string;
  change: 'created' | 'renamed' | 'retired';
  version: number;
}

export interface AgentChanged {
  agentId: string;
  departmentId: string;
  change: 'hired' | 'renamed' | 'reassigned' | 'retired';
  /** For `reassigned`: the department the agent left. */
  previousDepartmentId?: string;
  version: number;
}

export interface AgentStateChanged {
  agentId: string;
  departmentId: string;
  status: string;
  currentTask: string | null;
  load: number;
  budgetUsedUsd: number;
}

export interface AgentMessageSent {
  messageId: string;
  topic: string;
  fromAgentId: string;
  /** Every agent the message is delivered to (the addressee, or the topic's audience). */
  recipientAgentIds: string[];
  /** Border Agents the message travelled through, in order (empty within a cell). */
  viaAgentIds: string[];
}

export const agentsEvents = {
  agentsSeeded: defineEvent<{ departments: number; agents: number }>('agents.organization.seeded'),
  agentStatusChanged: defineEvent<AgentStatusChanged>('agents.agent.status_changed'),
  departmentChanged: defineEvent<DepartmentChanged>('agents.department.changed'),
  agentChanged: defineEvent<AgentChanged>('agents.agent.changed'),
  agentStateChanged: defineEvent<AgentStateChanged>('agents.agent.state_changed'),
  agentMessageSent: defineEvent<AgentMessageSent>('agents.message.sent'),
} as const;
