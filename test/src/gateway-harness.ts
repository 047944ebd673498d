import { createAgentsService, loadAgentsConfig } from '@daena/agents';
import { loadGatewayConfig, startGateway, type RunningGateway } from '@daena/gateway';
import { InProcessEventBus, startService, type RunningService } from '@daena/platform';
import {
  createTestDatabase,
  freePort,
  silentLogger,
  testJwtSecret,
  type TestDatabase,
} from '@daena/testing';

export interface GatewayHarness {
  gateway: RunningGateway;
  agents: RunningService;
  close(): Promise<void>;
}

/**
 * The agents subgraph and a gateway in front of it, in this process on one in-process bus: enough
 * for tests of the public endpoint itself (limits, modes, GraphQL over HTTP).
 */
export async function startGatewayHarness(
  name: string,
  gatewayEnv: Record<string, string> = {},
): Promise<GatewayHarness> {
  const database: TestDatabase = await createTestDatabase(name);
  const bus = new InProcessEventBus(silentLogger());
  const config = loadAgentsConfig({
    DATABASE_URL: database.url,
    AGENTS_ANSWER_VOTE_REQUESTS: 'false',
  });
  const agents = await startService({
    ...createAgentsService({ config, log: silentLogger(), bus, jwtSecret: testJwtSecret }),
    port: 0,
  });
  await agents.ready;
  const gateway = await startGateway({
    config: loadGatewayConfig({
      PORT: String(await freePort()),
      AGENTS_URL: agents.url,
      RESPONSE_CACHE_MB: '0',
      // No metrics subgraph here to keep the trail (gateway/test/audit-log.test.ts covers it).
      AUDIT_ENABLED: 'false',
      ...gatewayEnv,
    }),
    log: silentLogger(),
    bus,
    jwtSecret: testJwtSecret,
  });
  await gateway.ready;
  return {
    gateway,
    agents,
    async close() {
      await gateway.close();
      await agents.close();
      await database.drop();
    },
  };
}
