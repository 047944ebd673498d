import type { MigrationObject } from '@mikro-orm/core';
import { Migration0001Organization } from './0001-organization.js';
import { Migration0002AgentSeats } from './0002-agent-seats.js';

/** Every migration in order; new ones are appended, never edited once released. */
export const migrations: MigrationObject[] = [
  { name: '0001-organization', class: Migration0001Organization },
  { name: '0002-agent-seats', class: Migration0002AgentSeats },
];
