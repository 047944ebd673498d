import { EntitySchema } from '@mikro-orm/core';
import type { AgentRole, AgentStatus } from '../domain/organization.js';
import { MessageDeliveryEntity, MessageEntity } from '../../messaging/store/message-entities.js';

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

export const DepartmentEntity = new EntitySchema<DepartmentRecord>({
  name: 'Department',
  tableName: 'departments',
  properties: {
    id: { type: 'uuid', primary: true },
    slug: { type: 'text', unique: true },
    name: { type: 'text' },
    ordinal: { type: 'integer' },
    version: { type: 'integer', version: true },
    createdAt: { type: 'Date', fieldName: 'created_at', defaultRaw: 'now()' },
    retiredAt: { type: 'Date', fieldName: 'retired_at', nullable: true },
  },
});

export const AgentEntity = new EntitySchema<AgentRecord>({
  name: 'Agent',
  tableName: 'agents',
  properties: {
    id: { type: 'uuid', primary: true },
    slug: { type: 'text', unique: true },
    name: { type: 'text' },
    role: { type: 'text' },
    status: { type: 'text' },
    departmentId: { type: 'uuid', fieldName: 'department_id' },
    seat: { type: 'integer' },
    version: { type: 'integer', version: true },
    createdAt: { type: 'Date', fieldName: 'created_at', defaultRaw: 'now()' },
    retiredAt: { type: 'Date', fieldName: 'retired_at', nullable: true },
    currentTask: { type: 'text', fieldName: 'current_task', nullable: true },
    load: { type: 'double', defaultRaw: '0' },
    budgetUsedUsd: { type: 'double', fieldName: 'budget_used_usd', defaultRaw: '0' },
    stateUpdatedAt: { type: 'Date', fieldName: 'state_updated_at', nullable: true },
  },
});

export const entities = [DepartmentEntity, AgentEntity, MessageEntity, MessageDeliveryEntity];
