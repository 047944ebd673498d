import { defineJob } from '@daena/platform/domain';
import { z } from 'zod';

// Owner: the agents subgraph's autonomy engine (it sends and works these).

/** Run (or resume) a task's run on its assigned agent (issue 15, durable runs). */
export interface TaskRun {
  taskId: string;
}

/** The agents subgraph's jobs. */
export const agentsJobs = {
  taskRun: defineJob<TaskRun>('agents.task-run', z.object({ taskId: z.uuid() })),
} as const;
