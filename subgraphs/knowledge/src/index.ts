export { loadKnowledgeConfig, type KnowledgeConfig } from './config.js';
export {
  buildKnowledgeSchema,
  createKnowledgeService,
  type KnowledgeDependencies,
} from './service.js';
export type { KnowledgeContext, KnowledgeJwt } from './schema/context.js';
/** Bulk import (migrations, the bench): link written entries as a create does. */
export { relatedQuery, searchLimits } from './domain/search-terms.js';
export { inWriteTransaction, linkRelated } from './store/knowledge-graph.js';
