import {
  InProcessEventBus,
  Role,
  signToken,
  type DomainEvent,
  type RunningService,
} from '@daena/platform';
import { Events, type RouterSelectionMade } from '@daena/contracts';
import {
  createTestDatabase,
  graphql,
  silentLogger,
  startOpenAiStub,
  testJwtSecret,
  type OpenAiStub,
  type TestDatabase,
} from '@daena/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgents } from './start-agents.js';

/**
 * The router in the agents subgraph, over real Postgres and the real `openai` client against a
 * loopback OpenAI-compatible stub: the only stand-in allowed.
 */
let database: TestDatabase;
let stub: OpenAiStub;
let service: RunningService;
let admin: string;
const bus = new InProcessEventBus(silentLogger());
const selections: DomainEvent<RouterSelectionMade>[] = [];
bus.subscribe(Events.routerSelectionMade, (event) => void selections.push(event));

const secretKey = 'sk-test-router-secret-0123456789';
const models = (url: string) =>
  JSON.stringify([
    {
      name: 'premium',
      baseURL: url,
      apiKey: secretKey,
      inputUsdPerMTok: 10,
      outputUsdPerMTok: 30,
      contextWindow: 128_000,
      priorQuality: { default: 0.9 },
    },
    {
      name: 'budget',
      baseURL: url,
      apiKey: secretKey,
      inputUsdPerMTok: 0.2,
      outputUsdPerMTok: 0.6,
      contextWindow: 32_000,
      priorQuality: { default: 0.85 },
    },
  ]);

const start = () =>
  startAgents(database.url, bus, {
    env: { LLM_MODELS: models(stub.url), AGENTS_ANSWER_VOTE_REQUESTS: 'false' },
  });

beforeAll(async () => {
  database = await createTestDatabase('router');
  stub = await startOpenAiStub();
  service = await start();
  admin = await signToken(testJwtSecret, { sub: 'admin-1', roles: [Role.ADMIN] });
});
afterAll(async () => {
  await service?.close();
  await stub?.close();
  await database?.drop();
});

interface Decision {
  id: string;
  model: string;
  status: string;
  servedBy: string | null;
  reasoning: string;
  confidence: number;
  fallbacks: string[];
  costUsd: number | null;
  taskType: string;
  candidates: { model: string; eligible: boolean; exclusion: string | null }[];
  attempts: { model: string; ok: boolean; errorKind: string | null }[];
}
const decisionFields =
  'id model status servedBy reasoning confidence fallbacks costUsd taskType candidates { model eligible exclusion } attempts { model ok errorKind }';

async function routeTask(input: Record<string, unknown>, token = admin) {
  return graphql<{ routeTask: { decision: Decision; answer: string | null } }>(
    service.url,
    `mutation($input: RouteTaskInput!) { routeTask(input: $input) { answer decision { ${decisionFields} } } }`,
    { input },
    token,
  );
}

describe('the model registry', () => {
  it('lists configured models and the offline one, never their keys', async () => {
    const { body, text } = await graphqlText(
      '{ models { name kind hasApiKey source enabled health { circuit } } }',
    );
    expect(body.data?.models).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'premium', hasApiKey: true, source: 'CONFIG' }),
        expect.objectContaining({ name: 'budget', kind: 'OPENAI_COMPATIBLE' }),
        expect.objectContaining({ name: 'offline', kind: 'OFFLINE', hasApiKey: false }),
      ]),
    );
    expect(text).not.toContain(secretKey);
  });

  it('refuses an invalid model with every problem listed, and without echoing its key', async () => {
    const { body, text } = await graphqlText(
      `mutation { registerModel(input: { name: "x", baseUrl: "ftp://nope", upstreamModel: "x",
        apiKey: "${secretKey}", inputUsdPerMTok: -1, outputUsdPerMTok: 1, contextWindow: 0 }) { name } }`,
    );
    expect(body.errors?.[0]?.extensions?.['reason']).toBe('INVALID_MODEL_CONFIG');
    expect(body.errors?.[0]?.message).toMatch(/baseURL.*inputUsdPerMTok|inputUsdPerMTok.*baseURL/);
    expect(text).not.toContain(secretKey);
  });

  it('registers, disables and removes an admin model; configured ones are changed in config', async () => {
    const register = await graphqlText(
      `mutation { registerModel(input: { name: "extra", baseUrl: "${stub.url}", upstreamModel: "extra",
        inputUsdPerMTok: 1, outputUsdPerMTok: 2, contextWindow: 8000 }) { name source version enabled } }`,
    );
    expect(register.body.data?.registerModel).toMatchObject({ source: 'ADMIN', enabled: true });
    const again = await graphqlText(
      `mutation { registerModel(input: { name: "extra", baseUrl: "${stub.url}", upstreamModel: "extra",
        inputUsdPerMTok: 1, outputUsdPerMTok: 2, contextWindow: 8000 }) { name } }`,
    );
    expect(again.body.errors?.[0]?.extensions?.['reason']).toBe('MODEL_NAME_TAKEN');
    const configured = await graphqlText(
      `mutation { updateModel(version: 1, input: { name: "premium", baseUrl: "${stub.url}",
        upstreamModel: "premium", inputUsdPerMTok: 1, outputUsdPerMTok: 2, contextWindow: 8000 }) { name } }`,
    );
    expect(configured.body.errors?.[0]?.extensions?.['reason']).toBe('MODEL_FROM_CONFIG');
    const disabled = await graphqlText(
      'mutation { setModelEnabled(name: "extra", enabled: false) { enabled } }',
    );
    expect(disabled.body.data?.setModelEnabled).toEqual({ enabled: false });
    const dry = await routeTask({ text: 'Summarise the quarterly report.', dryRun: true });
    expect(dry.body.data?.routeTask.decision.candidates).toContainEqual({
      model: 'extra',
      eligible: false,
      exclusion: 'DISABLED',
    });
    const removed = await graphqlText('mutation { removeModel(name: "extra") }');
    expect(removed.body.data).toEqual({ removeModel: true });
  });

  it('keeps an admin model’s API key sealed at rest and calls the provider with it', async () => {
    const key = 'sk-admin-sealed-0123456789';
    const register = await graphqlText(
      `mutation { registerModel(input: { name: "sealed", baseUrl: "${stub.url}", upstreamModel: "sealed",
        apiKey: "${key}", inputUsdPerMTok: 0.01, outputUsdPerMTok: 0.01, contextWindow: 8000,
        priorQuality: 0.99 }) { name hasApiKey } }`,
    );
    expect(register.body.data?.registerModel).toEqual({ name: 'sealed', hasApiKey: true });
    expect(register.text).not.toContain(key);
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    try {
      const { rows } = await sql.query<{ api_key: string }>(
        "select api_key from agents.router_models where name = 'sealed'",
      );
      expect(rows[0]?.api_key).toMatch(/^enc:v1:/);
      expect(rows[0]?.api_key).not.toContain(key);
    } finally {
      await sql.end();
    }
    const before = stub.requests('sealed').count;
    // Only this model's expected quality meets 0.95, so the call goes to it.
    const routed = await routeTask({
      text: 'Classify this ticket: printer on fire',
      qualityRequirement: 0.95,
    });
    expect(routed.body.errors).toBeUndefined();
    expect(routed.body.data?.routeTask.decision.servedBy).toBe('sealed');
    expect(stub.requests('sealed').apiKeys.slice(before)).toEqual([key]);
    await graphqlText('mutation { removeModel(name: "sealed") }');
  });

  it('answers an admin change to a model that does not exist with MODEL_NOT_FOUND', async () => {
    const mutations = [
      'mutation { setModelEnabled(name: "ghost", enabled: false) { name } }',
      'mutation { removeModel(name: "ghost") }',
      `mutation { updateModel(version: 1, input: { name: "ghost", baseUrl: "${stub.url}",
        upstreamModel: "ghost", inputUsdPerMTok: 1, outputUsdPerMTok: 2, contextWindow: 8000 }) { name } }`,
    ];
    const stats = await graphqlText('{ routingStats(model: "ghost") { model } }');
    expect(stats.body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'MODEL_NOT_FOUND',
    });
    const known = await graphqlText(
      '{ routingStats(model: "budget", taskType: CREATIVE) { model } }',
    );
    expect(known.body.errors).toBeUndefined();
    for (const mutation of mutations) {
      const { body } = await graphqlText(mutation);
      expect(body.errors?.[0]?.extensions, mutation).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'MODEL_NOT_FOUND',
      });
    }
  });
});

describe('routing', () => {
  it('selects with reasoning, publishes the selection and stores it (dry run calls nothing)', async () => {
    const before = stub.requests().count;
    const { body } = await routeTask({
      text: 'Write a Python function that parses ISO dates and add unit tests.',
      dryRun: true,
    });
    const decision = body.data?.routeTask.decision;
    expect(decision).toMatchObject({ status: 'SELECTED', taskType: 'CODE', servedBy: null });
    expect(decision?.reasoning).toContain(decision?.model ?? '?');
    expect(decision?.fallbacks.at(-1)).toBe('offline');
    expect(stub.requests().count).toBe(before);
    expect(selections.map((event) => event.data.decisionId)).toContain(decision?.id);
    const stored = await graphqlText(
      `{ routingDecision(id: "${decision?.id}") { id model reasoning status } }`,
    );
    expect(stored.body.data?.routingDecision).toMatchObject({
      id: decision?.id,
      model: decision?.model,
      reasoning: decision?.reasoning,
    });
  });

  it('calls the chosen model through the openai client and accounts for the call', async () => {
    const { body } = await routeTask({ text: 'Summarise: revenue rose 12% while costs fell.' });
    const { decision, answer } = body.data?.routeTask ?? {};
    expect(answer).toContain('revenue rose 12%');
    expect(decision).toMatchObject({ status: 'SUCCEEDED', servedBy: decision?.model });
    expect(decision?.costUsd).toBeGreaterThan(0);
    const stats = await graphqlText(
      `{ routingStats(model: "${decision?.servedBy}", taskType: SUMMARISATION) { calls errors costUsd latencyP50Ms } }`,
    );
    expect(stats.body.data?.routingStats).toEqual([
      expect.objectContaining({ calls: 1, errors: 0 }),
    ]);
    const metrics = await (await fetch(service.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(metrics).toMatch(
      new RegExp(
        `^router_calls_total\\{model="${decision?.servedBy}",task_type="summarisation",result="ok"[^}]*\\} 1$`,
        'm',
      ),
    );
    expect(metrics).toMatch(/^router_cost_usd_total\{model="\w+"[^}]*\} [\d.e-]+$/m);
  });

  it('moves traffic to a fallback when the chosen provider dies mid-run, with no failed task', async () => {
    const served: string[] = [];
    let killed: string | null = null;
    for (let task = 0; task < 12; task += 1) {
      if (task === 4) {
        killed = served.at(-1) ?? 'premium';
        stub.setBehaviour(killed, { kind: 'fail', status: 503 });
      }
      const { body } = await routeTask({ text: `Classify ticket ${task} as bug or feature.` });
      expect(body.errors).toBeUndefined();
      served.push(body.data?.routeTask.decision.servedBy ?? 'none');
    }
    stub.setBehaviour(killed ?? 'premium', { kind: 'ok' });
    expect(served.slice(4).every((model) => model !== killed && model !== 'none')).toBe(true);
  });

  it('refuses bad requests with typed errors and writes nothing', async () => {
    const before = selections.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ text: '   ' }, 'INVALID_ROUTE_REQUEST'],
      [{ text: 'Plan the launch', qualityRequirement: 1.5 }, 'INVALID_ROUTE_REQUEST'],
      [{ text: 'Plan the launch', willingnessToPay: 1.5 }, 'INVALID_ROUTE_REQUEST'],
      [{ text: 'Plan the launch', willingnessToPay: -0.2 }, 'INVALID_ROUTE_REQUEST'],
      [{ text: 'Plan the launch', maxCostUsd: 0.000000001 }, 'BUDGET_TOO_LOW'],
      [{ text: 'Plan the launch', qualityRequirement: 0.999 }, 'QUALITY_UNREACHABLE'],
    ];
    for (const [input, reason] of cases) {
      const { body } = await routeTask(input);
      expect(body.errors?.[0]?.extensions?.['reason'], JSON.stringify(input)).toBe(reason);
      expect(body.errors?.[0]?.extensions?.['code'], JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
    expect(selections.length).toBe(before);
    const agent = await signToken(testJwtSecret, { sub: 'agent-1', roles: [Role.AGENT] });
    const forbidden = await routeTask({ text: 'Plan the launch' }, agent);
    expect(forbidden.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('takes explicit feedback once per decision', async () => {
    const { body } = await routeTask({ text: 'Extract every date from: due 2026-12-01.' });
    const id = body.data?.routeTask.decision.id;
    const mutation = `mutation { recordRoutingFeedback(decisionId: "${id}", quality: 0.9) { feedback } }`;
    expect((await graphqlText(mutation)).body.data).toEqual({
      recordRoutingFeedback: { feedback: 0.9 },
    });
    const twice = await graphqlText(mutation);
    expect(twice.body.errors?.[0]?.extensions?.['reason']).toBe('FEEDBACK_ALREADY_RECORDED');
  });

  it('keeps statistics across a restart', async () => {
    const query = '{ routingStats { model taskType calls } }';
    const before = (await graphqlText(query)).body.data?.routingStats as { calls: number }[];
    const total = (rows: { calls: number }[]) => rows.reduce((sum, row) => sum + row.calls, 0);
    await service.close();
    service = await start();
    const after = (await graphqlText(query)).body.data?.routingStats as { calls: number }[];
    expect(total(after)).toBe(total(before));
    expect(total(before)).toBeGreaterThan(10);
  });
});

describe('statistics storage', () => {
  it('prunes buckets older than the stats window when the service starts', async () => {
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    try {
      const old = new Date(Date.now() - 8 * 86_400_000); // the window is 7 days by default
      await sql.query(
        `insert into agents.router_stats_buckets
           (model, task_type, bucket_start, calls, errors, quality_sum, quality_count, cost_usd,
            input_tokens, output_tokens, latency_histogram)
         values ('premium', 'analysis', $1, 3, 0, 3, 3, 0.01, 30, 30, '{}')`,
        [old.toISOString()],
      );
      const count = async (where: string) =>
        Number(
          (await sql.query(`select count(*) as n from agents.router_stats_buckets where ${where}`))
            .rows[0].n,
        );
      const recentBefore = await count(`bucket_start >= now() - interval '7 days'`);
      expect(await count(`bucket_start < now() - interval '7 days'`)).toBe(1);
      await service.close();
      service = await start();
      expect(await count(`bucket_start < now() - interval '7 days'`)).toBe(0);
      expect(await count(`bucket_start >= now() - interval '7 days'`)).toBe(recentBefore);
      expect(recentBefore).toBeGreaterThan(0);
    } finally {
      await sql.end();
    }
  });

  it('seals, when it starts, an admin key stored in plain text before sealing began', async () => {
    const key = 'sk-legacy-plain-0123456789';
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    try {
      const registered = await graphqlText(
        `mutation { registerModel(input: { name: "legacy", baseUrl: "${stub.url}", upstreamModel: "legacy",
          apiKey: "placeholder-key", inputUsdPerMTok: 0.01, outputUsdPerMTok: 0.01, contextWindow: 8000 }) { name } }`,
      );
      expect(registered.body.errors).toBeUndefined();
      // As a release before sealing stored it: the key in plain text.
      await sql.query("update agents.router_models set api_key = $1 where name = 'legacy'", [key]);
      await service.close();
      service = await start();
      const { rows } = await sql.query<{ api_key: string }>(
        "select api_key from agents.router_models where name = 'legacy'",
      );
      expect(rows[0]?.api_key).toMatch(/^enc:v1:/);
      const models = await graphqlText('{ models { name hasApiKey } }');
      expect(models.body.errors).toBeUndefined();
      expect(models.body.data?.models).toContainEqual({ name: 'legacy', hasApiKey: true });
      await graphqlText('mutation { removeModel(name: "legacy") }');
    } finally {
      await sql.end();
    }
  });
});

async function graphqlText(query: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const result = await graphql<any>(service.url, query, {}, admin);
  return { body: result.body, text: JSON.stringify(result.body) };
}
