import type { z } from 'zod';
import { schema as stack } from '../apps/stack/src/config.js';
import { schema as gateway } from '../gateway/src/config.js';
import { schema as agents } from '../subgraphs/agents/src/config.js';
import { schema as decisions } from '../subgraphs/decisions/src/config.js';
import { schema as knowledge } from '../subgraphs/knowledge/src/config.js';
import { schema as metrics } from '../subgraphs/metrics/src/config.js';

/** A program that validates its environment with one zod object schema at start. */
export interface EnvReader {
  name: string;
  schema: z.ZodObject;
}

/**
 * Every env schema of the platform, in the table's order: `npm start` (apps/stack) first, then
 * the services, whose shared keys (serviceEnvSchema) come first in each.
 */
export const envReaders: readonly EnvReader[] = [
  { name: 'stack', schema: stack },
  { name: 'gateway', schema: gateway },
  { name: 'agents', schema: agents },
  { name: 'decisions', schema: decisions },
  { name: 'knowledge', schema: knowledge },
  { name: 'metrics', schema: metrics },
];

/** The readers that are services (everything but the stack, which starts them). */
export const serviceNames = envReaders.map((reader) => reader.name).filter((n) => n !== 'stack');
