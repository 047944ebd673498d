import type { MigrationObject } from '@mikro-orm/core';
import { Migration0001Organization } from './0001-organization.js';

/** Every migration in order; new ones are appended, never edited once released. */
export const migrations: MigrationObject[] = [
  { name: '0001-organization', class: Migration0001Organization },
];
