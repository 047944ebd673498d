import { z } from 'zod';
import { BadInputError } from './domain-errors.js';
import type { JobContract } from './jobs.js';

/**
 * A job type: its queue name and the zod schema its payload must match. Senders and workers
 * import the same definition, so a payload is checked when it is sent and again when it is run.
 */
export function defineJob<T>(name: string, schema: z.ZodType<T>): JobContract<T> {
  return {
    name,
    parse(data) {
      const parsed = schema.safeParse(data);
      if (parsed.success) return parsed.data;
      throw new BadInputError(
        `Malformed ${name} job: ${z.prettifyError(parsed.error)}`,
        'MALFORMED_JOB',
        { issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) },
      );
    },
  };
}
