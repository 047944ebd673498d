import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback OpenAI-compatible server for tests (STYLE.md habit 10: only the LLM service is
 * stood in for). It speaks just enough of the Chat Completions API for the real `openai` client:
 * `POST /v1/chat/completions` (JSON, or SSE chunks when `stream: true`, with a final usage chunk
 * when `stream_options.include_usage`) and `GET /v1/models`. Each model behaves as told, and the
 * behaviour can change while a test runs. A whole (not streamed) answer given under an
 * `Idempotency-Key` is given again, with `idempotent-replayed: true`, to a later request with the
 * same key, as providers and gateways that deduplicate on the key do; `requests().generated`
 * counts the answers generated.
 */
export type StubBehaviour =
  /** Answers deterministically from the last user message, with usage token counts. */
  | { readonly kind: 'ok' }
  /** Answers like `ok` after `delayMs`. */
  | { readonly kind: 'slow'; readonly delayMs: number }
  /** Answers like `ok`; a streamed answer sends one word per chunk, `chunkDelayMs` apart. */
  | { readonly kind: 'stream'; readonly chunkDelayMs: number }
  /**
   * A stream that breaks part way: `afterChunks` word chunks, then the connection is dropped
   * with no finish reason and no `[DONE]`, as when a provider's node dies mid-answer. A request
   * that does not stream gets its connection dropped before any answer.
   */
  | { readonly kind: 'streamCut'; readonly afterChunks: number }
  /** An OpenAI-style error body with a 5xx status (500 unless told). */
  | { readonly kind: 'fail'; readonly status?: 500 | 502 | 503 }
  /** 429 with a `retry-after` header (seconds, 1 unless told). */
  | { readonly kind: 'rateLimit'; readonly retryAfterSeconds?: number }
  /** `finish_reason: content_filter` (default), or a 400 with code `content_filter`. */
  | { readonly kind: 'contentFilter'; readonly as?: 'finishReason' | 'error' }
  /** 400 with code `context_length_exceeded`. */
  | { readonly kind: 'contextLength' }
  /** 401 whose message echoes the bearer token, as some providers do. */
  | { readonly kind: 'unauthorized' }
  /** 200 with a JSON content type and a body that is not JSON (or an SSE event that is not). */
  | { readonly kind: 'garbage' }
  /** 200 with no choices. */
  | { readonly kind: 'empty' }
  /** Never answers; the request stays open until the client aborts or the stub closes. */
  | { readonly kind: 'hang' };

export interface StubRequests {
  readonly count: number;
  /** Parsed JSON bodies, oldest first. */
  readonly bodies: readonly Record<string, unknown>[];
  /** The bearer token each request carried (null without one), oldest first. */
  readonly apiKeys: readonly (string | null)[];
  /** The `Idempotency-Key` each request carried (null without one), oldest first. */
  readonly idempotencyKeys: readonly (string | null)[];
  /**
   * Requests answered by generating (all but the replays): a request whose `Idempotency-Key` was
   * answered before gets that answer again, as providers that honour the header do.
   */
  readonly generated: number;
  /** Whether each request was answered as a replay of its `Idempotency-Key`, oldest first. */
  readonly replayed: readonly boolean[];
}

export interface OpenAiStub {
  /** Base URL for the `openai` client, ending in `/v1`. */
  readonly url: string;
  readonly port: number;
  setBehaviour(model: string, behaviour: StubBehaviour): void;
  /** The next `n` requests for `model` behave as `behaviour`; then its behaviour applies again. */
  failNext(model: string, n: number, behaviour: StubBehaviour): void;
  /**
   * The next `n` requests, whatever their model, behave as `behaviour` (before any `failNext`):
   * for tests that cannot know which model the router calls first.
   */
  failNextAny(n: number, behaviour: StubBehaviour): void;
  /** Chat completion requests received, for one model or for all. */
  requests(model?: string): StubRequests;
  /** Stops listening and drops open requests (hanging ones included). */
  close(): Promise<void>;
}

export interface OpenAiStubOptions {
  /** Behaviour of models never given one; `ok` unless told. */
  readonly defaultBehaviour?: StubBehaviour;
  /** Models listed by `GET /v1/models` besides those given a behaviour. */
  readonly models?: readonly string[];
  /**
   * The text of an `ok` answer, when the test wants a particular one (e.g. a vote as JSON);
   * undefined falls back to the default echo.
   */
  readonly answer?: (request: StubChatRequest) => string | undefined;
}

/** What `answer` sees of a chat request. */
export interface StubChatRequest {
  readonly model: string;
  readonly messages: readonly { readonly role: string; readonly content: string }[];
  readonly json: boolean;
}

interface ChatBody {
  model?: unknown;
  messages?: unknown;
  stream?: unknown;
  stream_options?: { include_usage?: unknown } | null;
  max_tokens?: unknown;
  max_completion_tokens?: unknown;
  response_format?: { type?: unknown } | null;
}

export async function startOpenAiStub(options: OpenAiStubOptions = {}): Promise<OpenAiStub> {
  const defaultBehaviour = options.defaultBehaviour ?? { kind: 'ok' };
  const behaviours = new Map<string, StubBehaviour>();
  const overrides = new Map<string, StubBehaviour[]>();
  const anyOverrides: StubBehaviour[] = [];
  const received: {
    model: string;
    body: Record<string, unknown>;
    apiKey: string | null;
    idempotencyKey: string | null;
    replayed: boolean;
  }[] = [];
  /** Answers already given under an `Idempotency-Key` (whole answers, not streams). */
  const answered = new Map<string, { model: string; answer: Answer }>();
  const timers = new Set<NodeJS.Timeout>();
  const known = new Set(options.models ?? []);

  /** Timers die with the request (client abort) or with the stub. */
  function later(res: ServerResponse, ms: number, run: () => void): void {
    const onClose = (): void => {
      clearTimeout(timer);
      timers.delete(timer);
    };
    const timer = setTimeout(() => {
      timers.delete(timer);
      res.off('close', onClose); // a streamed answer schedules one timer per chunk
      if (!res.destroyed) run();
    }, ms);
    timers.add(timer);
    res.once('close', onClose);
  }

  function behaviourFor(model: string): StubBehaviour {
    const any = anyOverrides.shift();
    if (any) return any;
    const queued = overrides.get(model);
    const next = queued?.shift();
    if (queued && queued.length === 0) overrides.delete(model);
    return next ?? behaviours.get(model) ?? defaultBehaviour;
  }

  async function handleChat(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: ChatBody & Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(req)) as typeof body;
    } catch {
      return sendError(res, 400, 'invalid_request_error', 'invalid_json', 'Body is not JSON');
    }
    const model = typeof body.model === 'string' ? body.model : '';
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
    const key = req.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' ? key : null;
    const earlier = idempotencyKey === null ? undefined : answered.get(idempotencyKey);
    const stream = body.stream === true;
    received.push({ model, body, apiKey: bearer, idempotencyKey, replayed: earlier !== undefined });
    if (earlier && !stream) {
      res.setHeader('idempotent-replayed', 'true');
      return sendJson(res, earlier.model, earlier.answer);
    }
    const behaviour = behaviourFor(model);
    const answer = answerFor(body, options.answer);
    // Decided now, so a request sent again while this one is still answering gets the same.
    if (
      idempotencyKey !== null &&
      !stream &&
      (behaviour.kind === 'ok' || behaviour.kind === 'slow')
    ) {
      answered.set(idempotencyKey, { model, answer });
    }
    const includeUsage = body.stream_options?.include_usage === true;
    switch (behaviour.kind) {
      case 'ok':
        return stream
          ? sendStream(res, model, answer, includeUsage, 0)
          : sendJson(res, model, answer);
      case 'slow':
        return later(res, behaviour.delayMs, () =>
          stream ? sendStream(res, model, answer, includeUsage, 0) : sendJson(res, model, answer),
        );
      case 'stream':
        return stream
          ? sendStream(res, model, answer, includeUsage, behaviour.chunkDelayMs)
          : sendJson(res, model, answer);
      case 'streamCut':
        if (!stream) return void res.destroy();
        return sendStream(res, model, answer, includeUsage, 0, behaviour.afterChunks);
      case 'fail': {
        const status = behaviour.status ?? 500;
        return sendError(res, status, 'server_error', null, `The server had an error (${status})`);
      }
      case 'rateLimit':
        res.setHeader('retry-after', String(behaviour.retryAfterSeconds ?? 1));
        return sendError(res, 429, 'requests', 'rate_limit_exceeded', 'Rate limit reached');
      case 'contentFilter':
        if (behaviour.as === 'error') {
          return sendError(res, 400, 'invalid_request_error', 'content_filter', 'Filtered');
        }
        return stream
          ? sendStream(
              res,
              model,
              { ...answer, text: '', finishReason: 'content_filter' },
              includeUsage,
              0,
            )
          : sendJson(res, model, { ...answer, text: '', finishReason: 'content_filter' });
      case 'contextLength':
        return sendError(
          res,
          400,
          'invalid_request_error',
          'context_length_exceeded',
          "This model's maximum context length was exceeded",
        );
      case 'unauthorized':
        return sendError(
          res,
          401,
          'invalid_request_error',
          'invalid_api_key',
          `Incorrect API key provided: ${(req.headers.authorization ?? '').replace(/^Bearer /, '')}`,
        );
      case 'garbage':
        if (stream) {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          return void res.end('data: <html>not json</html>\n\n');
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('<html>502 Bad Gateway</html>');
      case 'empty':
        if (stream) return sendStream(res, model, null, includeUsage, 0);
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(
          JSON.stringify({ id: 'chatcmpl-stub', object: 'chat.completion', choices: [] }),
        );
      case 'hang':
        return; // the socket stays open until the client aborts or close() drops it
    }
  }

  function sendStream(
    res: ServerResponse,
    model: string,
    answer: Answer | null,
    includeUsage: boolean,
    chunkDelayMs: number,
    /** Drops the connection after this many word chunks, before any finish reason. */
    cutAfter?: number,
  ): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const events: unknown[] = [];
    let wordCount = 0;
    if (answer) {
      const words = answer.text.match(/\S+\s*/g) ?? [];
      wordCount = words.length;
      words.forEach((word, i) =>
        events.push(
          chunk(model, { ...(i === 0 ? { role: 'assistant' } : {}), content: word }, null),
        ),
      );
      events.push(chunk(model, {}, answer.finishReason));
      if (includeUsage)
        events.push({ ...chunk(model, {}, null), choices: [], usage: usageOf(answer) });
    }
    const send = (i: number): void => {
      if (cutAfter !== undefined && i >= Math.min(cutAfter, wordCount)) {
        // Flushed first, so the client has really seen the pieces before the connection dies.
        return void res.write('', () => res.destroy());
      }
      if (i === events.length) return void res.end('data: [DONE]\n\n');
      res.write(`data: ${JSON.stringify(events[i])}\n\n`);
      if (chunkDelayMs > 0) later(res, chunkDelayMs, () => send(i + 1));
      else send(i + 1);
    };
    send(0);
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'POST' && path === '/v1/chat/completions') {
      void handleChat(req, res).catch(() => res.destroy());
      return;
    }
    if (req.method === 'GET' && path === '/v1/models') {
      const ids = [...new Set([...known, ...behaviours.keys()])];
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: ids.map((id) => modelEntry(id)) }));
      return;
    }
    sendError(res, 404, 'invalid_request_error', 'not_found', `No route ${req.method} ${path}`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    setBehaviour(model, behaviour) {
      behaviours.set(model, behaviour);
    },
    failNext(model, n, behaviour) {
      overrides.set(model, [
        ...(overrides.get(model) ?? []),
        ...Array.from({ length: n }, () => behaviour),
      ]);
    },
    failNextAny(n, behaviour) {
      for (let i = 0; i < n; i++) anyOverrides.push(behaviour);
    },
    requests(model) {
      const matching = received.filter((r) => model === undefined || r.model === model);
      return {
        count: matching.length,
        bodies: matching.map((r) => r.body),
        apiKeys: matching.map((r) => r.apiKey),
        idempotencyKeys: matching.map((r) => r.idempotencyKey),
        generated: matching.filter((r) => !r.replayed).length,
        replayed: matching.map((r) => r.replayed),
      };
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

interface Answer {
  readonly text: string;
  readonly finishReason: 'stop' | 'length' | 'content_filter';
  readonly promptTokens: number;
}

/** The deterministic answer: an echo of the last user message (or JSON of it when asked). */
function answerFor(body: ChatBody, custom: OpenAiStubOptions['answer']): Answer {
  const messages = Array.isArray(body.messages)
    ? (body.messages as { role?: unknown; content?: unknown }[])
    : [];
  const contents = messages.map((m) => (typeof m.content === 'string' ? m.content : ''));
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const prompt = typeof lastUser?.content === 'string' ? lastUser.content : '';
  const json =
    body.response_format?.type === 'json_object' || body.response_format?.type === 'json_schema';
  const given = custom?.({
    model: typeof body.model === 'string' ? body.model : '',
    messages: messages.map((m, index) => ({
      role: String(m.role),
      content: contents[index] ?? '',
    })),
    json,
  });
  const full = given ?? (json ? JSON.stringify({ answer: prompt }) : `Stub answer to: ${prompt}`);
  const limit = [body.max_completion_tokens, body.max_tokens].find((v) => typeof v === 'number') as
    number | undefined;
  const truncated = limit !== undefined && tokensOf(full) > limit;
  return {
    text: truncated ? full.slice(0, limit * 4) : full,
    finishReason: truncated ? 'length' : 'stop',
    promptTokens: tokensOf(contents.join('\n')),
  };
}

/** About four characters per token, as OpenAI's rule of thumb says; the stub needs no tokenizer. */
function tokensOf(text: string): number {
  return Math.ceil(text.length / 4);
}

function usageOf(answer: Answer) {
  const completion = tokensOf(answer.text);
  return {
    prompt_tokens: answer.promptTokens,
    completion_tokens: completion,
    total_tokens: answer.promptTokens + completion,
  };
}

function sendJson(res: ServerResponse, model: string, answer: Answer): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id: 'chatcmpl-stub',
      object: 'chat.completion',
      created: 0,
      model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: answer.text, refusal: null },
          finish_reason: answer.finishReason,
          logprobs: null,
        },
      ],
      usage: usageOf(answer),
    }),
  );
}

function chunk(model: string, delta: Record<string, unknown>, finishReason: string | null) {
  return {
    id: 'chatcmpl-stub',
    object: 'chat.completion.chunk',
    created: 0,
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
  };
}

function sendError(
  res: ServerResponse,
  status: number,
  type: string,
  code: string | null,
  message: string,
): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message, type, param: null, code } }));
}

function modelEntry(id: string) {
  return { id, object: 'model', created: 0, owned_by: 'stub' };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}
