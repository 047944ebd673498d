import type { MigrationObject } from '@mikro-orm/core';
import { Migration0001ProposalsAndVotes } from './0001-proposals-and-votes.js';

/** Every migration in order; new ones are appended, never edited once released. */
export const migrations: MigrationObject[] = [
  { name: '0001-proposals-and-votes', class: Migration0001ProposalsAndVotes },
];
