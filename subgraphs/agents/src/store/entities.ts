import { EntitySchema } from '@mikro-orm/core';
import type { AgentRole, AgentStatus } from '../domain/organization.js';

export interface DepartmentRecord {
  id: string;
  slug: string;
  name: string;
  ordinal: number;
  version: number;
  createdAt: Date;
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
  },
});

export const entities = [DepartmentEntity, AgentEntity];
