import { EventEmitter } from 'node:events';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { WebSocket, WebSocketServer } from 'ws';
import { SocketWrites, slowConsumerCloseCode } from './socket-writes.js';

/** A socket that records what is written, with a settable backlog. */
function fakeSocket() {
  const sent: string[] = [];
  const socket = {
    bufferedAmount: 0,
    closedWith: undefined as number | undefined,
    send: (data: string) => void sent.push(data),
    close: (code: number) => void (socket.closedWith = code),
  };
  return { socket, sent };
}

/** What graphql-ws does with onNext's answer: stringify the message, then send it. */
function emitNext(
  writes: SocketWrites,
  socket: ReturnType<typeof fakeSocket>['socket'],
  id: string,
  result: object,
) {
  const payload = writes.payloadFor(socket as unknown as WebSocket, id, result);
  socket.send(JSON.stringify({ id, type: 'next', payload }));
}

/** Two sockets opened on a server the writes are attached to. */
function attached(writes: SocketWrites) {
  const wss = new EventEmitter();
  writes.attach(wss as unknown as WebSocketServer);
  const one = fakeSocket();
  const other = fakeSocket();
  wss.emit('connection', one.socket);
  wss.emit('connection', other.socket);
  return { one, other };
}

describe('socket writes', () => {
  it('serializes a result once and sends it to each socket under its own id', () => {
    const writes = new SocketWrites();
    const { one, other } = attached(writes);
    const result = { data: { voteTally: { votesCounted: 3, note: '"payload":"quoted"' } } };

    emitNext(writes, one.socket, '1', result);
    emitNext(writes, other.socket, 'a"b', result);

    expect(writes.serializations).toBe(1);
    expect(JSON.parse(one.sent[0] ?? '')).toEqual({ id: '1', type: 'next', payload: result });
    expect(JSON.parse(other.sent[0] ?? '')).toEqual({ id: 'a"b', type: 'next', payload: result });
  });

  it('sends errors in their formatted shape', () => {
    const writes = new SocketWrites();
    const { one: socket } = attached(writes);
    const error = new GraphQLError('Nope', { extensions: { code: 'FORBIDDEN' } });

    emitNext(writes, socket.socket, '7', { data: null, errors: [error] });

    expect(JSON.parse(socket.sent[0] ?? '').payload).toEqual({
      data: null,
      errors: [{ message: 'Nope', extensions: { code: 'FORBIDDEN' } }],
    });
  });

  it('leaves other messages as they are', () => {
    const writes = new SocketWrites();
    const { one: socket } = attached(writes);

    socket.socket.send('{"type":"connection_ack"}');

    expect(socket.sent).toEqual(['{"type":"connection_ack"}']);
  });

  it('closes a socket whose backlog passes the bound, and only that one', () => {
    const writes = new SocketWrites(1_000);
    const { one: slow, other: fast } = attached(writes);
    slow.socket.bufferedAmount = 1_001;

    emitNext(writes, slow.socket, '1', { data: {} });
    emitNext(writes, fast.socket, '1', { data: {} });

    expect(slow.socket.closedWith).toBe(slowConsumerCloseCode);
    expect(fast.socket.closedWith).toBeUndefined();
  });
});
