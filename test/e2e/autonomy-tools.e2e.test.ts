import { createAgentsService, loadAgentsConfig } from '@daena/agents';
import { createDecisionsService, loadDecisionsConfig } from '@daena/decisions';
import { PgBossJobQueue, Role, type RunningService } from '@daena/platform';
import {
  graphql,
  startOpenAiStub,
  testToken,
  waitFor,
  type OpenAiStub,
  type StubChatRequest,
  type TestStack,
} from '@daena/testing';
import neo4j, { type Driver } from 'neo4j-driver';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startAnswerDroppingProxy,
  type AnswerDroppingProxy,
} from '../src/answer-dropping-proxy.js';
import {
  departmentIds,
  knowledgeBeforeAgents,
  writeEntryAsLead,
} from '../src/autonomy-services.js';

/*
 * Issue 15 §2-3 across real services: an agent's run searches knowledge as the agent (and finds
 * only what its department may read), reads the results in its next model call, writes an entry
 * and opens a proposal, each exactly once although the worker lost the answers after the other
 * service had committed (the state a worker killed before its checkpoint leaves: the job is tried
 * again and resumes the step): the entry's create, the proposal's draft (decisions has it, agents
 * recorded nothing) and its opening. A tool the role may not use is refused and never run. Real
 * Postgres, Neo4j, knowledge, decisions and agents with its job queue; the model is the loopback
 * OpenAI-compatible stub.
 */
let stack: TestStack;
let agents: RunningService;
let llm: OpenAiStub;
let graphDriver: Driver;
let sql: pg.Pool;
let knowledgeProxy: AnswerDroppingProxy;
let decisionsProxy: AnswerDroppingProxy;
let admin: string;
let departments: Map<string, string>;
const seeded = {} as Record<'financePublic' | 'financeConfidential' | 'legalConfidential', string>;

const briefTitle = 'Brief the board on Osprey';
const writtenTitle = 'Osprey brief for the board';
const proposalTitle = 'Adopt the Osprey payment policy company-wide';

/** The model: searches first, then writes and proposes from what it found. */
function answer(request: StubChatRequest): string | undefined {
  const prompt = request.messages.at(-1)?.content ?? '';
  if (prompt.includes(`Task: ${briefTitle}`)) {
    if (!prompt.includes('Your actions so far')) {
      return JSON.stringify({
        summary: 'Looking up what we know about Osprey.',
        actions: [{ tool: 'search_knowledge', args: { query: 'osprey payment' } }],
      });
    }
    return JSON.stringify({
      summary: 'Wrote the brief and proposed the policy.',
      actions: [
        {
          tool: 'write_knowledge',
          args: { title: writtenTitle, body: 'Payment runs are approved twice.', kind: 'REPORT' },
        },
        {
          tool: 'open_proposal',
          args: { title: proposalTitle, description: 'Two approvers everywhere.', kind: 'QUALITY' },
        },
      ],
    });
  }
  if (prompt.includes('Task: Sketch a campaign')) {
    return JSON.stringify({
      summary: 'Noted the idea.',
      actions: [{ tool: 'write_knowledge', args: { title: 'Campaign idea', body: 'Owls.' } }],
    });
  }
  return undefined;
}

beforeAll(async () => {
  const opened = await knowledgeBeforeAgents('e2e_autonomy_tools');
  ({ stack, sql } = opened);
  const { knowledge, agentsPort } = opened;
  llm = await startOpenAiStub({ answer });
  stack.defer(() => llm.close());
  graphDriver = stack.track(neo4j.driver(opened.graphUri));
  // Agents starts after the seed (below), on the port knowledge asks for departments.
  await seedKnowledge(knowledge.url);
  knowledgeProxy = await startAnswerDroppingProxy((body) => body.includes('AgentWriteKnowledge'));
  knowledgeProxy.target = knowledge.url;
  stack.defer(() => knowledgeProxy.close());
  decisionsProxy = await startAnswerDroppingProxy(
    (body) => body.includes('AgentDraftProposal'),
    (body) => body.includes('AgentOpenDraft'),
  );
  stack.defer(() => decisionsProxy.close());
  const jobs = new PgBossJobQueue({
    url: stack.database.url,
    log: stack.log,
    pollingIntervalSeconds: 0.5,
  });
  // Started after the seed: the agents' scans make no tasks of entries written before them.
  agents = await stack.start(
    createAgentsService({
      config: loadAgentsConfig({
        DATABASE_URL: stack.database.url,
        AGENTS_ANSWER_VOTE_REQUESTS: 'false',
        KNOWLEDGE_URL: knowledgeProxy.url,
        DECISIONS_URL: decisionsProxy.url,
        LLM_MODELS: JSON.stringify([
          {
            name: 'stub',
            baseURL: llm.url,
            apiKey: 'sk-e2e-not-a-real-key',
            inputUsdPerMTok: 0.15,
            outputUsdPerMTok: 0.6,
          },
        ]),
        LLM_DEFAULT_MODEL: 'stub',
      }),
      ...stack.dependencies,
      jobs,
    }),
    agentsPort,
  );
  const decisions = await stack.start(
    createDecisionsService({
      config: loadDecisionsConfig({ DATABASE_URL: stack.database.url, AGENTS_URL: agents.url }),
      ...stack.dependencies,
    }),
  );
  decisionsProxy.target = decisions.url;
  admin = await testToken({ sub: 'admin', roles: [Role.ADMIN] });
  departments = await departmentIds(agents.url);
}, 180_000);
afterAll(() => stack?.close());

/** Finance's public and confidential entries and Legal's confidential one, all about Osprey. */
async function seedKnowledge(url: string): Promise<void> {
  const write = (department: string, title: string, accessLevel: 'PUBLIC' | 'CONFIDENTIAL') =>
    writeEntryAsLead(url, department, {
      title,
      body: `${title}: Osprey payment runs are approved twice.`,
      accessLevel,
    });
  seeded.financePublic = await write('finance', 'Osprey payment policy', 'PUBLIC');
  seeded.financeConfidential = await write('finance', 'Osprey payment exceptions', 'CONFIDENTIAL');
  seeded.legalConfidential = await write('legal', 'Osprey payment contract review', 'CONFIDENTIAL');
}

interface StepView {
  kind: string;
  status: string;
  attempts: number;
  output: Record<string, unknown> | null;
  errorCode: string | null;
}
interface TaskView {
  id: string;
  status: string;
  assignee: { id: string; role: string };
  runs: { id: string; steps: StepView[] }[];
}

async function createTask(title: string, capability: string): Promise<string> {
  const { body } = await graphql<{ createTask: { id: string } }>(
    agents.url,
    'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }',
    {
      input: {
        title,
        requiredCapabilities: [capability],
        complexity: 0.2,
        departmentId: departments.get('finance'),
      },
    },
    admin,
  );
  const id = body.data?.createTask.id;
  if (!id) throw new Error(JSON.stringify(body.errors));
  return id;
}

/** The task once its run ended; throws before, for `waitFor`. */
async function endedTask(id: string): Promise<TaskView> {
  const { body } = await graphql<{ task: TaskView }>(
    agents.url,
    `
      query ($id: ID!) {
        task(id: $id) {
          id
          status
          assignee {
            id
            role
          }
          runs {
            id
            steps {
              kind
              status
              attempts
              output
              errorCode
            }
          }
        }
      }
    `,
    { id },
    admin,
  );
  const task = body.data?.task;
  if (!task || !['DONE', 'FAILED'].includes(task.status)) {
    throw new Error(`task ${id} is ${task?.status ?? JSON.stringify(body.errors)}`);
  }
  return task;
}

async function entriesTitled(title: string) {
  const { records } = await graphDriver.executeQuery(
    `MATCH (entry:KnowledgeEntry {title: $title})
     RETURN entry.id AS id, entry.departmentSlug AS department, entry.authorAgentId AS author`,
    { title },
  );
  return records.map((record) => record.toObject());
}

describe('an agent working with knowledge and CMP', () => {
  it(
    'searches within its department’s access, then writes and proposes once across lost answers',
    { timeout: 150_000 },
    async () => {
      const id = await createTask(briefTitle, 'information integration');
      // Three job retries (a second or so each at first) on top of the run's own steps.
      const task = await waitFor(() => endedTask(id), 120_000);
      expect(task.status).toBe('DONE');
      expect(task.assignee.role).toBe('SYNTHESIZER');
      const steps = task.runs[0]?.steps ?? [];
      expect(steps.map((step) => `${step.kind}:${step.status}:${step.attempts}`)).toEqual([
        'PLAN:DONE:1',
        'MODEL_CALL:DONE:1',
        'TOOL_CALL:DONE:1',
        'MODEL_CALL:DONE:1',
        // Each answer lost after the other service had committed costs the step one more try:
        // the entry's create, then the proposal's draft and its opening.
        'TOOL_CALL:DONE:2',
        'TOOL_CALL:DONE:3',
        'COMPLETE:DONE:1',
      ]);
      expect(knowledgeProxy.dropped).toBe(1);
      expect(decisionsProxy.dropped).toBe(2);

      // The search ran as the agent: Finance's entries, not Legal's confidential one.
      const found = (steps[2]?.output?.['entries'] as { id: string; snippet: string }[]) ?? [];
      expect(found.map((entry) => entry.id).sort()).toEqual(
        [seeded.financePublic, seeded.financeConfidential].sort(),
      );
      expect(found[0]?.snippet).toContain('Osprey payment');
      // …and the next model call read what it found.
      const prompts = llm.requests('stub').bodies.map((body) => JSON.stringify(body));
      expect(prompts.filter((prompt) => prompt.includes('Osprey payment exceptions'))).toHaveLength(
        1,
      );
      expect(prompts.some((prompt) => prompt.includes('Osprey payment contract review'))).toBe(
        false,
      );

      // One entry, in the agent's department, by the agent, though its create was sent twice.
      const written = await entriesTitled(writtenTitle);
      expect(written).toEqual([
        { id: steps[4]?.output?.['entryId'], department: 'finance', author: task.assignee.id },
      ]);

      // One proposal, opened once, though its draft and its opening were each sent twice.
      const proposalId = steps[5]?.output?.['proposalId'];
      const proposals = await sql.query<{ id: string; status: string }>(
        'select id, status from decisions.proposals where title = $1',
        [proposalTitle],
      );
      expect(proposals.rows).toEqual([{ id: proposalId, status: 'OPEN' }]);
      const transitions = await sql.query<{ from_status: string | null; to_status: string }>(
        `select from_status, to_status from decisions.proposal_transitions
          where proposal_id = $1 order by seq`,
        [proposalId],
      );
      expect(transitions.rows).toEqual([
        { from_status: null, to_status: 'DRAFT' },
        { from_status: 'DRAFT', to_status: 'OPEN' },
      ]);
      // The effects are recorded under their steps' keys; the search, a read, is not.
      const effects = await sql.query<{ tool: string }>(
        'select tool from agents.tool_effects where idempotency_key like $1 order by tool',
        [`${task.runs[0]?.id}:%`],
      );
      expect(effects.rows.map((row) => row.tool)).toEqual(['open_proposal', 'write_knowledge']);
    },
  );

  it('refuses a tool the role may not use, records why, and writes nothing', async () => {
    const id = await createTask('Sketch a campaign', 'ideation');
    const task = await waitFor(() => endedTask(id), 60_000);
    expect(task.assignee.role).toBe('CREATIVE_ADVISOR');
    expect(task.status).toBe('DONE');
    const tool = task.runs[0]?.steps.find((step) => step.kind === 'TOOL_CALL');
    expect(tool).toMatchObject({ status: 'REFUSED', errorCode: 'TOOL_NOT_ALLOWED' });
    expect(await entriesTitled('Campaign idea')).toEqual([]);
  });
});
