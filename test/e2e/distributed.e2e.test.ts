import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  startOpenAiStub,
  testJwtSecret,
  type OpenAiStub,
  testStores,
  type TestDatabase,
} from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectGatewayRejectsBadInput,
  expectKnowledgeAccess,
  expectLiveAgentActivity,
  expectOrganization,
} from '../src/scenario.js';
import { expectCachedHoneycombStaysFresh } from '../src/cache-scenario.js';
import { expectClusterSharesEvents } from '../src/cluster-scenario.js';
import { expectAgentsDecideLive } from '../src/cmp-scenario.js';
import { expectMessageArrivesViaBorderAgents } from '../src/messages-scenario.js';
import { expectRouterSelectionsLive, routerModels, stubVote } from '../src/router-scenario.js';
import { expectTypedClientWorks } from '../src/sdk-scenario.js';

let database: TestDatabase;
let dataDir: string;
let stack: Awaited<ReturnType<typeof startDistributedStack>>;
let secondGateway: ServiceProcess;
let llm: OpenAiStub;
const gatewayWorkers = 2;

beforeAll(async () => {
  database = await createTestDatabase('e2e_distributed');
  dataDir = await mkdtemp(join(tmpdir(), 'daena-distributed-'));
  // The only stand-in: a loopback OpenAI-compatible server; agents vote through the router.
  llm = await startOpenAiStub({ answer: stubVote });
  const base = await freePortRange(5);
  const { NEO4J_URI: _neo4j, ...inherited } = process.env;
  const env = {
    ...inherited,
    DAENA_DATA_DIR: dataDir,
    EMBEDDED_NEO4J_PORT: String(await freePort()),
    PORT: String(base),
    DATABASE_URL: database.url,
    REDIS_URL: testStores.redisUrl,
    JWT_SECRET: testJwtSecret,
    LOG_LEVEL: 'warn',
    LLM_MODELS: routerModels(llm.url),
    E2E_LLM_KEY: 'sk-e2e-not-a-real-key',
  };
  stack = await startDistributedStack(loadStackConfig(env), env, silentReporter, {
    inheritOutput: false,
  });
  // A second gateway replica of two node:cluster workers: all listen to Redis, so any of them
  // can serve any subscriber.
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
      GATEWAY_WORKERS: String(gatewayWorkers),
    },
    { inheritOutput: false },
  );
});

afterAll(async () => {
  await secondGateway?.stop();
  await stack?.close();
  await database?.drop();
  await llm?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('distributed mode: a process per service, Redis event bus', () => {
  it('answers a federated query through the gateway', async () => {
    await expectOrganization(stack.gatewayUrl);
  });

  it('rejects malformed operations, forged tokens and anonymous mutations with codes', async () => {
    await expectGatewayRejectsBadInput(stack.gatewayUrl);
  });

  it('enforces knowledge access levels through the gateway', async () => {
    await expectKnowledgeAccess(stack.gatewayUrl);
  });

  it('streams agent status changes to subscribers of another gateway', async () => {
    await expectLiveAgentActivity(stack.gatewayUrl, secondGateway.url);
  });

  it('spreads subscribers over the workers of a gateway cluster, each resolving an event once', async () => {
    await expectClusterSharesEvents(stack.gatewayUrl, secondGateway.url, gatewayWorkers);
  });

  it('serves the honeycomb from each gateway cache, and a pause shows at once everywhere', async () => {
    await expectCachedHoneycombStaysFresh(stack.gatewayUrl, secondGateway.url);
  });

  it('delivers a message across non-adjacent cells via the Border Agents, live on another gateway', async () => {
    await expectMessageArrivesViaBorderAgents(secondGateway.url, stack.gatewayUrl);
  });

  it('queries and subscribes through the generated typed client', async () => {
    await expectTypedClientWorks(secondGateway.url);
  });

  it('lets the stakeholder agents decide an opened proposal on their own, live on another gateway', async () => {
    await expectAgentsDecideLive(stack.gatewayUrl, secondGateway.url);
    // Their votes were formed by the LLM through the router (the stub answers votes as JSON).
    expect(
      llm.requests().bodies.some((body) => JSON.stringify(body).includes('Vote on the proposal')),
    ).toBe(true);
  });

  it('streams router selections with their reasoning live, and survives a provider dying mid-run', async () => {
    await expectRouterSelectionsLive(stack.gatewayUrl, secondGateway.url, llm);
  });
});
