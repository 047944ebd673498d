export { loadAgentsConfig, type AgentsConfig } from './config.js';
export { buildAgentsSchema, createAgentsService, type AgentsDependencies } from './service.js';
