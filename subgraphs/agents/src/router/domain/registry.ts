export {
  modelConfigSchema,
  modelConfigListSchema,
  type ModelConfig,
  type ModelConfigInput,
} from './registry/model-config.js';
export {
  loadModelRegistry,
  toModelSpec,
  type ModelRegistryConfig,
  type RegistryEnv,
} from './registry/load-model-registry.js';
export { DEFAULT_BASE_URL } from './registry/model-name-list.js';
export { RegistryConfigError, type ConfigIssue } from './registry/registry-config-error.js';
export { publicModelView, type PublicModel } from './registry/public-model.js';
export { offlineModelSpec, OFFLINE_MODEL_NAME } from './offline/offline-model-spec.js';
export { offlineProvider } from './offline/offline-provider.js';
export { OFFLINE_MARKER } from './offline/offline-answer.js';
