export { loadGatewayConfig, type GatewayConfig } from './config.js';
export { startGateway, type GatewayDependencies, type RunningGateway } from './gateway.js';
