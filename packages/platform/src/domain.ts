/**
 * What a subgraph's pure `domain/` code may use from the platform: the error vocabulary, who is
 * calling and the event contracts. Nothing here does I/O (the layering check holds domain/ to it).
 */
export * from './domain-errors.js';
export * from './principal.js';
export * from './events.js';
