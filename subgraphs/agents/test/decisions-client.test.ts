import { createServer, type Server } from 'node:http';
import { freePort, silentLogger } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpDecisionsVoting, VoteRefusedError } from '../src/voting/store/decisions-client.js';

/** A loopback GraphQL endpoint whose answer each test chooses (the real one: vote-worker). */
let answer: { status: number; body: unknown } = { status: 200, body: {} };
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume().on('end', () => {
      res
        .writeHead(answer.status, { 'content-type': 'application/json' })
        .end(JSON.stringify(answer.body));
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = () => new HttpDecisionsVoting({ url, timeoutMs: 2_000, log: silentLogger() });
const ballot = {
  proposalId: 'p1',
  agentId: 'a1',
  round: 1,
  choice: 'APPROVE' as const,
  confidence: 0.5,
  rationale: 'because',
};

describe('the decisions client of the vote worker', () => {
  it('names the fields decisions does not serve yet', async () => {
    answer = {
      status: 400,
      body: {
        errors: [
          {
            message: 'Cannot query field "kind" on type "Proposal".',
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      },
    };
    await expect(client().proposal('p1', 'token')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      reason: 'DECISIONS_SCHEMA_MISMATCH',
      message: expect.stringContaining('Cannot query field "kind" on type "Proposal"'),
    });
  });

  it('names the fields that come back unusable', async () => {
    answer = { status: 200, body: { data: { proposal: { id: 'p1', title: 'T', risk: 'high' } } } };
    await expect(client().proposal('p1', 'token')).rejects.toMatchObject({
      reason: 'DECISIONS_SCHEMA_MISMATCH',
      message: expect.stringMatching(/without a usable kind, risk, .*currentRound/),
    });
  });

  it('reads an unknown proposal as null', async () => {
    answer = { status: 200, body: { data: { proposal: null } } };
    expect(await client().proposal('p1', 'token')).toBeNull();
  });

  it('tells a refused vote (not worth retrying) from an outage', async () => {
    answer = {
      status: 200,
      body: {
        data: null,
        errors: [
          {
            message: 'The round is closed',
            extensions: { code: 'CONFLICT', reason: 'ROUND_CLOSED' },
          },
        ],
      },
    };
    const refused = client().castVote(ballot, 'token');
    await expect(refused).rejects.toBeInstanceOf(VoteRefusedError);
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT', reason: 'ROUND_CLOSED' });

    answer = { status: 503, body: {} };
    await expect(client().castVote(ballot, 'token')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      reason: 'DECISIONS_UNAVAILABLE',
    });
  });
});
