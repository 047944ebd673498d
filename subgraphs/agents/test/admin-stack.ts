import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Role, stopProcess, type RunningService } from '@daena/platform';
import { Events, type AgentChanged, type DepartmentChanged } from '@daena/contracts';
import { freePort, graphql, testJwtSecret, testPool, testStack, waitFor } from '@daena/testing';
import { loadAgentsConfig } from '../src/config.js';
import { createAgentsService } from '../src/service.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The agents service (in this process) and the real decisions service (its own process, the
 * same command as `npm start -w subgraphs/decisions`) on one throwaway database: decisions asks
 * agents for stakeholders, agents asks decisions for open proposals.
 */
export async function startAdminStack(): Promise<AdminStack> {
  const stack = await testStack('organization_admin');
  return stack.closeOnFailure(async () => {
    const { database, bus } = stack;
    const events = { departments: [] as DepartmentChanged[], agents: [] as AgentChanged[] };
    bus.subscribe(Events.departmentChanged, (event) => void events.departments.push(event.data));
    bus.subscribe(Events.agentChanged, (event) => void events.agents.push(event.data));
    const pool = testPool(database.url);
    stack.defer(() => pool.end());
    const decisionsPort = await freePort();
    const decisionsUrl = `http://127.0.0.1:${decisionsPort}/graphql`;

    const startAgents = (decisions = decisionsUrl) =>
      stack.start(
        createAgentsService({
          config: loadAgentsConfig({ DATABASE_URL: database.url, DECISIONS_URL: decisions }),
          ...stack.dependencies,
        }),
      );
    let agents = await startAgents();
    const decisionsProcess = await startDecisionsProcess(decisionsPort, database.url, agents.url);
    stack.defer(() => decisionsProcess.stop());

    const tokens = {
      admin: await stack.token({ roles: [Role.ADMIN] }),
      executive: await stack.token({ roles: [Role.EXECUTIVE] }),
      lead: await stack.token({
        sub: 'lead',
        roles: [Role.DEPARTMENT_LEAD],
        department: 'engineering',
      }),
    };

    return {
      events,
      tokens,
      get agents() {
        return agents;
      },
      call: (query, variables = {}, bearer = tokens.admin) =>
        graphql(agents.url, query, variables, bearer),
      callDecisions: (query, variables = {}, bearer = tokens.admin) =>
        graphql(decisionsUrl, query, variables, bearer),
      startAgents,
      restartAgents: async () => {
        await stack.stop(agents);
        agents = await startAgents();
      },
      sql: async (text, values = []) => (await pool.query(text, values)).rows,
      snapshot: async () => {
        const [row] = (
          await pool.query<{ departments: string; agents: string }>(`
            select (select md5(string_agg(d::text, ',' order by d.id)) from agents.departments d)
                     as departments,
                   (select md5(string_agg(a::text, ',' order by a.id)) from agents.agents a)
                     as agents`)
        ).rows;
        return `${row?.departments}/${row?.agents}`;
      },
      close: stack.close,
    };
  });
}

type Result = Awaited<ReturnType<typeof graphql<Record<string, unknown>>>>;

export interface AdminStack {
  events: { departments: DepartmentChanged[]; agents: AgentChanged[] };
  tokens: { admin: string; executive: string; lead: string };
  readonly agents: RunningService;
  /** A GraphQL call to the agents service, as an admin unless another bearer is given. */
  call(query: string, variables?: Record<string, unknown>, bearer?: string): Promise<Result>;
  callDecisions(
    query: string,
    variables?: Record<string, unknown>,
    bearer?: string,
  ): Promise<Result>;
  /** Another agents service on the same database (e.g. with decisions unreachable). */
  startAgents(decisionsUrl?: string): Promise<RunningService>;
  /** Stops the agents service and starts a new one on the same database. */
  restartAgents(): Promise<void>;
  /** Raw SQL on the test database, for arranging what no API offers. */
  sql(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
  /** A digest of every department and agent row: equal digests mean nothing was written. */
  snapshot(): Promise<string>;
  close(): Promise<void>;
}

export interface DecisionsProcess {
  stop(): Promise<void>;
}

/** The decisions service in its own process (its events stay there: it has no shared bus). */
export async function startDecisionsProcess(
  port: number,
  databaseUrl: string,
  agentsUrl: string,
  env: Record<string, string> = {},
): Promise<DecisionsProcess> {
  // The parent's environment (PATH, TEST_*), minus what would point decisions elsewhere.
  const { REDIS_URL: _redis, ...inherited } = process.env;
  const child = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      '@daena/platform/register',
      'subgraphs/decisions/src/main.ts',
    ],
    {
      cwd: repoRoot,
      env: {
        ...inherited,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        AGENTS_URL: agentsUrl,
        JWT_SECRET: testJwtSecret,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
  const stop = () => stopProcess(child);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`decisions exited (${code}):\n${output}`))),
  );
  exited.catch(() => undefined);
  try {
    await Promise.race([
      exited,
      waitFor(async () => {
        const response = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (!response.ok) throw new Error(`decisions not ready: ${await response.text()}`);
      }, 60_000),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}
