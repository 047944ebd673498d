import type { AgentRole, AgentStatus } from '../domain/organization.js';

/* The organization's rows as the service works with them (`rows.ts` maps them from SQL). */

export interface DepartmentRecord {
  id: string;
  slug: string;
  name: string;
  ordinal: number;
  version: number;
  createdAt: Date;
  /** Set when the department is retired: it keeps its cell and slug, and takes no agents. */
  retiredAt: Date | null;
}

export interface AgentRecord {
  id: string;
  slug: string;
  name: string;
  role: AgentRole;
  status: AgentStatus;
  departmentId: string;
  /** Stable place in the department's sunflower (0-based, never reused in a department). */
  seat: number;
  version: number;
  createdAt: Date;
  /** Set when the agent is retired: it keeps its row (history refers to it) but does no work. */
  retiredAt: Date | null;
  /** Hot state (write-through cached): what the agent is doing, how busy it is, what it spent. */
  currentTask: string | null;
  /** 0–1: the share of its capacity in use. */
  load: number;
  budgetUsedUsd: number;
  stateUpdatedAt: Date | null;
}
