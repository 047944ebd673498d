export { loadKnowledgeConfig, type KnowledgeConfig } from './config.js';
export {
  buildKnowledgeSchema,
  createKnowledgeService,
  type KnowledgeDependencies,
} from './service.js';
export type { KnowledgeContext, KnowledgeJwt } from './schema/context.js';
