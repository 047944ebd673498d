import { agentsEvents } from './agents-events.js';
import { decisionsEvents } from './decisions-events.js';
import { knowledgeEvents } from './knowledge-events.js';
import { routerEvents } from './router-events.js';

/**
 * The contracts between Daena's services: every event and job type, declared once in the file of
 * the service that publishes or sends it, imported by publishers and consumers alike (STYLE.md
 * habit 5). Pure: no I/O, so domain code may import it too.
 */
export * from './agents-events.js';
export * from './decisions-events.js';
export * from './decisions-jobs.js';
export * from './knowledge-events.js';
export * from './router-events.js';

/** The event catalogue. Adding an event means adding it to its owner's file, with its payload. */
export const Events = {
  ...decisionsEvents,
  ...agentsEvents,
  ...knowledgeEvents,
  ...routerEvents,
} as const;
