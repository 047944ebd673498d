import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { PgBossJobQueue, Role, signToken, verifyToken, type RunningService } from '@daena/platform';
import { Jobs, jobKeys, type VoteRequested } from '@daena/contracts';
import {
  freePort,
  graphql,
  testJwtSecret,
  testStack,
  waitFor,
  type TestStack,
} from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAgentsConfig } from '../src/config.js';
import { createAgentsService } from '../src/service.js';
import { unreachableServices } from './start-agents.js';
import type { AgentBallot, ProposalForVote } from '../src/voting/store/decisions-client.js';

/**
 * The decisions subgraph, stood in for by a loopback GraphQL endpoint: it serves proposal(id)
 * from `proposals`, and records every castVote with the token's subject. Like the real one, it
 * keeps one vote per (proposal, round, agent) and counts only the calls that change it.
 */
const decisions = {
  proposals: new Map<string, ProposalForVote>(),
  calls: [] as { sub: string | null; roles: readonly string[]; ballot: AgentBallot }[],
  votes: new Map<string, { ballot: AgentBallot; changes: number }>(),
};
const castFor = (proposalId: string) =>
  decisions.calls.filter((call) => call.ballot.proposalId === proposalId);

function startDecisionsStandIn(port: number): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', async () => {
      const { query, variables } = JSON.parse(body) as {
        query: string;
        variables: { id?: string; input?: AgentBallot };
      };
      const answer = (data: unknown) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
      // The autonomy sweep's read of accepted proposals (anonymous, as proposals are public):
      // none here.
      if (query.includes('closedSince')) return answer({ proposals: [] });
      const principal = await verifyToken(
        testJwtSecret,
        req.headers.authorization?.replace(/^Bearer /, '') ?? '',
      );
      if (query.includes('castVote') && variables.input) {
        const ballot = variables.input;
        decisions.calls.push({ sub: principal.sub, roles: principal.roles, ballot });
        const key = `${ballot.proposalId}:${ballot.round}:${ballot.agentId}`;
        const stored = decisions.votes.get(key);
        const changed = JSON.stringify(stored?.ballot) !== JSON.stringify(ballot);
        decisions.votes.set(key, { ballot, changes: (stored?.changes ?? 0) + (changed ? 1 : 0) });
        return answer({ castVote: { id: key } });
      }
      return answer({ proposal: decisions.proposals.get(variables.id ?? '') ?? null });
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

let stack: TestStack;
let agents: RunningService;
/** The sending side (decisions, in production): another queue instance on the same database. */
let sender: PgBossJobQueue;

beforeAll(async () => {
  stack = await testStack('vote_worker');
  const port = await freePort();
  const standIn = await startDecisionsStandIn(port);
  stack.defer(() => new Promise<void>((resolve) => standIn.close(() => resolve())));
  const config = loadAgentsConfig({
    DATABASE_URL: stack.database.url,
    DECISIONS_URL: `http://127.0.0.1:${port}/graphql`,
    ...unreachableServices,
  });
  const queue = () =>
    new PgBossJobQueue({ url: stack.database.url, log: stack.log, pollingIntervalSeconds: 0.5 });
  agents = await stack.start(createAgentsService({ config, ...stack.dependencies, jobs: queue() }));
  sender = queue();
  await sender.start();
  stack.defer(() => sender.stop());
});

afterAll(() => stack?.close());

interface AgentRow {
  id: string;
  name: string;
  version: number;
  department: { id: string };
}

async function agentNamed(name: string): Promise<AgentRow> {
  const { body } = await graphql<{ agents: AgentRow[] }>(
    agents.url,
    '{ agents { id name version department { id } } }',
  );
  const agent = body.data?.agents.find((row) => row.name === name);
  if (!agent) throw new Error(`no agent named ${name}`);
  return agent;
}

function openProposal(departmentId: string, features: Partial<ProposalForVote>): string {
  const id = randomUUID();
  decisions.proposals.set(id, {
    id,
    title: 'Double the load-test cluster for the launch',
    description: 'Launch traffic is expected to triple.',
    kind: 'RESOURCE_ALLOCATION',
    risk: 0.2,
    stakeholderImpact: 0.5,
    urgency: 0.95,
    departmentId,
    status: 'OPEN',
    currentRound: 1,
    ...features,
  });
  return id;
}

/** Sends a vote request as decisions would, and waits until a worker has finished it. */
async function requestVote(proposalId: string, agentId: string): Promise<void> {
  const request: VoteRequested = {
    proposalId,
    round: 1,
    agentId,
    deadline: new Date(Date.now() + 3_600_000).toISOString(),
  };
  const id = await sender.send(Jobs.voteRequested, request, {
    singletonKey: jobKeys.voteRequested(request),
  });
  if (!id) throw new Error('the vote request was not queued');
  await waitFor(async () => expect(await sender.state(Jobs.voteRequested, id)).toBe('completed'));
}

describe('agents answer vote requests from the job queue', () => {
  it('casts exactly one vote per request, as the agent, with its role’s choice', async () => {
    const growth = await agentNamed('Engineering Growth Advisor');
    const scout = await agentNamed('Engineering Data Scout');
    const budget = openProposal(growth.department.id, {});
    const privacy = openProposal(scout.department.id, {
      title: 'Share raw customer logs with a vendor',
      kind: 'DATA_PRIVACY',
      risk: 0.9,
      urgency: 0.5,
    });

    await Promise.all([requestVote(budget, growth.id), requestVote(privacy, scout.id)]);

    expect(castFor(budget)).toEqual([
      {
        sub: growth.id,
        roles: [Role.AGENT],
        ballot: expect.objectContaining({ agentId: growth.id, round: 1, choice: 'APPROVE' }),
      },
    ]);
    expect(castFor(budget)[0]?.ballot.rationale).toMatch(/^Growth Advisor, Engineering: APPROVE/);
    expect(castFor(privacy)).toEqual([
      {
        sub: scout.id,
        roles: [Role.AGENT],
        ballot: expect.objectContaining({ agentId: scout.id, round: 1, choice: 'REJECT' }),
      },
    ]);
    expect(castFor(privacy)[0]?.ballot.rationale).toContain('data privacy risk 0.90');
  });

  it('changes nothing when a vote request is delivered again', async () => {
    const synthesizer = await agentNamed('Product Synthesizer');
    const proposal = openProposal(synthesizer.department.id, { kind: 'CROSS_DEPARTMENT' });

    await requestVote(proposal, synthesizer.id);
    await requestVote(proposal, synthesizer.id);

    const [first, again] = castFor(proposal);
    expect(castFor(proposal)).toHaveLength(2);
    expect(again?.ballot).toEqual(first?.ballot);
    const key = `${proposal}:1:${synthesizer.id}`;
    expect([...decisions.votes.keys()].filter((k) => k.startsWith(proposal))).toEqual([key]);
    expect(decisions.votes.get(key)?.changes).toBe(1);
  });

  it('lets a paused agent skip the vote', async () => {
    const border = await agentNamed('Finance Border Agent');
    const admin = await signToken(testJwtSecret, { sub: 'test-admin', roles: [Role.ADMIN] });
    const paused = await graphql<{ pauseAgent: { status: string } }>(
      agents.url,
      'mutation ($id: ID!, $version: Int!) { pauseAgent(id: $id, version: $version) { status } }',
      { id: border.id, version: border.version },
      admin,
    );
    expect(paused.body.data?.pauseAgent.status).toBe('PAUSED');
    const proposal = openProposal(border.department.id, { kind: 'DISPUTE' });

    await requestVote(proposal, border.id);

    expect(castFor(proposal)).toEqual([]);
  });
});
