import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { requestConnection, type EventBus, type JobQueue } from '@daena/platform';
import { Events, Jobs } from '@daena/contracts';
import { RunRepository } from '../store/run-repository.js';
import { RunDeferredError, runTask, type RunTaskDependencies } from './run-task.js';
import { AgentStatus } from '../../organization/domain/organization.js';
import { TaskRepository } from '../store/task-repository.js';
import { queueRun, scheduleAutonomySweep } from './autonomy-sweep.js';
import { followUpProposal, scanMessages, type ScanDependencies } from './scan-for-work.js';
import { scanAlert, scanKnowledgeEntry } from './scan-environment.js';
import type { CatchUpFeeds } from './catch-up-scans.js';

/**
 * Works task runs in this process until the queue stops (issue 15 §2), and queues the run of every
 * task waiting for a proposal when that proposal closes (the run reads the outcome itself).
 */
export async function startTaskWorker(
  jobs: JobQueue,
  deps: Omit<RunTaskDependencies, 'owner' | 'jobs'> & {
    bus: EventBus;
    /** The sweep's period, and how long an open task may sit unchanged before it is queued again. */
    sweep: { periodSeconds: number; staleSeconds: number };
    scan: ScanDependencies['scan'];
    /** Where the sweep catches up on the events of other services that the bus lost. */
    feeds: CatchUpFeeds;
  },
): Promise<void> {
  deps.bus.subscribe(Events.proposalClosed, async (event) => {
    const waiting = await new RunRepository(deps.fork()).tasksWaitingFor(event.data.proposalId);
    for (const taskId of waiting) await queueRun(jobs, taskId);
    await followUpProposal(deps, event.data);
  });
  // A direct message is work for its addressee at once (the sweep's scan catches any missed).
  deps.bus.subscribe(Events.agentMessageSent, async (event) => {
    if (event.data.topic === 'DIRECT') await scanMessages(deps);
  });
  // New knowledge and firing alerts are heard of here at once; the sweep reads back from their
  // owners what the bus lost (catch-up-scans.ts).
  deps.bus.subscribe(Events.knowledgeEntryCreated, async (event) => {
    await scanKnowledgeEntry(deps, event.data);
  });
  deps.bus.subscribe(Events.alertTransitioned, async (event) => {
    await scanAlert(deps, event.data);
  });
  // A resumed agent takes its open tasks up again at once (a paused agent's run job ends).
  deps.bus.subscribe(Events.agentStatusChanged, async (event) => {
    if (
      event.data.previousStatus !== AgentStatus.PAUSED ||
      event.data.status === AgentStatus.PAUSED
    ) {
      return;
    }
    const open = await new TaskRepository(requestConnection(deps.fork())).openTasksOf(
      event.data.agentId,
    );
    for (const taskId of open) await queueRun(jobs, taskId);
  });
  await scheduleAutonomySweep(jobs, { ...deps, ...deps.sweep });
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return jobs.work(Jobs.taskRun, async ({ taskId }, job) => {
    try {
      await runTask({ ...deps, jobs, owner }, taskId);
    } catch (error) {
      // Deferred runs are retried by the queue with backoff; the log says why at info level.
      if (error instanceof RunDeferredError) {
        deps.log.info(
          { taskId, job: job.id, attempt: job.attempt, why: error.why },
          'task run deferred',
        );
      }
      throw error;
    }
  });
}
