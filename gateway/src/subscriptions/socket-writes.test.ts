import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import {
  formattedResult,
  nextFrameWriter,
  SharedPayload,
  slowConsumerCloseCode,
} from './socket-writes.js';

/** An open socket that records each text frame written, with a settable backlog. */
function fakeSocket() {
  const sent: string[] = [];
  const options: unknown[] = [];
  const socket = {
    OPEN: 1,
    readyState: 1,
    bufferedAmount: 0,
    closedWith: undefined as number | undefined,
    send: (data: Buffer, sendOptions: unknown) => {
      sent.push(data.toString('utf8'));
      options.push(sendOptions);
    },
    close: (code: number) => {
      socket.closedWith = code;
      socket.readyState = 2;
    },
  };
  return { socket, sent, options, ws: socket as unknown as WebSocket };
}

describe('socket writes', () => {
  it('serializes a result once and sends it to each socket under its own id, as text', () => {
    const one = fakeSocket();
    const other = fakeSocket();
    const result = { data: { voteTally: { votesCounted: 3, note: '"payload":"quoted" ü' } } };
    const before = SharedPayload.serializations;
    const payload = new SharedPayload(result);

    expect(nextFrameWriter(one.ws, '1')(payload)).toBe(true);
    expect(nextFrameWriter(other.ws, 'a"b')(payload)).toBe(true);

    expect(SharedPayload.serializations - before).toBe(1);
    expect(JSON.parse(one.sent[0] ?? '')).toEqual({ id: '1', type: 'next', payload: result });
    expect(JSON.parse(other.sent[0] ?? '')).toEqual({ id: 'a"b', type: 'next', payload: result });
    expect(one.options[0]).toMatchObject({ binary: false });
  });

  it('sends errors in their formatted shape', () => {
    const socket = fakeSocket();
    const error = new GraphQLError('Nope', { extensions: { code: 'FORBIDDEN' } });

    nextFrameWriter(socket.ws, '7')(new SharedPayload({ data: null, errors: [error] }));

    expect(JSON.parse(socket.sent[0] ?? '').payload).toEqual({
      data: null,
      errors: [{ message: 'Nope', extensions: { code: 'FORBIDDEN' } }],
    });
  });

  it("formats the gateway's own errors and passes on a forwarded stream's, already formatted", () => {
    const forwarded = { message: 'No', extensions: { code: 'FORBIDDEN' } };
    const own = new GraphQLError('Nope', { extensions: { code: 'FORBIDDEN' } });

    expect(formattedResult({ errors: [forwarded as unknown as GraphQLError, own] })).toEqual({
      errors: [forwarded, { message: 'Nope', extensions: { code: 'FORBIDDEN' } }],
    });
    const plain = { data: { ok: true } };
    expect(formattedResult(plain)).toBe(plain);
  });

  it('writes nothing to a socket that is no longer open', () => {
    const socket = fakeSocket();
    socket.socket.readyState = 3;

    expect(nextFrameWriter(socket.ws, '1')(new SharedPayload({ data: {} }))).toBe(true);
    expect(socket.sent).toEqual([]);
  });

  it('closes a socket whose backlog passes the bound, and only that one', () => {
    const slow = fakeSocket();
    const fast = fakeSocket();
    const toSlow = nextFrameWriter(slow.ws, '1', 1_000);
    const toFast = nextFrameWriter(fast.ws, '1', 1_000);
    slow.socket.bufferedAmount = 1_001;
    const payload = new SharedPayload({ data: {} });

    expect(toSlow(payload)).toBe(false);
    expect(toFast(payload)).toBe(true);
    expect(toSlow(payload)).toBe(false);

    expect(slow.socket.closedWith).toBe(slowConsumerCloseCode);
    expect(slow.sent).toHaveLength(1);
    expect(fast.socket.closedWith).toBeUndefined();
  });
});
