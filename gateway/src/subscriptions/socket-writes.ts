import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { WebSocket, WebSocketServer } from 'ws';

/**
 * Close code of a slow consumer (issue 14 §2): more than `maxBufferedBytes` waited on its socket.
 * Outside graphql-ws's fatal codes, so its clients reconnect and subscribe again by default; the
 * payloads in between are gone, so a client re-reads the state (e.g. `voteTally` as a query).
 */
export const slowConsumerCloseCode = 4413;
export const slowConsumerReason = 'Slow consumer';

/**
 * 1 MiB: a few thousand tally payloads (~300 bytes each), minutes behind at 10 events/s, on top of
 * what the kernel's socket buffers already hold; 5,000 such sockets stay within 5 GB at worst.
 */
const defaultMaxBufferedBytes = 1024 * 1024;

/** What `next` payloads are stringified as; the serialized payload replaces it at send time. */
const marker = '\u0000serialized-payload:';
const payloadPrefix = `"payload":${JSON.stringify(marker).slice(0, -1)}`;

/**
 * Serialize once, write many (issue 14 §2). graphql-ws stringifies each `next` message per socket;
 * every subscriber of a bridge group gets the same result object, so its JSON is made once
 * (cached by object) and spliced into each socket's message, which then differs only by its id.
 * Each socket's writes are bounded: past the bound it is closed, and the others are not slowed.
 */
export class SocketWrites {
  /** Payloads serialized, for tests and metrics: once per distinct result. */
  serializations = 0;
  private readonly serialized = new WeakMap<ExecutionResult, string>();
  /** Per socket, per subscription id: the JSON its next message carries (one at a time). */
  private readonly pending = new WeakMap<WebSocket, Map<string, string>>();

  constructor(private readonly maxBufferedBytes = defaultMaxBufferedBytes) {}

  /** Wraps each new socket's send; attach before graphql-ws's useServer, so it runs first. */
  attach(wss: WebSocketServer): void {
    wss.on('connection', (socket) => {
      const send = socket.send.bind(socket) as (data: unknown, ...rest: unknown[]) => void;
      socket.send = ((data: unknown, ...rest: unknown[]) => {
        send(typeof data === 'string' ? this.splice(socket, data) : data, ...rest);
        if (socket.bufferedAmount > this.maxBufferedBytes) {
          socket.close(slowConsumerCloseCode, slowConsumerReason);
        }
      }) as WebSocket['send'];
    });
  }

  /** For graphql-ws's onNext: a stand-in payload that `send` replaces with the result's JSON. */
  payloadFor(socket: WebSocket, id: string, result: ExecutionResult): object {
    let json = this.serialized.get(result);
    if (json === undefined) {
      json = JSON.stringify(
        result.errors ? { ...result, errors: result.errors.map(formatted) } : result,
      );
      this.serialized.set(result, json);
      this.serializations++;
    }
    let pending = this.pending.get(socket);
    if (!pending) this.pending.set(socket, (pending = new Map()));
    pending.set(id, json);
    return { toJSON: () => `${marker}${id}` };
  }

  /** `{"id":…,"type":"next","payload":"<marker><id>"}` → the same with the payload's JSON. */
  private splice(socket: WebSocket, message: string): string {
    // The payload is the message's last field, and a client's id is escaped within "id".
    const at = message.lastIndexOf(payloadPrefix);
    if (at < 0 || !message.endsWith('"}')) return message;
    const start = at + '"payload":'.length;
    let id: string;
    try {
      id = (JSON.parse(message.slice(start, -1)) as string).slice(marker.length);
    } catch {
      return message;
    }
    const json = this.pending.get(socket)?.get(id);
    if (json === undefined) return message;
    this.pending.get(socket)?.delete(id);
    return `${message.slice(0, start)}${json}}`;
  }
}

function formatted(error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError {
  return error instanceof GraphQLError ? error.toJSON() : error;
}
