import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessRunning } from '@daena/neo4j-launcher';
import { freePort } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultRedisCacheDir,
  startEmbeddedRedis,
  type EmbeddedRedisHandle,
} from '../src/embedded-redis.js';
import { ensureRedisServer } from '../src/redis-binary.js';
import { StartupError } from '../src/startup-error.js';

/** Sends inline commands over one connection and returns the raw replies, in order. */
function redis(url: string, commands: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: Number(new URL(url).port) });
    let replies = '';
    socket.on('data', (chunk: Buffer) => {
      replies += chunk.toString();
      if (replies.split('\r\n').length > commands.length) socket.end();
    });
    socket.once('error', reject);
    socket.once('end', () => resolve(replies));
    socket.once('connect', () => socket.write(commands.map((c) => `${c}\r\n`).join('')));
  });
}

let scratch: string;
let server: EmbeddedRedisHandle;
const log = () => {};

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'daena-redis-'));
  server = await startEmbeddedRedis({
    dataDir: join(scratch, 'data'),
    port: await freePort(),
    log,
  });
});
afterAll(async () => {
  await server?.stop();
  await rm(scratch, { recursive: true, force: true });
});

describe('embedded Redis', () => {
  it('answers PING and keeps what it is given, with persistence off', async () => {
    const replies = await redis(server.url, [
      'PING',
      'SET probe 42',
      'GET probe',
      'CONFIG GET save',
    ]);
    expect(replies).toBe('+PONG\r\n+OK\r\n$2\r\n42\r\n*2\r\n$4\r\nsave\r\n$0\r\n\r\n');
  });

  it('names the port and the variable to change when another program holds the port', async () => {
    const taken: Server = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    try {
      const error = await startEmbeddedRedis({ dataDir: join(scratch, 'other'), port, log }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toBe(
        `port ${port} (Redis) is in use by another program: set EMBEDDED_REDIS_PORT to a free port, or stop that program`,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('extracts a damaged cached binary again', async () => {
    const cacheDir = join(scratch, 'cache');
    await mkdir(cacheDir);
    // The jar the suite's server was started from: no second Maven run.
    const jar = (await readdir(defaultRedisCacheDir)).find((name) => name.endsWith('.jar')) ?? '';
    await copyFile(join(defaultRedisCacheDir, jar), join(cacheDir, jar));
    const binary = await ensureRedisServer(cacheDir, log);
    await writeFile(binary, 'truncated');
    const messages: string[] = [];

    const again = await ensureRedisServer(cacheDir, (message) => messages.push(message));
    const revived = await startEmbeddedRedis({
      dataDir: join(scratch, 'revived'),
      port: await freePort(),
      log,
      cacheDir,
    });

    expect(again).toBe(binary);
    expect(messages).toEqual([
      expect.stringMatching(/does not match its checksum; extracting it again$/),
    ]);
    expect(await redis(revived.url, ['PING'])).toBe('+PONG\r\n');
    await revived.stop();
  });

  it('stops and leaves no process behind', async () => {
    await server.stop();
    expect(await isProcessRunning(server.pid)).toBe(false);
  });
});
