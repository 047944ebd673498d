import {
  loadStackConfig,
  servicePorts,
  silentReporter,
  startDistributedStack,
  startServiceProcess,
  type ServiceProcess,
} from '@daena/stack';
import {
  createTestDatabase,
  freePort,
  freePortRange,
  testJwtSecret,
  testStores,
  type TestDatabase,
} from '@daena/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectLiveVoting, expectOrganization } from '../src/scenario.js';

let database: TestDatabase;
let stack: Awaited<ReturnType<typeof startDistributedStack>>;
let secondGateway: ServiceProcess;

beforeAll(async () => {
  database = await createTestDatabase('e2e_distributed');
  const base = await freePortRange(5);
  const env = {
    ...process.env,
    PORT: String(base),
    DATABASE_URL: database.url,
    REDIS_URL: testStores.redisUrl,
    JWT_SECRET: testJwtSecret,
    LOG_LEVEL: 'warn',
  };
  stack = await startDistributedStack(loadStackConfig(env), env, silentReporter, {
    inheritOutput: false,
  });
  // A second gateway replica: both listen to Redis, so either can serve any subscriber.
  const ports = servicePorts(base);
  secondGateway = await startServiceProcess(
    'gateway',
    {
      ...env,
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      AGENTS_URL: `http://127.0.0.1:${ports.agents}/graphql`,
      DECISIONS_URL: `http://127.0.0.1:${ports.decisions}/graphql`,
      KNOWLEDGE_URL: `http://127.0.0.1:${ports.knowledge}/graphql`,
      METRICS_URL: `http://127.0.0.1:${ports.metrics}/graphql`,
    },
    { inheritOutput: false },
  );
});

afterAll(async () => {
  await secondGateway?.stop();
  await stack?.close();
  await database?.drop();
});

describe('distributed mode: a process per service, Redis event bus', () => {
  it('answers a federated query through the gateway', async () => {
    await expectOrganization(stack.gatewayUrl);
  });

  it('delivers votes cast through one gateway to subscribers of another', async () => {
    await expectLiveVoting(stack.gatewayUrl, secondGateway.url);
  });
});
