export { loadStackConfig, servicePorts, type StackConfig } from './config.js';
export { startDistributedStack, startServiceProcess, type ServiceProcess } from './distributed.js';
export { startEmbeddedStack, type RunningStack } from './embedded.js';
export { createReporter, silentReporter, type Reporter } from './progress.js';
