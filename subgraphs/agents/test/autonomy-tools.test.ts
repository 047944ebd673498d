import { startOpenAiStub, type OpenAiStub } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAgentsConfig } from '../src/config.js';
import { runTask } from '../src/autonomy/operations/run-task.js';
import { HttpKnowledgeTools } from '../src/autonomy/store/knowledge-tools.js';
import { createRouterService } from '../src/router/operations/create-router-service.js';
import type { RouterService } from '../src/router/operations/router-service.js';
import { autonomyHarness, type AutonomyHarness, type RosterAgent } from './autonomy-harness.js';

/*
 * Issue 15 §3: the knowledge tools where there is no knowledge subgraph. A run planned without
 * it offers the model no knowledge tool and refuses one asked for (recorded, not run); a run
 * whose knowledge subgraph is down records nothing as done and is tried again later. Real
 * Postgres; the model is the loopback OpenAI-compatible stub (the end-to-end test with knowledge
 * is test/e2e/autonomy-tools.e2e.test.ts).
 */
let h: AutonomyHarness;
let llm: OpenAiStub;
let router: RouterService;
let scout: RosterAgent;

beforeAll(async () => {
  h = await autonomyHarness('autonomy_tools');
  llm = await startOpenAiStub({
    answer: () =>
      JSON.stringify({
        summary: 'Looked it up and told the cell.',
        actions: [
          { tool: 'search_knowledge', args: { query: 'invoices' } },
          { tool: 'send_message', args: { topic: 'CELL', body: 'Invoices reconciled.' } },
        ],
      }),
  });
  h.stack.defer(() => llm.close());
  const created = createRouterService({
    config: loadAgentsConfig({
      DATABASE_URL: h.stack.database.url,
      LLM_MODELS: JSON.stringify([{ name: 'stub', baseURL: llm.url, apiKey: 'sk-test' }]),
      LLM_DEFAULT_MODEL: 'stub',
    }),
    log: h.stack.log,
    bus: h.stack.bus,
    fork: () => h.fork(),
    jwtSecret: h.stack.dependencies.jwtSecret,
  });
  await created.service.start();
  h.stack.defer(() => created.service.stop());
  router = created.service;
  const found = h.roster.find((a) => a.slug === 'finance' && a.role === 'DATA_SCOUT');
  if (!found) throw new Error('no scout');
  scout = found;
});
afterAll(() => h?.close());

const stepsOf = async (taskId: string) =>
  (
    await h.sql.query<{ kind: string; status: string; error_code: string | null; output: unknown }>(
      `select s.kind, s.status, s.error_code, s.output from agents.run_steps s
         join agents.agent_runs r on r.id = s.run_id where r.task_id = $1 order by s.seq`,
      [taskId],
    )
  ).rows;

describe('the knowledge tools without a knowledge subgraph', () => {
  it('are not offered, and one asked for is refused TOOL_UNAVAILABLE while the rest runs', async () => {
    const task = await h.taskFor(scout);
    await runTask(h.deps('worker-a', { router }), task.id);

    const steps = await stepsOf(task.id);
    expect(steps.map((step) => `${step.kind}:${step.status}:${step.error_code}`)).toEqual([
      'PLAN:DONE:null',
      'MODEL_CALL:DONE:null',
      'TOOL_CALL:REFUSED:TOOL_UNAVAILABLE',
      'TOOL_CALL:DONE:null',
      'COMPLETE:DONE:null',
    ]);
    // A Data Scout's other tools are all knowledge's.
    expect((steps[0]?.output as { tools: string[] }).tools).toEqual(['send_message']);
    const [request] = llm.requests('stub').bodies;
    expect(JSON.stringify(request)).not.toContain('search_knowledge');
  });

  it('leave a step whose knowledge subgraph is down unfinished, to be tried again', async () => {
    const task = await h.taskFor(scout, { title: 'Reconcile the December invoices' });
    const down = new HttpKnowledgeTools({
      url: 'http://127.0.0.1:9/graphql',
      timeoutMs: 1_000,
      log: h.stack.log,
    });
    await expect(runTask(h.deps('worker-b', { router, knowledge: down }), task.id)).rejects.toThrow(
      'The knowledge subgraph is unavailable',
    );
    const steps = await stepsOf(task.id);
    expect(steps.map((step) => `${step.kind}:${step.status}`)).toEqual([
      'PLAN:DONE',
      'MODEL_CALL:DONE',
      'TOOL_CALL:STARTED',
    ]);
    expect((steps[0]?.output as { tools: string[] }).tools).toContain('search_knowledge');
  });
});
