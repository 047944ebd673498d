import { createPostgresStore, InProcessEventBus, type PostgresStore } from '@daena/platform';
import {
  createTestDatabase,
  silentLogger,
  startOpenAiStub,
  testJwtSecret,
  type OpenAiStub,
  type TestDatabase,
} from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAgentsConfig } from '../../config.js';
import { migrations } from '../../store/migrations/index.js';
import { DEFAULT_PACER_BOUNDS, DEFAULT_QUALITY_TOLERANCE } from '../index.js';
import { createRouterService } from './create-router-service.js';

/**
 * Issue 18: the deployment's spend target goes from ROUTER_SPEND_TARGET_USD and
 * ROUTER_SPEND_WINDOW_SECONDS to the router the service builds (`createRouterService`, the one
 * the autonomy engine, the vote worker and `routeTask` share). Real Postgres and the real `openai`
 * client against the loopback stub.
 */
const log = silentLogger();
let database: TestDatabase;
let postgres: PostgresStore;
let stub: OpenAiStub;

const models = (url: string) =>
  JSON.stringify([
    { name: 'premium', baseURL: url, apiKey: 'sk-test', inputUsdPerMTok: 10, outputUsdPerMTok: 30 },
    {
      name: 'budget',
      baseURL: url,
      apiKey: 'sk-test',
      inputUsdPerMTok: 0.2,
      outputUsdPerMTok: 0.6,
    },
  ]);

beforeAll(async () => {
  database = await createTestDatabase('router_spend_config');
  postgres = createPostgresStore({ schema: 'agents', url: database.url, migrations, log });
  await postgres.connect();
  stub = await startOpenAiStub();
});
afterAll(async () => {
  await postgres?.close();
  await stub?.close();
  await database?.drop();
});

function routerFrom(env: Record<string, string>) {
  const config = loadAgentsConfig({
    DATABASE_URL: database.url,
    LLM_MODELS: models(stub.url),
    ...env,
  });
  return createRouterService({
    config,
    log,
    bus: new InProcessEventBus(log),
    fork: () => postgres.fork(),
    jwtSecret: testJwtSecret,
  }).service;
}

/** The quality tolerance a dry run's selection used, and the one the default gives its task. */
async function tolerance(router: ReturnType<typeof routerFrom>) {
  const { decision } = await router.route(
    { text: 'Summarise the minutes of the board meeting.', dryRun: true },
    'agent-1',
  );
  const used = Number(/tolerance (\d+\.\d+)/.exec(decision.reasoning)?.[1]);
  const { easy, hard } = DEFAULT_QUALITY_TOLERANCE;
  const complexity = Math.min(1, Math.max(0, decision.classification.complexity));
  return { used, default: easy + (hard - easy) * complexity };
}

describe('the spend target from configuration', () => {
  it('leaves the trade-off alone when no target is set', async () => {
    const router = routerFrom({});
    await router.start();
    try {
      for (let i = 0; i < 3; i++) await router.route({ text: `Summarise note ${i}.` }, 'agent-1');
      const { used, default: neutral } = await tolerance(router);
      expect(used).toBeCloseTo(neutral, 2);
    } finally {
      await router.stop();
    }
  });

  it('paces a replica over a target it cannot meet to the cheapest end', async () => {
    // A millionth of a dollar an hour: any call overspends it by far.
    const router = routerFrom({
      ROUTER_SPEND_TARGET_USD: '0.000001',
      ROUTER_SPEND_WINDOW_SECONDS: '3600',
    });
    await router.start();
    try {
      for (let i = 0; i < 3; i++) await router.route({ text: `Summarise note ${i}.` }, 'agent-1');
      const { used, default: neutral } = await tolerance(router);
      expect(used / neutral).toBeCloseTo(DEFAULT_PACER_BOUNDS.max, 1);
    } finally {
      await router.stop();
    }
  });

  it.each([
    [{ ROUTER_SPEND_TARGET_USD: '0' }, 'ROUTER_SPEND_TARGET_USD'],
    [{ ROUTER_SPEND_TARGET_USD: 'lots' }, 'ROUTER_SPEND_TARGET_USD'],
    [{ ROUTER_SPEND_WINDOW_SECONDS: '10' }, 'ROUTER_SPEND_WINDOW_SECONDS'],
    [{ ROUTER_SPEND_WINDOW_SECONDS: '90.5' }, 'ROUTER_SPEND_WINDOW_SECONDS'],
  ])('refuses %o at start, naming the key', (env, variable) => {
    expect(() => loadAgentsConfig({ DATABASE_URL: database.url, ...env })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', variable }),
    );
  });
});
