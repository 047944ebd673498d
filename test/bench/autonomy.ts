/**
 * The autonomy engine under load (issue 15): the 64 agents work a generated backlog with the
 * offline model, on worker processes of the agents service (each `npm start -w subgraphs/agents`
 * as it runs in production, on one Postgres), with the decisions service voting on escalations.
 * Phase `steady`: tasks per minute, queue latency p95 (task created → its run started),
 * escalation share, budget refusals and overruns. Phase `kills`: the same on a fresh database
 * while one worker process is killed (SIGKILL) every `--kill-every` seconds and replaced; lost
 * tasks, repeated model calls and repeated side effects are counted from the checkpoints, the
 * router's decision log, the effects themselves and, with `--model stub`, the model's own call
 * log. Writes test/bench/results/autonomy.json (autonomy-stub.json with the stub).
 *
 * `--model stub` puts a model behind the real `openai` client instead of the offline one: the
 * loopback OpenAI-compatible stub, answering after `--model-latency-ms`, which honours
 * `Idempotency-Key` as providers that deduplicate do. Its log says how many answers were
 * generated per key; a call in flight when its worker is killed is sent again under its key.
 *
 *   node --conditions=source --import @daena/platform/register test/bench/autonomy.ts \
 *     [--tasks 2000] [--workers 3] [--kill-every 30] [--drain S] [--phases steady,kills] \
 *     [--model offline|stub] [--model-latency-ms 300]
 *
 * `--drain` bounds how long a phase waits, after the backlog is created, for its tasks to end
 * (tasks still open then count as lost): by default 0.15 s a task, at least 300 s.
 *
 * It needs the local PostgreSQL (TEST_DATABASE_URL), like the tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { benchMachine } from './bench-machine.js';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Role, signToken, stopProcess } from '@daena/platform';
import {
  createTestDatabase,
  freePort,
  graphql,
  startOpenAiStub,
  testJwtSecret,
  testPool,
  waitFor,
  type OpenAiStub,
} from '@daena/testing';
import type pg from 'pg';

const { values: args } = parseArgs({
  options: {
    tasks: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '3' },
    'kill-every': { type: 'string', default: '30' },
    drain: { type: 'string' },
    phases: { type: 'string', default: 'steady,kills' },
    model: { type: 'string', default: 'offline' },
    'model-latency-ms': { type: 'string', default: '300' },
  },
});
const taskCount = Number(args.tasks);
const workerCount = Number(args.workers);
const killEverySeconds = Number(args['kill-every']);
const drainSeconds = Number(args.drain ?? Math.max(300, Math.ceil(taskCount * 0.15)));
const phases = (args.phases ?? '')
  .split(',')
  .filter((name): name is 'steady' | 'kills' => name === 'steady' || name === 'kills');
const modelKind = args.model === 'stub' ? 'stub' : 'offline';
const modelLatencyMs = Number(args['model-latency-ms']);
if (
  phases.length === 0 ||
  ![taskCount, workerCount, killEverySeconds, drainSeconds, modelLatencyMs].every(Number.isFinite)
) {
  throw new Error(
    'usage: --tasks N --workers N --kill-every S --drain S --phases steady,kills --model offline|stub --model-latency-ms MS',
  );
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/**
 * Budgets narrow enough that departments near their day late in the backlog, so the reservation
 * is exercised under contention while overruns are counted: per-task shares as at 500 tasks
 * (40,000 tokens an agent, 25,000 a department), scaled with the backlog.
 */
const budgets = {
  AUTONOMY_AGENT_DAILY_TOKENS: String(80 * Math.max(500, taskCount)),
  AUTONOMY_DEPARTMENT_DAILY_TOKENS: String(50 * Math.max(500, taskCount)),
  AUTONOMY_RUN_MAX_TOKENS: '20000',
};
/** Share of the backlog above every role's autonomy threshold (0.7 at most): escalated to CMP. */
const escalatedShare = 0.05;

interface Service {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** A service's `main.ts` in its own process, ready when its /readyz answers. */
async function startService(
  name: string,
  env: Record<string, string>,
  port?: number,
): Promise<Service> {
  port ??= await freePort();
  const { REDIS_URL: _redis, ...inherited } = process.env;
  const child = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      '@daena/platform/register',
      `subgraphs/${name}/src/main.ts`,
    ],
    {
      cwd: repoRoot,
      env: {
        ...inherited,
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        JWT_SECRET: testJwtSecret,
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  // Ready when /readyz says so (the testing package's poll with a deadline), or failed at exit.
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${name} exited (${code})`))),
  );
  exited.catch(() => undefined);
  await Promise.race([
    waitFor(
      async () => {
        const response = await fetch(`${url}/readyz`);
        if (!response.ok) throw new Error(`${name} not ready: ${await response.text()}`);
      },
      120_000,
      250,
    ),
    exited,
  ]);
  return { url: `${url}/graphql`, child, stop: () => stopProcess(child) };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function createBacklog(apiUrl: string, token: string): Promise<void> {
  const { body } = await graphql<{ departments: { id: string }[] }>(
    apiUrl,
    '{ departments { id } }',
  );
  const departments = body.data?.departments ?? [];
  const work = ['Reconcile', 'Summarize', 'Review', 'Forecast', 'Audit', 'Draft', 'Compare'];
  const subjects = ['invoices', 'churn', 'contracts', 'sign-ups', 'tickets', 'hiring plan'];
  const create = async (n: number) => {
    const { body: created } = await graphql(
      apiUrl,
      'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }',
      {
        input: {
          title: `${work[n % work.length]} the ${subjects[n % subjects.length]} #${n}`,
          description: `Backlog item ${n}: do it and report to the cell.`,
          complexity: (n * 7919) % 1000 < escalatedShare * 1000 ? 0.95 : 0.2,
          priority: 1 + (n % 5),
          departmentId: departments[n % departments.length]?.id,
          budgetUsd: 1,
        },
      },
      token,
    );
    if (created.errors) throw new Error(JSON.stringify(created.errors));
  };
  // Eight clients at a time, as people and scans would add work.
  for (let start = 0; start < taskCount; start += 8) {
    await Promise.all(
      Array.from({ length: Math.min(8, taskCount - start) }, (_, i) => create(start + i)),
    );
  }
}

/** Every figure, counted from the store: the tasks, the checkpoints, the effects. */
async function measure(sql: pg.Pool, startedAt: number, stub: OpenAiStub | null) {
  const one = async <T>(query: string): Promise<T> => (await sql.query(query)).rows[0] as T;
  const statuses = await sql.query<{ status: string; n: number }>(
    'select status, count(*)::int as n from agents.tasks group by status',
  );
  const byStatus = Object.fromEntries(statuses.rows.map((row) => [row.status, row.n]));
  const failures = await sql.query<{ code: string; n: number }>(
    `select error_code as code, count(*)::int as n from agents.tasks
      where status = 'FAILED' group by error_code`,
  );
  const failedBy = Object.fromEntries(failures.rows.map((row) => [row.code, row.n]));
  const latencies = await sql.query<{ ms: number }>(
    `select extract(epoch from (min(r.started_at) - t.created_at)) * 1000 as ms
       from agents.tasks t join agents.agent_runs r on r.task_id = t.id group by t.id, t.created_at`,
  );
  const escalated = await one<{ n: number; done: number; rejected: number }>(
    `select count(*)::int as n,
            count(*) filter (where t.status = 'DONE')::int as done,
            count(*) filter (where t.error_code = 'CONSENSUS_REJECTED')::int as rejected
       from agents.tasks t where exists (
         select 1 from agents.run_steps s join agents.agent_runs r on r.id = s.run_id
          where r.task_id = t.id and s.kind = 'WAIT_FOR_CONSENSUS')`,
  );
  const refusals = await one<{ n: number }>(
    "select count(*)::int as n from agents.tasks where error_code like 'BUDGET_%' and status = 'FAILED'",
  );
  const overruns = await one<{ n: number }>(`
    select (select count(*) from agents.autonomy_budget_days
             where (scope = 'AGENT' and tokens > ${budgets.AUTONOMY_AGENT_DAILY_TOKENS})
                or (scope = 'DEPARTMENT' and tokens > ${budgets.AUTONOMY_DEPARTMENT_DAILY_TOKENS}))
         + (select count(*) from agents.agent_runs where tokens > ${budgets.AUTONOMY_RUN_MAX_TOKENS})
         + (select count(*) from agents.tasks where spent_usd > budget_usd + 1e-9) as n`);
  // A run's model call routes under its step's key: one decision per step, whose `resent` counts
  // the calls sent again because the worker making it died before its answer was stored. Calls
  // without a key are the agents' votes on escalations (with an LLM configured).
  const calls = await one<{
    keyed: number;
    other: number;
    checkpointed: number;
    resent: number;
    resumed: number;
  }>(`
    select (select count(*)::int from agents.router_decisions where idempotency_key is not null) as keyed,
           (select count(*)::int from agents.router_decisions where idempotency_key is null) as other,
           (select count(*)::int from agents.run_steps where kind = 'MODEL_CALL' and status = 'DONE') as checkpointed,
           (select coalesce(sum(resent), 0)::int from agents.router_decisions) as resent,
           (select count(*)::int from agents.run_steps where attempts > 1) as resumed`);
  // The model's own log: answers generated under a key beyond the first (the stub replays the
  // rest, as a provider honouring Idempotency-Key does).
  let generatedTwice: number | null = null;
  if (stub) {
    const log = stub.requests();
    const generated = log.idempotencyKeys.filter(
      (key, i) => key !== null && log.replayed[i] === false,
    );
    generatedTwice = generated.length - new Set(generated).size;
  }
  // Every message an agent sent from a run has its effect record, one per step; a repeated
  // effect is a message no record names, or more records than steps that sent. Likewise every
  // proposal in decisions (only escalations make them here) is one a step's record names: a draft
  // none names was made by an attempt whose worker died, and its step made another.
  const effects = await one<{
    messages: number;
    unrecorded: number;
    recorded: number;
    steps: number;
    proposals: number;
    unrecordedProposals: number;
  }>(`
    select (select count(*)::int from agents.messages) as messages,
           (select count(*)::int from agents.messages m where not exists (
              select 1 from agents.tool_effects e where e.effect->>'messageId' = m.id::text)) as unrecorded,
           (select count(*)::int from agents.tool_effects where tool = 'send_message') as recorded,
           (select count(*)::int from agents.run_steps s where s.kind = 'TOOL_CALL' and s.status = 'DONE'
               and s.input->'action'->>'tool' = 'send_message') as steps,
           (select count(*)::int from decisions.proposals) as proposals,
           (select count(*)::int from decisions.proposals p where not exists (
              select 1 from agents.tool_effects e where e.tool = 'open_proposal'
                 and e.effect->>'proposalId' = p.id::text)) as "unrecordedProposals"`);
  const finished = (byStatus['DONE'] ?? 0) + (byStatus['FAILED'] ?? 0);
  // Throughput up to the last task that finished (a drain waiting on a vote is not work).
  const last = await one<{ at: number | null }>(
    `select extract(epoch from max(updated_at)) * 1000 as at from agents.tasks
      where status in ('DONE', 'FAILED')`,
  );
  const finishedAt = Number(last.at ?? startedAt);
  return {
    tasks: taskCount,
    byStatus,
    failedBy,
    tasksPerMinute: Math.round((finished / ((finishedAt - startedAt) / 60_000)) * 10) / 10,
    queueLatencyP50Ms: Math.round(
      percentile(
        latencies.rows.map((r) => Number(r.ms)),
        50,
      ),
    ),
    queueLatencyP95Ms: Math.round(
      percentile(
        latencies.rows.map((r) => Number(r.ms)),
        95,
      ),
    ),
    escalationShare: Math.round((escalated.n / taskCount) * 1000) / 1000,
    // How escalated tasks ended: CMP accepted and the run went on to the end, or it rejected.
    escalationsCarriedOut: escalated.done,
    escalationsRejected: escalated.rejected,
    budgetRefusals: refusals.n,
    budgetOverruns: Number(overruns.n),
    // Waiting on a vote or for the next day's budget is not lost: both resume by themselves.
    deferredToNextDay: byStatus['WAITING_FOR_BUDGET'] ?? 0,
    lostTasks:
      taskCount -
      finished -
      (byStatus['WAITING_FOR_CONSENSUS'] ?? 0) -
      (byStatus['WAITING_FOR_BUDGET'] ?? 0),
    modelCalls: calls.keyed,
    // Checkpointed model calls of runs with no decision of their own (two steps sharing one).
    uncountedModelCalls: Math.max(0, calls.checkpointed - calls.keyed),
    voteModelCalls: calls.other,
    callsSentAgain: calls.resent,
    // The offline model answers every call it gets again; the stub generates once per key.
    repeatedModelCalls: generatedTwice ?? calls.resent,
    stepsResumed: calls.resumed,
    messages: effects.messages,
    proposals: effects.proposals,
    repeatedSideEffects:
      effects.unrecorded + (effects.recorded - effects.steps) + effects.unrecordedProposals,
  };
}

async function phase(name: 'steady' | 'kills') {
  const database = await createTestDatabase(`bench_autonomy_${name}`);
  const sql = testPool(database.url);
  const services: Service[] = [];
  const stub =
    modelKind === 'stub'
      ? await startOpenAiStub({ defaultBehaviour: { kind: 'slow', delayMs: modelLatencyMs } })
      : null;
  try {
    const decisionsPort = await freePort();
    const common = {
      DATABASE_URL: database.url,
      DECISIONS_URL: `http://127.0.0.1:${decisionsPort}/graphql`,
      AUTONOMY_SWEEP_SECONDS: '2',
      AUTONOMY_LEASE_SECONDS: '10',
      // A dead worker's run is queued again by the next sweep once its lease lapsed.
      AUTONOMY_STALE_TASK_SECONDS: '30',
      ...budgets,
      ...(stub
        ? {
            LLM_MODELS: JSON.stringify([
              {
                name: 'bench-llm',
                baseURL: stub.url,
                apiKey: 'sk-bench',
                inputUsdPerMTok: 0.15,
                outputUsdPerMTok: 0.6,
                timeoutMs: 30_000,
              },
            ]),
          }
        : {}),
    };
    // The API replica migrates and seeds first; it serves requests and works no runs.
    const api = await startService('agents', { ...common, AGENTS_RUN_TASKS: 'false' });
    services.push(api);
    services.push(
      await startService(
        'decisions',
        { DATABASE_URL: database.url, AGENTS_URL: api.url, CMP_STOPPING_RULES: '*:0.05:DECIDE' },
        decisionsPort,
      ),
    );
    const startWorker = () => startService('agents', { ...common, AGENTS_RUN_TASKS: 'true' });
    const workers: Service[] = [];
    for (let i = 0; i < workerCount; i++) workers.push(await startWorker());
    const token = await signToken(testJwtSecret, { sub: 'bench', roles: [Role.ADMIN] });

    const startedAt = Date.now();
    let kills = 0;
    const replacements: Promise<void>[] = [];
    const failedReplacements: unknown[] = [];
    const killer =
      name === 'kills'
        ? setInterval(() => {
            const victim = workers.shift();
            if (!victim) return;
            victim.child.kill('SIGKILL');
            kills++;
            // A replacement that fails to start ends the phase (its services stopped), not the
            // bench process with its children left running.
            replacements.push(
              startWorker().then(
                (replacement) => void workers.push(replacement),
                (error: unknown) => void failedReplacements.push(error),
              ),
            );
          }, killEverySeconds * 1_000)
        : undefined;
    await createBacklog(api.url, token);
    const drainUntil = Date.now() + drainSeconds * 1_000;
    let finishedAt = Date.now();
    let reportedAt = 0;
    for (;;) {
      const open = await sql.query<{ n: number }>(
        `select count(*)::int as n from agents.tasks
          where status not in ('DONE', 'FAILED', 'WAITING_FOR_BUDGET')`,
      );
      const left = open.rows[0]?.n ?? 0;
      finishedAt = Date.now();
      // Progress on stderr every 30 s (the table goes to stdout at the end).
      if (finishedAt - reportedAt >= 30_000) {
        reportedAt = finishedAt;
        const seconds = Math.round((finishedAt - startedAt) / 1_000);
        process.stderr.write(
          `${name}: ${taskCount - left}/${taskCount} tasks settled after ${seconds} s` +
            `${name === 'kills' ? `, ${kills} workers killed` : ''}\n`,
        );
      }
      if (left === 0 || finishedAt > drainUntil) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    if (killer) clearInterval(killer);
    await Promise.allSettled(replacements);
    if (failedReplacements.length > 0) {
      throw new AggregateError(failedReplacements, 'a replacement worker did not start');
    }
    for (const worker of workers) services.push(worker);
    const figures = await measure(sql, startedAt, stub);
    return {
      phase: name,
      workers: workerCount,
      kills,
      seconds: (finishedAt - startedAt) / 1_000,
      ...figures,
    };
  } finally {
    for (const service of services.reverse()) await service.stop().catch(() => undefined);
    await stub?.close();
    await sql.end();
    await database.drop();
  }
}

/** The machine as detected when the phase ended (its load included: runs share machines). */
function machine() {
  return { measuredAt: new Date().toISOString(), ...benchMachine() };
}

const command = `node --conditions=source --import @daena/platform/register test/bench/autonomy.ts --tasks ${taskCount} --workers ${workerCount} --kill-every ${killEverySeconds} --phases ${phases.join(',')} --model ${modelKind}${modelKind === 'stub' ? ` --model-latency-ms ${modelLatencyMs}` : ''}`;
const measured: Record<string, unknown>[] = [];
for (const name of phases) {
  const figures = await phase(name);
  console.table([figures]);
  // Each phase keeps the command and budgets it ran with: a run of one phase keeps the other's.
  measured.push({ ...figures, command, budgets, machine: machine() });
}
const file = new URL(
  `results/${modelKind === 'stub' ? 'autonomy-stub' : 'autonomy'}.json`,
  import.meta.url,
);
const earlier = await readFile(file, 'utf8')
  .then((text) => (JSON.parse(text) as { phases?: { phase: string }[] }).phases ?? [])
  .catch(() => []);
const results = {
  issue: 15,
  model: modelKind === 'stub' ? `loopback stub, ${modelLatencyMs} ms per answer` : 'offline',
  agents: 64,
  escalatedShareGenerated: escalatedShare,
  phases: [
    ...earlier.filter(
      (kept) => !(phases as readonly string[]).includes(kept.phase) && 'command' in kept,
    ),
    ...measured,
  ],
};
await mkdir(new URL('results/', import.meta.url), { recursive: true });
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
