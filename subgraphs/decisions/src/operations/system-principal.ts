import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobHandler, Principal } from '@daena/platform';
import { systemActor } from '../domain/lifecycle.js';
import {
  createDecisionsContext,
  type DecisionsContext,
  type DecisionsRuntime,
} from '../request/context.js';

/** Who acts when a job runs: nobody's token, the `system` actor of transitions. */
export const systemPrincipal: Principal = Object.freeze({
  sub: systemActor,
  roles: [],
  department: null,
  token: null,
});

/**
 * A queue worker's handler: runs `operation` as the system on one fresh EntityManager per job
 * (STYLE habit 11) and logs what it did with the job.
 */
export function systemJobHandler<J extends object, R>(
  operation: (ctx: DecisionsContext, job: J) => Promise<R>,
  fork: () => EntityManager,
  runtime: DecisionsRuntime,
  handled: string,
): JobHandler<J> {
  return async (job) => {
    const result = await operation(createDecisionsContext(systemPrincipal, fork(), runtime), job);
    const fields: Record<string, unknown> = { ...job, result };
    runtime.log.info(fields, handled);
  };
}
