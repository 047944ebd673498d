import { requestConnection, Role, signToken, type JobQueue, type Logger } from '@daena/platform';
import { Jobs } from '@daena/contracts';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RunRepository } from '../store/run-repository.js';
import { TaskRepository } from '../store/task-repository.js';
import type { DecisionsEscalation } from '../store/decisions-escalation.js';
import { catchUpScans, type CatchUpFeeds, type CaughtUp } from './catch-up-scans.js';
import { runJob } from './create-task.js';
import { scanMessages, type ScanDependencies } from './scan-for-work.js';

export interface SweepDependencies extends ScanDependencies {
  fork(): EntityManager;
  escalation: DecisionsEscalation;
  /** The other services whose lost events the sweep catches up on (none given: not read). */
  feeds: CatchUpFeeds;
  jwtSecret: string;
  log: Logger;
  /** Open tasks unchanged this long are queued again. */
  staleSeconds: number;
}

/** Most runs and tasks one sweep looks at: the next sweep takes the rest. */
const sweepBatch = 200;

/**
 * One sweep (issue 15): every run parked for a proposal that decisions says has closed is queued
 * (its run reads the outcome and goes on or ends, as on the `proposal.closed` event that this
 * process missed), and every stale open task of a working agent is queued again (its job was
 * given up while the agent was paused or autonomy halted). Idempotent: a task has at most one
 * queued job, and a run reads its state from its checkpoints. It also scans direct messages, and
 * catches up on the new entries, firing alerts and accepted proposals whose events the bus lost
 * (catch-up-scans.ts).
 */
export async function sweepAutonomy(
  jobs: JobQueue,
  deps: SweepDependencies,
): Promise<{ closedProposals: number; staleTasks: number; scanned: number; caughtUp: CaughtUp }> {
  const em = deps.fork();
  const parked = await new RunRepository(em).parkedForConsensus(sweepBatch);
  const closed: string[] = [];
  for (const run of parked) {
    const token = await signToken(deps.jwtSecret, { sub: run.agentId, roles: [Role.AGENT] }, '5m');
    try {
      const status = await deps.escalation.status(run.proposalId, token);
      if (status !== null && status !== 'DRAFT' && status !== 'OPEN') closed.push(run.taskId);
    } catch (error) {
      // Decisions down: the next sweep asks again.
      deps.log.warn({ err: error, proposalId: run.proposalId }, 'proposal status unavailable');
    }
  }
  const stale = await new TaskRepository(requestConnection(em)).staleOpenTasks(
    deps.staleSeconds,
    sweepBatch,
  );
  for (const taskId of closed) await queueRun(jobs, taskId);
  for (const task of stale) await queueRun(jobs, task.id, task.key);
  const scanned = await scanMessages(deps);
  const caughtUp = await catchUpScans(deps);
  return { closedProposals: closed.length, staleTasks: stale.length, scanned, caughtUp };
}

/** Queues a task's run (a no-op when one is queued under `key` already: by default the task's). */
export function queueRun(jobs: JobQueue, taskId: string, key = taskId): Promise<string | null> {
  return jobs.send(Jobs.taskRun, { taskId }, { singletonKey: key, ...runJob });
}

/**
 * Works the sweep queue and keeps the chain going: each slot's sweep, once done, sends the next
 * slot's (one per slot by its singleton key, however many replicas work the queue).
 */
export async function scheduleAutonomySweep(
  jobs: JobQueue,
  deps: SweepDependencies & { periodSeconds: number },
  clock: () => Date = () => new Date(),
): Promise<void> {
  const periodMs = deps.periodSeconds * 1_000;
  const sendFor = (slot: number) => {
    const at = new Date(slot);
    return jobs.send(
      Jobs.autonomySweep,
      { slot: at.toISOString() },
      { singletonKey: at.toISOString(), startAfter: at },
    );
  };
  await jobs.work(Jobs.autonomySweep, async () => {
    const swept = await sweepAutonomy(jobs, deps);
    const { knowledge, alerts, proposals } = swept.caughtUp;
    const caughtUp = (knowledge ?? 0) + (alerts ?? 0) + (proposals ?? 0);
    if (swept.closedProposals + swept.staleTasks + swept.scanned + caughtUp > 0) {
      deps.log.info(swept, 'autonomy swept');
    }
    await sendFor((Math.floor(clock().getTime() / periodMs) + 1) * periodMs);
  });
  await sendFor(Math.floor(clock().getTime() / periodMs) * periodMs);
}
