/**
 * What pure code (a subgraph's `domain/`, the contracts package) may use from the platform: the
 * error vocabulary, who is calling, and how events and jobs are defined. Nothing here does I/O
 * (the layering check holds domain/ to it).
 */
export * from './domain-errors.js';
export * from './ids.js';
export * from './principal.js';
export * from './events.js';
export * from './define-job.js';
export type { JobContract } from './jobs.js';
