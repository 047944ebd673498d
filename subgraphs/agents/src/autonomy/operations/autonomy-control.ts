import { BadInputError, requestConnection, requireRole, Role } from '@daena/platform';
import type { AgentsContext } from '../../request/context.js';
import {
  AutonomyControlRepository,
  type AutonomyControl,
} from '../store/autonomy-control-repository.js';

const reasonMax = 500;

/**
 * The global kill switch (admins and executives): halted, every run stops before its next step
 * and waits (its job is retried), and resumes from its checkpoints when autonomy is resumed.
 */
export function setAutonomyHalted(
  ctx: AgentsContext,
  halted: boolean,
  reason: string | null,
): Promise<AutonomyControl> {
  requireRole(ctx.principal, Role.EXECUTIVE);
  const why = reason?.trim() || null;
  if (halted && (!why || why.length > reasonMax)) {
    throw new BadInputError(
      `halting needs a reason of 1–${reasonMax} characters`,
      'HALT_REASON_REQUIRED',
    );
  }
  return new AutonomyControlRepository(requestConnection(ctx.em)).set(
    halted,
    halted ? why : null,
    ctx.principal.sub ?? 'unknown',
  );
}
