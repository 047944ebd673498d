import type { MigrationObject } from '@mikro-orm/core';
import { Migration0001ProposalsAndVotes } from './0001-proposals-and-votes.js';
import { Migration0002CmpLifecycle } from './0002-cmp-lifecycle.js';
import { Migration0003StakeholderEvidence } from './0003-stakeholder-evidence.js';
import { Migration0004ExecutiveVotes } from './0004-executive-votes.js';
import { Migration0005DecisionLedger } from './0005-decision-ledger.js';
import { Migration0006StakeholderAccuracy } from './0006-stakeholder-accuracy.js';
import { Migration0007ProposalsClosedAt } from './0007-proposals-closed-at.js';
import { Migration0008ProposalIdempotencyKeys } from './0008-proposal-idempotency-keys.js';

/** Every migration in order; new ones are appended, never edited once released. */
export const migrations: MigrationObject[] = [
  { name: '0001-proposals-and-votes', class: Migration0001ProposalsAndVotes },
  { name: '0002-cmp-lifecycle', class: Migration0002CmpLifecycle },
  { name: '0003-stakeholder-evidence', class: Migration0003StakeholderEvidence },
  { name: '0004-executive-votes', class: Migration0004ExecutiveVotes },
  { name: '0005-decision-ledger', class: Migration0005DecisionLedger },
  { name: '0006-stakeholder-accuracy', class: Migration0006StakeholderAccuracy },
  { name: '0007-proposals-closed-at', class: Migration0007ProposalsClosedAt },
  { name: '0008-proposal-idempotency-keys', class: Migration0008ProposalIdempotencyKeys },
];
