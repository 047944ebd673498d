/**
 * Live voting latency through the gateway: from sending `castVote` to the `voteTally` payload
 * arriving at every subscriber, in both run modes. Prints a table and writes
 * test/bench/results/vote-latency.json. `npm run bench` runs it; it needs the local PostgreSQL
 * and Redis (like the tests) and starts its own Neo4j.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedNeo4j } from '@daena/neo4j-launcher';
import { Role, signToken } from '@daena/platform';
import {
  loadStackConfig,
  silentReporter,
  startDistributedStack,
  startEmbeddedStack,
} from '@daena/stack';
import {
  createTestDatabase,
  freePortRange,
  graphql,
  testJwtSecret,
  testStores,
} from '@daena/testing';
import { subscribe, waitForSubscribers, type LiveSubscription } from '../src/live.js';
import { benchMachine } from './bench-machine.js';

const subscribersPerProposal = 8;
const proposals = 12;

type Tally = { voteTally: { votesCounted: number } };
type Organization = { departments: { id: string; name: string }[] };
type Opened = { openProposal: { id: string; stakeholders: { agent: { id: string } }[] } };

/**
 * Cross-department proposals (16 stakeholders each); this bench casts every stakeholder's vote
 * itself, one at a time, so the agents' own answers are switched off (AGENTS_ANSWER_VOTE_REQUESTS).
 */
async function measure(gatewayUrl: string) {
  const admin = await signToken(testJwtSecret, { sub: 'bench', roles: [Role.ADMIN] });
  const org = (await graphql<Organization>(gatewayUrl, '{ departments { id name } }')).body.data;
  if (!org) throw new Error('no organization');
  const endToEnd: number[] = [];
  const mutation: number[] = [];
  // The vote that completes round 1 also closes it; it is reported apart from the others too.
  const closing = { endToEnd: [] as number[], mutation: [] as number[] };
  const others = { endToEnd: [] as number[], mutation: [] as number[] };
  for (let n = 0; n < proposals; n++) {
    const department = org.departments[n % org.departments.length];
    const opened = await graphql<Opened>(
      gatewayUrl,
      'mutation ($input: OpenProposalInput!) { openProposal(input: $input) { id stakeholders { agent { id } } } }',
      {
        input: {
          title: `Bench ${n} ${department?.name}`,
          departmentId: department?.id,
          affectedDepartmentIds: org.departments.map((d) => d.id),
          kind: 'CROSS_DEPARTMENT',
        },
      },
      admin,
    );
    if (opened.body.errors) throw new Error(JSON.stringify(opened.body.errors));
    const proposalId = opened.body.data?.openProposal.id;
    const voters = opened.body.data?.openProposal.stakeholders.map((s) => s.agent.id) ?? [];
    const live: LiveSubscription<Tally>[] = Array.from({ length: subscribersPerProposal }, () =>
      subscribe<Tally>(
        gatewayUrl.replace(/^http/, 'ws'),
        'subscription ($id: ID!) { voteTally(proposalId: $id) { votesCounted lastVote { agent { name department { name } } } } }',
        { id: proposalId },
      ),
    );
    const pending = live.map((subscription) => subscription.next());
    await waitForSubscribers(gatewayUrl, subscribersPerProposal);
    for (const [index, agentId] of voters.entries()) {
      const started = performance.now();
      const cast = graphql(
        gatewayUrl,
        'mutation ($input: CastVoteInput!) { castVote(input: $input) { id } }',
        {
          input: {
            proposalId,
            agentId,
            choice: index % 3 === 0 ? 'REJECT' : 'APPROVE',
            confidence: 0.8,
            rationale: `bench vote ${index}`,
          },
        },
        admin,
      ).then((response) => {
        if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
        mutation.push(performance.now() - started);
        (index + 1 === voters.length ? closing : others).mutation.push(performance.now() - started);
      });
      const payloads = await Promise.all(pending.splice(0));
      endToEnd.push(performance.now() - started);
      (index + 1 === voters.length ? closing : others).endToEnd.push(performance.now() - started);
      if (payloads.some((payload) => payload.voteTally.votesCounted !== index + 1)) {
        throw new Error('a subscriber saw a payload out of order');
      }
      await cast;
      if (index + 1 < voters.length)
        pending.push(...live.map((subscription) => subscription.next()));
    }
    await Promise.all(live.map((subscription) => subscription.close()));
    await waitForSubscribers(gatewayUrl, 0, true);
  }
  return {
    votes: endToEnd.length,
    subscribersPerProposal,
    endToEnd: summary(endToEnd),
    mutation: summary(mutation),
    closingVote: { endToEnd: summary(closing.endToEnd), mutation: summary(closing.mutation) },
    otherVotes: { endToEnd: summary(others.endToEnd), mutation: summary(others.mutation) },
  };
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1));
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

const dataDir = await mkdtemp(join(tmpdir(), 'daena-bench-'));
const neo4j = await startEmbeddedNeo4j({ dataDir: join(dataDir, 'neo4j'), boltPort: 0 });
const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
try {
  for (const mode of ['embedded', 'distributed'] as const) {
    process.stderr.write(`measuring ${mode} mode …\n`);
    const database = await createTestDatabase(`bench_${mode}`);
    const env = {
      ...process.env,
      PORT: String(await freePortRange(5)),
      DATABASE_URL: database.url,
      NEO4J_URI: neo4j.uri,
      JWT_SECRET: testJwtSecret,
      LOG_LEVEL: 'warn',
      AGENTS_ANSWER_VOTE_REQUESTS: 'false',
      ...(mode === 'distributed' ? { REDIS_URL: testStores.redisUrl } : {}),
    };
    const config = loadStackConfig(env);
    const stack =
      mode === 'distributed'
        ? await startDistributedStack(config, env, silentReporter, { inheritOutput: false })
        : await startEmbeddedStack(config, env, silentReporter);
    try {
      results[mode] = await measure(stack.gatewayUrl);
    } finally {
      await stack.close();
      await database.drop();
    }
  }
} finally {
  await neo4j.stop();
  await rm(dataDir, { recursive: true, force: true });
}

const rows = Object.entries(results).map(([mode, r]) => ({
  mode,
  votes: r.votes,
  subscribers: r.subscribersPerProposal,
  'cast→payload p50 ms': r.endToEnd.p50,
  'p95 ms': r.endToEnd.p95,
  'p99 ms': r.endToEnd.p99,
  'castVote p50 ms': r.mutation.p50,
  'castVote p95 ms': r.mutation.p95,
  'closing vote: cast→payload p50 ms': r.closingVote.endToEnd.p50,
  'max ms': r.closingVote.endToEnd.max,
  'closing castVote p50 ms': r.closingVote.mutation.p50,
  'other votes: cast→payload p95 ms': r.otherVotes.endToEnd.p95,
}));
console.table(rows);
await writeFile(
  new URL('./results/vote-latency.json', import.meta.url),
  JSON.stringify(
    { measuredAt: new Date().toISOString(), machine: benchMachine(), results },
    null,
    2,
  ) + '\n',
);
process.exit(0);
