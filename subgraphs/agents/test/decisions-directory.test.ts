import { createServer, type Server } from 'node:http';
import { freePort, silentLogger } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpDecisionsDirectory } from '../src/organization/store/decisions-directory.js';

/** A loopback GraphQL endpoint whose answer each test chooses (the real one: organization-admin). */
let answer: { status: number; body: string } = { status: 200, body: '{}' };
const requests: { authorization: string | undefined; body: unknown }[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({ authorization: req.headers.authorization, body: JSON.parse(body) });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const directory = () => new HttpDecisionsDirectory({ url, timeoutMs: 2_000, log: silentLogger() });
const departmentId = '0b0e8a2e-4b4c-4f5e-9a1f-1a2b3c4d5e6f';

describe('asking decisions for open proposals', () => {
  it("asks for the department's OPEN proposals with the caller's token", async () => {
    answer = { status: 200, body: JSON.stringify({ data: { proposals: [{ id: 'p1' }] } }) };
    expect(await directory().openProposalIds(departmentId, 'jwt')).toEqual(['p1']);
    expect(requests.at(-1)).toMatchObject({
      authorization: 'Bearer jwt',
      body: { variables: { departmentId } },
    });
  });

  it.each([
    ['an error answer', 200, JSON.stringify({ errors: [{ message: 'boom' }] })],
    ['an answer of the wrong shape', 200, JSON.stringify({ data: { proposals: 'many' } })],
    ['not JSON', 200, '<html>'],
    ['a server error', 503, '{}'],
  ])('counts %s as unavailable', async (_case, status, body) => {
    answer = { status, body };
    await expect(directory().openProposalIds(departmentId, null)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      reason: 'DECISIONS_UNAVAILABLE',
    });
  });

  it('counts a closed port as unavailable', async () => {
    const closed = new HttpDecisionsDirectory({
      url: `http://127.0.0.1:${await freePort()}/graphql`,
      timeoutMs: 2_000,
      log: silentLogger(),
    });
    await expect(closed.openProposalIds(departmentId, null)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });
});
