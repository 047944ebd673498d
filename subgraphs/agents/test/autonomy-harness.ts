import { randomUUID } from 'node:crypto';
import {
  createPostgresStore,
  PgBossJobQueue,
  type PostgresStore,
  requestConnection,
  type JobQueue,
  type Principal,
  type RunningService,
} from '@daena/platform';
import { testPool, testStack, type TestStack } from '@daena/testing';
import type pg from 'pg';
import { loadAgentsConfig } from '../src/config.js';
import { createAgentsService } from '../src/service.js';
import { createAgentsContext } from '../src/request/context.js';
import { createRouterService } from '../src/router/operations/create-router-service.js';
import { HttpDecisionsDirectory } from '../src/organization/store/decisions-directory.js';
import type { RouterService } from '../src/router/operations/router-service.js';
import { HttpDecisionsEscalation } from '../src/autonomy/store/decisions-escalation.js';
import type { RunTaskDependencies } from '../src/autonomy/operations/run-task.js';
import { TaskRepository, type NewTask } from '../src/autonomy/store/task-repository.js';
import { TaskSource } from '../src/autonomy/domain/task.js';
import type { BudgetLimits } from '../src/autonomy/domain/budget.js';
import type { ScanDependencies } from '../src/autonomy/operations/scan-for-work.js';
import { migrations } from '../src/store/migrations/index.js';
import { unreachableServices } from './start-agents.js';

/** An agent as the tests pick them: by department and role. */
export interface RosterAgent {
  id: string;
  role: string;
  departmentId: string;
  slug: string;
}

/** Budgets no test reaches unless it narrows one. */
export const generousBudgets: BudgetLimits = {
  runTokens: 1_000_000,
  agentDailyTokens: 10_000_000,
  agentDailyUsd: 1_000,
  departmentDailyTokens: 100_000_000,
  departmentDailyUsd: 10_000,
};

export interface AutonomyHarness {
  stack: TestStack;
  /** The service's job queue, when it was given one. */
  jobs: JobQueue | undefined;
  agents: RunningService;
  sql: pg.Pool;
  roster: RosterAgent[];
  /** A worker's dependencies, as `runTask` takes them; `beforeTool` runs as tool calls begin. */
  deps(
    owner: string,
    change?: Partial<RunTaskDependencies>,
    beforeTool?: () => void,
  ): RunTaskDependencies;
  /** A task written without a job, so only the test's own workers run it. */
  taskFor(agent: RosterAgent, change?: Partial<NewTask>): Promise<{ id: string }>;
  /** What a scan needs (scan-for-work.ts), on the test's store, bus and job queue. */
  scanDeps(): ScanDependencies;
  /** A fresh EntityManager on the test's own store. */
  fork(): ReturnType<PostgresStore['fork']>;
  /** The router (offline model) the test's workers call. */
  router: RouterService;
  /** The decisions directory (nowhere: nothing here asks it). */
  decisions: HttpDecisionsDirectory;
  /** Routed model calls so far, by the router's own decision log. */
  routerDecisions(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The agents service on a throwaway database (its API and migrations, no task worker unless
 * `jobs` is given), and what a test needs to drive runs on workers of its own: a store, the
 * router with the offline model, and the decisions subgraph nowhere (nothing escalates).
 */
export async function autonomyHarness(
  name: string,
  options: {
    jobs?: (url: string, stack: TestStack) => JobQueue;
    env?: Record<string, string>;
  } = {},
): Promise<AutonomyHarness> {
  const stack = await testStack(name);
  const jobs = options.jobs?.(stack.database.url, stack);
  const agents = await stack.start(
    createAgentsService({
      config: loadAgentsConfig({
        DATABASE_URL: stack.database.url,
        AGENTS_ANSWER_VOTE_REQUESTS: 'false',
        ...unreachableServices,
        ...options.env,
      }),
      ...stack.dependencies,
      ...(jobs ? { jobs } : {}),
    }),
  );
  // Runs the test drives by hand queue their deferred jobs here (the service's queue if it has one).
  const runJobs = jobs ?? new PgBossJobQueue({ url: stack.database.url, log: stack.log });
  if (!jobs) stack.defer(() => runJobs.stop());
  const sql = testPool(stack.database.url);
  stack.defer(() => sql.end());
  const log = stack.log;
  const store = createPostgresStore({ schema: 'agents', url: stack.database.url, migrations, log });
  await store.connect();
  stack.defer(() => store.close());
  const router = createRouterService({
    config: loadAgentsConfig({ DATABASE_URL: stack.database.url }),
    log,
    bus: stack.bus,
    fork: () => store.fork(),
    jwtSecret: stack.dependencies.jwtSecret,
  });
  await router.service.start();
  stack.defer(() => router.service.stop());
  const nowhere = 'http://127.0.0.1:9/graphql';
  const decisions = new HttpDecisionsDirectory({ url: nowhere, timeoutMs: 100, log });
  const { rows } = await sql.query<{
    id: string;
    role: string;
    department_id: string;
    slug: string;
  }>(
    `select a.id, a.role, a.department_id, d.slug from agents.agents a
       join agents.departments d on d.id = a.department_id order by d.slug, a.name`,
  );
  const roster = rows.map((row) => ({
    id: row.id,
    role: row.role,
    departmentId: row.department_id,
    slug: row.slug,
  }));
  return {
    stack,
    jobs,
    agents,
    sql,
    roster,
    deps: (owner, change = {}, beforeTool = () => undefined) => ({
      fork: () => store.fork(),
      contextFor: (principal: Principal, em: ReturnType<typeof store.fork>) => {
        beforeTool();
        return createAgentsContext(principal, em, {
          bus: stack.bus,
          log,
          decisions,
          router: router.service,
        });
      },
      router: router.service,
      bus: stack.bus,
      log,
      owner,
      leaseSeconds: 30,
      maxOutputTokens: 400,
      escalation: new HttpDecisionsEscalation({ url: nowhere, timeoutMs: 100, log }),
      jwtSecret: stack.dependencies.jwtSecret,
      budgets: generousBudgets,
      jobs: runJobs,
      ...change,
    }),
    taskFor: (agent, change = {}) =>
      new TaskRepository(requestConnection(store.fork())).insert({
        id: randomUUID(),
        title: 'Reconcile the invoices',
        description: 'Match November invoices against payments.',
        requiredCapabilities: [],
        complexity: 0.2,
        priority: 2,
        departmentId: agent.departmentId,
        assigneeId: agent.id,
        deadline: null,
        budgetUsd: 1,
        parentId: null,
        source: TaskSource.PERSON,
        createdBy: 'test',
        ...change,
      }),
    scanDeps: () => ({
      fork: () => store.fork(),
      contextFor: (principal, em) =>
        createAgentsContext(principal, em, {
          bus: stack.bus,
          log,
          decisions,
          router: router.service,
          jobs,
        }),
      log,
      scan: { lookbackSeconds: 3_600, taskBudgetUsd: 1, alertDepartment: 'engineering' },
    }),
    fork: () => store.fork(),
    router: router.service,
    decisions,
    routerDecisions: async () => {
      const counted = await sql.query<{ n: number }>(
        'select count(*)::int as n from agents.router_decisions',
      );
      return counted.rows[0]?.n ?? 0;
    },
    close: () => stack.close(),
  };
}
