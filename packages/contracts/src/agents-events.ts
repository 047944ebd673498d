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
  /** The sender's department. */
  fromDepartmentId: string;
  /**
   * Whether the message leaves the sender's cell (department): a ring, radial or global one, or
   * a direct one to another department. What the collaboration score counts (issue 17).
   */
  crossesCells: boolean;
  /** Every agent the message is delivered to (the addressee, or the topic's audience). */
  recipientAgentIds: string[];
  /** Border Agents the message travelled through, in order (empty within a cell). */
  viaAgentIds: string[];
}

/** A task changed state (created, started, waiting, done, failed): `taskUpdates`. */
export interface TaskUpdated {
  taskId: string;
  departmentId: string;
  assigneeId: string;
  status: string;
}

/** A step of an agent's run was checkpointed with its outcome: `agentActivity`. */
export interface RunStepRecorded {
  runId: string;
  taskId: string;
  agentId: string;
  departmentId: string;
  seq: number;
  kind: string;
  status: string;
}

export const agentsEvents = {
  agentsSeeded: defineEvent<{ departments: number; agents: number }>('agents.organization.seeded'),
  agentStatusChanged: defineEvent<AgentStatusChanged>('agents.agent.status_changed'),
  departmentChanged: defineEvent<DepartmentChanged>('agents.department.changed'),
  agentChanged: defineEvent<AgentChanged>('agents.agent.changed'),
  agentStateChanged: defineEvent<AgentStateChanged>('agents.agent.state_changed'),
  agentMessageSent: defineEvent<AgentMessageSent>('agents.message.sent'),
  taskUpdated: defineEvent<TaskUpdated>('agents.task.updated'),
  runStepRecorded: defineEvent<RunStepRecorded>('agents.run.step_recorded'),
} as const;
