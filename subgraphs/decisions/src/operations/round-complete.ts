import type { EntityManager } from '@mikro-orm/postgresql';
import { type JobHandler } from '@daena/platform';
import { Jobs, jobKeys, type RoundComplete } from '@daena/contracts';
import { systemActor } from '../domain/lifecycle.js';
import type { DecisionsContext, DecisionsRuntime } from '../request/context.js';
import { runInTransaction, type DecisionTransaction } from '../store/decision-transaction.js';
import { closeRound } from './close-round.js';
import { announce, noEffects } from './effects.js';
import { lockOpenRound } from './lifecycle-steps.js';
import { systemJobHandler } from './system-principal.js';

export type CompleteResult = 'closed' | 'not-open' | 'incomplete';

/** Why a round closed once every stakeholder voted (stored on the round and in its transition). */
const everyoneVoted = 'every stakeholder voted';

/**
 * Closes a round every stakeholder voted in, in its own transaction (issue 4, item 9: the
 * completing vote commits and publishes its tally first; this runs right after it, and from the
 * `Jobs.roundComplete` job if that process died). It takes the proposal's lock, then checks, so
 * any number of concurrent calls close the round once: a round already closed (by an earlier
 * call, its deadline or an intervention), a proposal no longer open, and a round not complete
 * (the vote whose transaction sent the job rolled back) are left alone.
 */
export async function closeCompletedRound(
  ctx: DecisionsContext,
  job: RoundComplete,
): Promise<CompleteResult> {
  const effects = noEffects();
  const result = await runInTransaction(
    ctx.em,
    ctx.runtime.jobs,
    async (tx): Promise<CompleteResult> => {
      const open = await lockOpenRound(tx, job);
      if (!open) return 'not-open';
      const { proposal } = open;
      const stakeholders = await tx.stakeholders.agentsOf(proposal.id);
      if ((await tx.votes.count(proposal.id, job.round)) < stakeholders.length) return 'incomplete';
      await closeRound(ctx, tx, proposal, { because: everyoneVoted, by: systemActor }, effects);
      return 'closed';
    },
  );
  if (result === 'closed') {
    ctx.afterWrite();
    await announce(ctx.runtime, effects);
  }
  return result;
}

/**
 * Queues the close of a completed round in the completing vote's own transaction, so it survives
 * the process dying right after that commit. It waits `roundCloseBackstopSeconds`, by which time
 * the vote's own process has normally closed the round and the job finds nothing to do.
 */
export async function queueRoundComplete(
  runtime: DecisionsRuntime,
  tx: DecisionTransaction,
  job: RoundComplete,
): Promise<void> {
  const startAfter = new Date(runtime.now().getTime() + runtime.roundCloseBackstopSeconds * 1000);
  await tx.jobs.send(Jobs.roundComplete, [
    { data: job, startAfter, singletonKey: jobKeys.roundComplete(job) },
  ]);
}

/** The queue worker's handler (`Jobs.roundComplete`). */
export function roundCompleteHandler(
  fork: () => EntityManager,
  runtime: DecisionsRuntime,
): JobHandler<RoundComplete> {
  return systemJobHandler(closeCompletedRound, fork, runtime, 'round-complete job handled');
}
