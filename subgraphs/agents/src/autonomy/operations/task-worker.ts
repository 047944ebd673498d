import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { EventBus, JobQueue } from '@daena/platform';
import { Events, Jobs } from '@daena/contracts';
import { RunRepository } from '../store/run-repository.js';
import { RunDeferredError, runTask, type RunTaskDependencies } from './run-task.js';
import { runAttempts } from './create-task.js';

/**
 * Works task runs in this process until the queue stops (issue 15 §2), and queues the run of every
 * task waiting for a proposal when that proposal closes (the run reads the outcome itself).
 */
export function startTaskWorker(
  jobs: JobQueue,
  deps: Omit<RunTaskDependencies, 'owner'> & { bus: EventBus },
): Promise<void> {
  deps.bus.subscribe(Events.proposalClosed, async (event) => {
    const waiting = await new RunRepository(deps.fork()).tasksWaitingFor(event.data.proposalId);
    for (const taskId of waiting) {
      await jobs.send(Jobs.taskRun, { taskId }, { singletonKey: taskId, retryLimit: runAttempts });
    }
  });
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return jobs.work(Jobs.taskRun, async ({ taskId }, job) => {
    try {
      await runTask({ ...deps, owner }, taskId);
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
