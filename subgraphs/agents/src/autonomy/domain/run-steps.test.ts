import { describe, expect, it } from 'vitest';
import { AgentRole } from '../../organization/domain/organization.js';
import { nextStep, parseAnswer, plan, StepKind, StepStatus, type StepRecord } from './run-steps.js';

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
