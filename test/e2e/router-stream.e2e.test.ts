import { createAgentsService, loadAgentsConfig } from '@daena/agents';
import { loadGatewayConfig, startGateway, type RunningGateway } from '@daena/gateway';
import {
  InProcessEventBus,
  Role,
  signToken,
  startService,
  type RunningService,
} from '@daena/platform';
import {
  createTestDatabase,
  freePort,
  silentLogger,
  startOpenAiStub,
  testJwtSecret,
  type OpenAiStub,
  type TestDatabase,
} from '@daena/testing';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `routeTaskStream` end to end: a graphql-ws client on the gateway, the gateway forwarding to
 * the agents subgraph, the router streaming through the real `openai` client from the loopback
 * stub. Only agents and the gateway run: the subscription needs no other subgraph.
 */
let database: TestDatabase;
let stub: OpenAiStub;
let agents: RunningService;
let gateway: RunningGateway;
let admin: string;

const answerOf = (model: string) => `${model} says: revenue rose while costs fell this quarter.`;
const models = (url: string) =>
  JSON.stringify(
    [
      ['premium', 10, 0.9],
      ['budget', 0.2, 0.85],
    ].map(([name, price, quality]) => ({
      name,
      baseURL: url,
      apiKey: 'sk-e2e-stream-0123456789',
      inputUsdPerMTok: price,
      outputUsdPerMTok: price,
      contextWindow: 32_000,
      priorQuality: { default: quality },
    })),
  );

beforeAll(async () => {
  database = await createTestDatabase('e2e_router_stream');
  stub = await startOpenAiStub({
    defaultBehaviour: { kind: 'stream', chunkDelayMs: 2 },
    answer: (request) => answerOf(request.model),
  });
  const bus = new InProcessEventBus(silentLogger());
  const config = loadAgentsConfig({
    DATABASE_URL: database.url,
    LLM_MODELS: models(stub.url),
    AGENTS_ANSWER_VOTE_REQUESTS: 'false',
  });
  agents = await startService({
    ...createAgentsService({ config, log: silentLogger(), bus, jwtSecret: testJwtSecret }),
    port: 0,
  });
  await agents.ready;
  gateway = await startGateway({
    config: loadGatewayConfig({
      PORT: String(await freePort()),
      AGENTS_URL: agents.url,
      RESPONSE_CACHE_MB: '0',
    }),
    log: silentLogger(),
    bus,
    jwtSecret: testJwtSecret,
  });
  await gateway.ready;
  admin = await signToken(testJwtSecret, { sub: 'stream-admin', roles: [Role.ADMIN] });
});
afterAll(async () => {
  await gateway?.close();
  await agents?.close();
  await stub?.close();
  await database?.drop();
});

type StreamEvent =
  | { __typename: 'RouteStreamSelected'; decisionId: string; model: string; fallbacks: string[] }
  | { __typename: 'RouteStreamDelta'; text: string }
  | { __typename: 'RouteStreamReset'; model: string; errorKind: string }
  | {
      __typename: 'RouteStreamCompleted';
      answer: string | null;
      decision: {
        id: string;
        status: string;
        servedBy: string | null;
        outputTokens: number | null;
        costUsd: number | null;
        attempts: { model: string; ok: boolean }[];
      };
    };

const streamQuery = `subscription ($input: RouteTaskInput!) {
  routeTaskStream(input: $input) {
    __typename
    ... on RouteStreamSelected { decisionId model fallbacks }
    ... on RouteStreamDelta { text }
    ... on RouteStreamReset { model errorKind }
    ... on RouteStreamCompleted {
      answer
      decision { id status servedBy outputTokens costUsd attempts { model ok } }
    }
  }
}`;

/** Every event of one subscription, until the server completes it. */
async function streamAll(input: Record<string, unknown>, token = admin) {
  const client = createClient({
    url: gateway.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const events: StreamEvent[] = [];
  const errors: unknown[] = [];
  try {
    for await (const result of client.iterate<{ routeTaskStream: StreamEvent }>({
      query: streamQuery,
      variables: { input },
    })) {
      if (result.errors) errors.push(...result.errors);
      if (result.data) events.push(result.data.routeTaskStream);
    }
  } finally {
    await client.dispose();
  }
  return { events, errors };
}

/** What a client keeps: the deltas after the last reset. */
function textAfterLastReset(events: StreamEvent[]): string {
  let text = '';
  for (const event of events) {
    if (event.__typename === 'RouteStreamReset') text = '';
    if (event.__typename === 'RouteStreamDelta') text += event.text;
  }
  return text;
}

describe('routeTaskStream through the gateway', () => {
  it('streams the selection, the deltas in order, and the completed decision', async () => {
    const { events, errors } = await streamAll({ text: 'Summarise the quarter for the board.' });
    expect(errors).toEqual([]);
    const [first, ...rest] = events;
    const last = rest.at(-1);
    expect(first?.__typename).toBe('RouteStreamSelected');
    expect(last?.__typename).toBe('RouteStreamCompleted');
    const deltas = rest.slice(0, -1);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.every((event) => event.__typename === 'RouteStreamDelta')).toBe(true);
    if (first?.__typename !== 'RouteStreamSelected' || last?.__typename !== 'RouteStreamCompleted')
      return;
    const text = deltas.map((event) => (event.__typename === 'RouteStreamDelta' ? event.text : ''));
    expect(text.join('')).toBe(answerOf(first.model));
    expect(last.answer).toBe(text.join(''));
    expect(last.decision).toMatchObject({
      id: first.decisionId,
      status: 'SUCCEEDED',
      servedBy: first.model,
    });
    expect(last.decision.outputTokens).toBeGreaterThan(0);
    expect(last.decision.costUsd).toBeGreaterThan(0);
  });

  it('resets when the stream breaks part way, and completes with the fallback model', async () => {
    // The chosen model's two attempts (a cut stream is retried once) break after two words.
    stub.failNextAny(2, { kind: 'streamCut', afterChunks: 2 });
    const { events, errors } = await streamAll({
      text: 'Summarise the quarter for the board.',
      qualityRequirement: 0.5,
    });
    expect(errors).toEqual([]);
    const selected = events[0];
    const completed = events.at(-1);
    if (selected?.__typename !== 'RouteStreamSelected') throw new Error('no selection first');
    if (completed?.__typename !== 'RouteStreamCompleted') throw new Error('no completion last');
    const resets = events.filter((event) => event.__typename === 'RouteStreamReset');
    expect(resets).toEqual([
      { __typename: 'RouteStreamReset', model: selected.model, errorKind: 'network' },
      { __typename: 'RouteStreamReset', model: selected.model, errorKind: 'network' },
    ]);
    const fallback = selected.fallbacks[0];
    expect(completed.decision).toMatchObject({ status: 'SUCCEEDED', servedBy: fallback });
    expect(completed.decision.attempts.map((attempt) => attempt.ok)).toEqual([false, false, true]);
    expect(textAfterLastReset(events)).toBe(answerOf(fallback ?? '?'));
    expect(completed.answer).toBe(answerOf(fallback ?? '?'));
  });

  it('refuses a caller who is not an admin, and a request no model can meet, with typed errors', async () => {
    const agent = await signToken(testJwtSecret, { sub: 'agent-7', roles: [Role.AGENT] });
    const forbidden = await streamAll({ text: 'Plan the launch' }, agent);
    expect(forbidden.events).toEqual([]);
    expect(forbidden.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
    const unreachable = await streamAll({ text: 'Plan the launch', qualityRequirement: 0.999 });
    expect(unreachable.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ reason: 'QUALITY_UNREACHABLE' }),
      }),
    ]);
  });
});
