import { InProcessEventBus } from '@daena/platform';
import { freePort, silentLogger, testJwtSecret } from '@daena/testing';
import { loadGatewayConfig } from '../src/config.js';
import { startGateway, type RunningGateway } from '../src/gateway.js';

/**
 * A real gateway with no subgraphs running: enough for what the gateway answers itself (auth,
 * rate limits, `{ __typename }`, subscriptions that wait on the bus).
 */
export async function startTestGateway(env: Record<string, string> = {}): Promise<RunningGateway> {
  const gateway = await startGateway({
    config: loadGatewayConfig({
      PORT: String(await freePort()),
      RESPONSE_CACHE_MB: '0',
      AUDIT_ENABLED: 'false',
      ...env,
    }),
    log: silentLogger(),
    bus: new InProcessEventBus(silentLogger()),
    jwtSecret: testJwtSecret,
  });
  await gateway.ready;
  return gateway;
}
