export { loadDecisionsConfig, type DecisionsConfig } from './config.js';
export {
  buildDecisionsSchema,
  createDecisionsService,
  type DecisionsDependencies,
} from './service.js';
export {
  HttpAgentsDirectory,
  type AgentsDirectory,
  type DirectoryAgent,
  type DirectoryDepartment,
} from './store/agents-directory.js';
