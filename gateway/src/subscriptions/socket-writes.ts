import {
  GraphQLError,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
} from 'graphql';
import type { WebSocket } from 'ws';

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
export const defaultMaxBufferedBytes = 1024 * 1024;

/**
 * One event's result for every subscriber of a bridge group: serialized once, on first write,
 * and the same bytes go to each socket (issue 14 §2).
 */
export class SharedPayload {
  /** Payloads serialized in this process, for tests: one per event and group. */
  static serializations = 0;
  private json: Buffer | undefined;

  constructor(readonly result: ExecutionResult) {}

  bytes(): Buffer {
    if (this.json === undefined) {
      this.json = Buffer.from(JSON.stringify(formattedResult(this.result)));
      SharedPayload.serializations++;
    }
    return this.json;
  }
}

/** Writes one subscriber's payloads; false once the subscriber has been cut off as slow. */
export type Deliver = (payload: SharedPayload) => boolean;

const nextSuffix = Buffer.from('}');
const textFrame = { binary: false, compress: false, fin: true } as const;

/**
 * The writer of one bridged subscription: each payload becomes the graphql-transport-ws message
 * `{"id":…,"type":"next","payload":…}` from a prefix made once per subscription and the group's
 * shared bytes, written straight to the socket (no per-subscriber queue, promise or
 * stringification). A socket with more than `maxBufferedBytes` waiting is closed with 4413; the
 * others of its group are not slowed.
 */
export function nextFrameWriter(
  socket: WebSocket,
  id: string,
  maxBufferedBytes = defaultMaxBufferedBytes,
): Deliver {
  const prefix = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
  let cutOff = false;
  return (payload) => {
    if (cutOff) return false;
    if (socket.readyState !== socket.OPEN) return true;
    socket.send(Buffer.concat([prefix, payload.bytes(), nextSuffix]), textFrame);
    if (socket.bufferedAmount > maxBufferedBytes) {
      cutOff = true;
      socket.close(slowConsumerCloseCode, slowConsumerReason);
      return false;
    }
    return true;
  };
}

/**
 * A result as it goes on the wire: errors in their formatted shape, whether they are GraphQLErrors
 * (the gateway's own) or already formatted (a forwarded stream's, which have no `toJSON`).
 */
export function formattedResult(result: ExecutionResult): FormattedExecutionResult {
  return result.errors ? { ...result, errors: result.errors.map(formatted) } : result;
}

function formatted(error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError {
  return error instanceof GraphQLError ? error.toJSON() : error;
}
