import type { MigrationObject } from '@mikro-orm/core';
import { Migration0001Organization } from './0001-organization.js';
import { Migration0002AgentSeats } from './0002-agent-seats.js';
import { Migration0003LifecycleAndState } from './0003-lifecycle-and-state.js';
import { Migration0004Messages } from './0004-messages.js';
import { Migration0005OrganizationAdmin } from './0005-organization-admin.js';
import { Migration0006Router } from './0006-router.js';
import { Migration0007Autonomy } from './0007-autonomy.js';
import { Migration0008RouterOutcomeSignals } from './0008-router-outcome-signals.js';
import { Migration0009AutonomyBudgetsApprovals } from './0009-autonomy-budgets-approvals.js';
import { Migration0010RouterIdempotency } from './0010-router-idempotency.js';
import { Migration0011AutonomyBudgetWaits } from './0011-autonomy-budget-waits.js';
import { Migration0012BorderRelayKeys } from './0012-border-relay-keys.js';
import { Migration0013ScanCursors } from './0013-scan-cursors.js';

/** Every migration in order; new ones are appended, never edited once released. */
export const migrations: MigrationObject[] = [
  { name: '0001-organization', class: Migration0001Organization },
  { name: '0002-agent-seats', class: Migration0002AgentSeats },
  { name: '0003-lifecycle-and-state', class: Migration0003LifecycleAndState },
  { name: '0004-messages', class: Migration0004Messages },
  { name: '0005-organization-admin', class: Migration0005OrganizationAdmin },
  { name: '0006-router', class: Migration0006Router },
  { name: '0007-autonomy', class: Migration0007Autonomy },
  { name: '0008-router-outcome-signals', class: Migration0008RouterOutcomeSignals },
  { name: '0009-autonomy-budgets-approvals', class: Migration0009AutonomyBudgetsApprovals },
  { name: '0010-router-idempotency', class: Migration0010RouterIdempotency },
  { name: '0011-autonomy-budget-waits', class: Migration0011AutonomyBudgetWaits },
  { name: '0012-border-relay-keys', class: Migration0012BorderRelayKeys },
  { name: '0013-scan-cursors', class: Migration0013ScanCursors },
];
