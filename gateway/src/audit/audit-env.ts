import { z } from 'zod';

/** The audit trail's part of the gateway's env (config.ts). */
export const auditEnv = {
  /**
   * Whether every mutation and every refused request is written to the metrics subgraph's
   * audit log (issue 12 §6). On by default; it needs JWT_SECRET, which signs the batches.
   */
  AUDIT_ENABLED: z
    .enum(['true', 'false'], { message: 'expected true or false' })
    .transform((value) => value === 'true')
    .default(true)
    .describe(
      'Whether mutations and refused requests are written to the audit log (`auditLog`); needs `JWT_SECRET` to sign the batches.',
    ),
};
