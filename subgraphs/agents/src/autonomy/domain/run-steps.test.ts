import { describe, expect, it } from 'vitest';
import { AgentRole } from '../../organization/domain/organization.js';
import {
  modelCallsMax,
  nextStep,
  plan,
  StepKind,
  StepStatus,
  type StepRecord,
} from './run-steps.js';
import { parseAnswer, Tool } from './run-tools.js';

const json = (value: unknown) => JSON.stringify(value);
const message = { tool: 'send_message', args: { topic: 'CELL', body: 'Churn is down 2%.' } };
const followUp = { tool: 'create_task', args: { title: 'Dig into the 2%' } };

describe('parseAnswer', () => {
  it('reports a plain-text answer to the agent’s cell', () => {
    const answer = parseAnswer('Churn fell to 3.1%.', AgentRole.DATA_SCOUT);
    expect(answer.summary).toBe('Churn fell to 3.1%.');
    expect(answer.actions).toEqual([
      { action: { tool: 'send_message', args: { topic: 'CELL', body: 'Churn fell to 3.1%.' } } },
    ]);
  });

  it('keeps the actions the role may take and refuses the others, each with a code', () => {
    const answer = parseAnswer(
      json({ summary: 'done', actions: [message, followUp, message] }),
      AgentRole.DATA_SCOUT,
    );
    expect(answer.actions.map((action) => ('refused' in action ? action.code : 'ok'))).toEqual([
      'ok',
      'TOOL_NOT_ALLOWED',
      'REPEATED_ACTION',
    ]);
  });

  it('refuses actions past the fifth', () => {
    const many = Array.from({ length: 7 }, (_, index) => ({
      tool: 'send_message',
      args: { topic: 'CELL', body: `note ${index}` },
    }));
    const answer = parseAnswer(json({ summary: 'done', actions: many }), AgentRole.DATA_SCOUT);
    expect(answer.actions.map((action) => ('refused' in action ? action.code : 'ok'))).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'TOO_MANY_ACTIONS',
      'TOO_MANY_ACTIONS',
    ]);
  });

  it('refuses unknown tools and malformed arguments', () => {
    const answer = parseAnswer(
      json({
        summary: 'done',
        actions: [
          { tool: 'rm_rf', args: {} },
          { tool: 'send_message', args: { topic: 'DIRECT', body: 'hi' } },
          { tool: 'send_message', args: { topic: 'CELL', body: '', extra: 1 } },
        ],
      }),
      AgentRole.EXECUTION_AGENT,
    );
    expect(answer.actions.map((action) => ('refused' in action ? action.code : 'ok'))).toEqual([
      'TOOL_UNKNOWN',
      'ACTION_MALFORMED',
      'ACTION_MALFORMED',
    ]);
  });

  it('lets planning roles create follow-ups', () => {
    const answer = parseAnswer(json({ summary: 's', actions: [followUp] }), AgentRole.SYNTHESIZER);
    expect(answer.actions[0]).toEqual({
      action: {
        tool: 'create_task',
        args: {
          title: 'Dig into the 2%',
          description: '',
          requiredCapabilities: [],
          complexity: 0.3,
        },
      },
    });
  });
});

describe('nextStep', () => {
  const task = {
    title: 'Weekly churn',
    description: 'Summarize churn.',
    requiredCapabilities: ['analysis'],
    complexity: 0.2,
    departmentName: 'Sales',
  };
  const done = (seq: number, kind: StepRecord['kind'], output: unknown): StepRecord => ({
    seq,
    kind,
    status: StepStatus.DONE,
    input: null,
    output,
  });

  it('walks plan → model call → each action → complete, from the checkpoints alone', () => {
    const role = AgentRole.SYNTHESIZER;
    const planned = plan(task, role);
    const answer = json({ summary: 'all good', actions: [message, { tool: 'nope' }] });
    const steps: StepRecord[] = [];
    expect(nextStep(role, steps).kind).toBe(StepKind.PLAN);
    steps.push(done(0, StepKind.PLAN, planned));
    expect(nextStep(role, steps)).toMatchObject({ seq: 1, kind: StepKind.MODEL_CALL });
    steps.push(done(1, StepKind.MODEL_CALL, { text: answer, model: 'm' }));
    expect(nextStep(role, steps)).toMatchObject({ seq: 2, kind: StepKind.TOOL_CALL });
    steps.push(done(2, StepKind.TOOL_CALL, { messageId: 'x' }));
    const refused = nextStep(role, steps);
    expect(refused).toMatchObject({
      seq: 3,
      kind: StepKind.TOOL_CALL,
      input: { code: 'TOOL_UNKNOWN' },
    });
    steps.push({ ...done(3, StepKind.TOOL_CALL, null), status: StepStatus.REFUSED });
    expect(nextStep(role, steps)).toEqual({
      seq: 4,
      kind: StepKind.COMPLETE,
      input: { summary: 'all good' },
    });
  });

  it('takes a step left STARTED by a dead worker again, with the same input', () => {
    const role = AgentRole.DATA_SCOUT;
    const steps: StepRecord[] = [
      done(0, StepKind.PLAN, plan(task, role)),
      { seq: 1, kind: StepKind.MODEL_CALL, status: StepStatus.STARTED, input: null, output: null },
    ];
    expect(nextStep(role, steps)).toMatchObject({ seq: 1, kind: StepKind.MODEL_CALL });
  });

  it('escalates above the autonomy threshold instead of calling a model', () => {
    const role = AgentRole.DATA_SCOUT;
    const planned = plan({ ...task, complexity: 0.51 }, role);
    expect(planned.escalate).toMatch(/above the Data Scout autonomy threshold 0.50/);
    expect(nextStep(role, [done(0, StepKind.PLAN, planned)]).kind).toBe(
      StepKind.WAIT_FOR_CONSENSUS,
    );
    expect(plan({ ...task, complexity: 0.5 }, role).escalate).toBeNull();
  });
});

describe('nextStep at approval gates', () => {
  const step = (seq: number, kind: StepRecord['kind'], output: unknown, input: unknown = {}) => ({
    seq,
    kind,
    status: StepStatus.DONE,
    input,
    output,
  });
  const planned = (approvals: { taskKind: string | null; tools: string[] }) =>
    step(0, StepKind.PLAN, { system: 's', user: 'u', escalate: null, approvals });
  const answered = (seq: number) =>
    step(seq, StepKind.MODEL_CALL, {
      text: json({ summary: 'ok', actions: [message] }),
      model: 'm',
    });
  const decided = (seq: number, gate: string, decision: string, actionIndex?: number) =>
    step(seq, StepKind.WAIT_FOR_APPROVAL, { gate, name: 'x', decision, actionIndex });

  it('waits before the model call for a gated task kind, and goes on once approved', () => {
    const steps = [planned({ taskKind: 'payment', tools: [] })];
    expect(nextStep(AgentRole.DATA_SCOUT, steps)).toMatchObject({
      seq: 1,
      kind: 'WAIT_FOR_APPROVAL',
      input: { gate: 'TASK_KIND', name: 'payment' },
    });
    const approved = [...steps, decided(1, 'TASK_KIND', 'APPROVED')];
    expect(nextStep(AgentRole.DATA_SCOUT, approved)).toMatchObject({ seq: 2, kind: 'MODEL_CALL' });
  });

  it('waits before a gated tool’s call, holding the action, and runs it once approved', () => {
    const steps = [planned({ taskKind: null, tools: ['send_message'] }), answered(1)];
    expect(nextStep(AgentRole.DATA_SCOUT, steps)).toEqual({
      seq: 2,
      kind: 'WAIT_FOR_APPROVAL',
      input: { gate: 'TOOL', name: 'send_message', actionIndex: 0, action: message },
    });
    const approved = [...steps, decided(2, 'TOOL', 'APPROVED', 0)];
    expect(nextStep(AgentRole.DATA_SCOUT, approved)).toMatchObject({ seq: 3, kind: 'TOOL_CALL' });
  });

  it('runs ungated work straight through (and plans from before gates existed)', () => {
    const steps = [planned({ taskKind: null, tools: [] }), answered(1)];
    expect(nextStep(AgentRole.DATA_SCOUT, steps)).toMatchObject({ kind: 'TOOL_CALL' });
    const legacy = [
      step(0, StepKind.PLAN, { system: 's', user: 'u', escalate: null }),
      answered(1),
    ];
    expect(nextStep(AgentRole.DATA_SCOUT, legacy)).toMatchObject({ kind: 'TOOL_CALL' });
  });
});

describe('nextStep over several model calls', () => {
  const task = {
    title: 'Brief on Osprey',
    description: 'What do we know?',
    requiredCapabilities: [],
    complexity: 0.2,
    departmentName: 'Finance',
  };
  const role = AgentRole.SYNTHESIZER;
  const search = { tool: 'search_knowledge', args: { query: 'osprey', limit: 3 } };
  const write = { tool: 'write_knowledge', args: { title: 'Osprey brief', body: 'Two runs.' } };
  const stepOf = (seq: number, kind: StepRecord['kind'], input: unknown, output: unknown) => ({
    seq,
    kind,
    status: StepStatus.DONE,
    input,
    output,
  });
  const call = (seq: number, actions: unknown[]) =>
    stepOf(
      seq,
      StepKind.MODEL_CALL,
      {},
      { text: json({ summary: `s${seq}`, actions }), model: 'm' },
    );

  it('calls the model again with what its reads found, then completes after its effects', () => {
    const steps: StepRecord[] = [
      stepOf(0, StepKind.PLAN, null, plan(task, role)),
      call(1, [search]),
    ];
    const searched = nextStep(role, steps);
    expect(searched).toMatchObject({ seq: 2, kind: 'TOOL_CALL', input: { action: search } });
    const found = { entries: [{ id: 'e1', title: 'Osprey payment policy', snippet: 'twice' }] };
    steps.push(stepOf(2, StepKind.TOOL_CALL, searched.input, found));
    const again = nextStep(role, steps);
    expect(again.kind).toBe('MODEL_CALL');
    const prompt = (again.input as { user: string }).user;
    expect(prompt).toContain('Task: Brief on Osprey');
    expect(prompt).toContain('Your answer so far: s1');
    expect(prompt).toContain('search_knowledge {"query":"osprey","limit":3} → DONE');
    expect(prompt).toContain('Osprey payment policy');

    steps.push(call(3, [write]));
    const written = nextStep(role, steps);
    expect(written).toMatchObject({ seq: 4, kind: 'TOOL_CALL' });
    steps.push(stepOf(4, StepKind.TOOL_CALL, written.input, { entryId: 'e2' }));
    // A write is no news for the model: the run ends with the last answer.
    expect(nextStep(role, steps)).toEqual({ seq: 5, kind: 'COMPLETE', input: { summary: 's3' } });
  });

  it('makes at most three model calls, however often the model reads', () => {
    const steps: StepRecord[] = [stepOf(0, StepKind.PLAN, null, plan(task, role))];
    for (let round = 0; round < 3; round++) {
      const seq = steps.length;
      steps.push(call(seq, [{ ...search, args: { query: `osprey ${round}` } }]));
      const read = nextStep(role, steps);
      expect(read.kind).toBe('TOOL_CALL');
      steps.push(stepOf(seq + 1, StepKind.TOOL_CALL, read.input, { entries: [] }));
    }
    expect(steps.filter((step) => step.kind === 'MODEL_CALL')).toHaveLength(modelCallsMax);
    expect(nextStep(role, steps)).toMatchObject({ kind: 'COMPLETE', input: { summary: 's5' } });
  });

  it('plans without the tools this deployment lacks, and refuses them if asked', () => {
    const knowledgeLess = new Set([
      Tool.SEARCH_KNOWLEDGE,
      Tool.READ_KNOWLEDGE,
      Tool.WRITE_KNOWLEDGE,
    ]);
    const planned = plan(task, role, knowledgeLess);
    expect(planned.tools).toEqual(['send_message', 'create_task', 'open_proposal']);
    expect(planned.system).not.toContain('search_knowledge');
    expect(planned.system).toContain('open_proposal args:');
    const steps = [stepOf(0, StepKind.PLAN, null, planned), call(1, [search])];
    expect(nextStep(role, steps)).toMatchObject({
      kind: 'TOOL_CALL',
      input: { code: 'TOOL_UNAVAILABLE' },
    });
  });
});
