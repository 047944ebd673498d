import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobHandler } from '@daena/platform';
import type { RoundDeadline } from '@daena/contracts';
import { systemActor } from '../domain/lifecycle.js';
import type { DecisionsContext, DecisionsRuntime } from '../request/context.js';
import { runInTransaction } from '../store/decision-transaction.js';
import { closeRound } from './close-round.js';
import { announce, noEffects } from './effects.js';
import { lockOpenRound } from './lifecycle-steps.js';
import { systemJobHandler } from './system-principal.js';

export type DeadlineResult = 'closed' | 'not-open';

/**
 * Closes a round whose deadline came (the `Jobs.roundDeadline` job, sent with `startAfter` when
 * the round opened). Idempotent: a round already closed (every stakeholder voted, an
 * intervention, a redelivery) or a proposal no longer open is left alone. A job run before the
 * deadline (clock skew between replicas) throws, so the queue retries it later.
 */
async function closeRoundAtDeadline(
  ctx: DecisionsContext,
  job: RoundDeadline,
): Promise<DeadlineResult> {
  const effects = noEffects();
  const result = await runInTransaction(
    ctx.em,
    ctx.runtime.jobs,
    async (tx): Promise<DeadlineResult> => {
      const open = await lockOpenRound(tx, job);
      if (!open) return 'not-open';
      const { proposal, round } = open;
      const now = ctx.runtime.now();
      if (now.getTime() < round.deadline.getTime()) {
        throw new Error(
          `round ${job.round} of proposal ${job.proposalId} is due at ${round.deadline.toISOString()}, not yet`,
        );
      }
      const because =
        proposal.deadline && proposal.deadline <= now ? 'proposal deadline' : 'round deadline';
      await closeRound(ctx, tx, proposal, { because, by: systemActor }, effects);
      return 'closed';
    },
  );
  await announce(ctx.runtime, effects);
  return result;
}

/** The queue worker's handler (`Jobs.roundDeadline`). */
export function roundDeadlineHandler(
  fork: () => EntityManager,
  runtime: DecisionsRuntime,
): JobHandler<RoundDeadline> {
  return systemJobHandler(closeRoundAtDeadline, fork, runtime, 'round deadline handled');
}
