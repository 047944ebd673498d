import { defineJob } from '@daena/platform/domain';
import { z } from 'zod';

// Owner: the agents subgraph's autonomy engine (it sends and works these).

/** Run (or resume) a task's run on its assigned agent (issue 15, durable runs). */
export interface TaskRun {
  taskId: string;
}

/**
 * The autonomy engine's periodic sweep (one per time slot, `slot` its start in ISO 8601): resumes
 * runs whose proposal closed without the event reaching a worker, and queues again open tasks
 * whose run job was given up.
 */
export interface AutonomySweep {
  slot: string;
}

/** The agents subgraph's jobs. */
export const agentsJobs = {
  taskRun: defineJob<TaskRun>('agents.task-run', z.object({ taskId: z.uuid() })),
  autonomySweep: defineJob<AutonomySweep>(
    'agents.autonomy-sweep',
    z.object({ slot: z.iso.datetime() }),
  ),
} as const;
