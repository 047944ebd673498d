import { ProposalKind } from '@daena/contracts/graphql/decisions';
import { AgentRole, roleCapabilities } from '../../organization/domain/organization.js';
import {
  parseAnswer,
  roleTools,
  Tool,
  toolTraits,
  toolUsage,
  type Action,
  type ProposedAction,
} from './run-tools.js';
import { followUpPrompt } from './tool-results.js';

/**
 * A run of a task is a sequence of steps (issue 15 §2), decided one at a time from the steps
 * already done: this file is that decision, pure, so a worker that resumes a run after a crash
 * takes exactly the path the first one would have (the checkpoints hold every output it needs).
 */

export const StepKind = {
  PLAN: 'PLAN',
  MODEL_CALL: 'MODEL_CALL',
  TOOL_CALL: 'TOOL_CALL',
  WAIT_FOR_CONSENSUS: 'WAIT_FOR_CONSENSUS',
  WAIT_FOR_APPROVAL: 'WAIT_FOR_APPROVAL',
  COMPLETE: 'COMPLETE',
} as const;
export type StepKind = (typeof StepKind)[keyof typeof StepKind];

export const StepStatus = {
  /** Checkpointed before it ran: a resumed run finds it and runs it again (idempotently). */
  STARTED: 'STARTED',
  DONE: 'DONE',
  /** Not executed: a malformed action, a tool the role may not use, a repeated action. */
  REFUSED: 'REFUSED',
} as const;
export type StepStatus = (typeof StepStatus)[keyof typeof StepStatus];

/** What the run needs of its task. */
export interface RunTask {
  title: string;
  description: string;
  requiredCapabilities: readonly string[];
  complexity: number;
  departmentName: string;
}

/** A step as checkpointed. */
export interface StepRecord {
  seq: number;
  kind: StepKind;
  status: StepStatus;
  input: unknown;
  output: unknown;
}

export interface PlanOutput {
  system: string;
  user: string;
  /** Set when the task must go to CMP first: why. */
  escalate: string | null;
  /**
   * The approval gates the run goes through, as they stood when it was planned (a gate added or
   * removed later changes later runs, never the path of this one).
   */
  approvals?: PlanApprovals;
  /** The tools this run offers the model (absent in runs planned before: the role's all). */
  tools?: Tool[];
}

/** The gates of one run: its task's kind if that is gated, and the gated tools. */
export interface PlanApprovals {
  taskKind: string | null;
  tools: Tool[];
}

/** The approval gates as configured (a table): task kinds and tools that wait for a person. */
export interface ApprovalGates {
  taskKinds: ReadonlySet<string>;
  tools: ReadonlySet<string>;
}

export const ApprovalGate = { TASK_KIND: 'TASK_KIND', TOOL: 'TOOL' } as const;
export type ApprovalGate = (typeof ApprovalGate)[keyof typeof ApprovalGate];

/** What a WAIT_FOR_APPROVAL step asks a person: the gate, and for a tool the action it holds. */
export interface ApprovalRequest {
  gate: ApprovalGate;
  name: string;
  /** For a tool: which of the run's actions (0-based, answers in order) it holds, and the action. */
  actionIndex?: number;
  action?: Action;
}

export const ApprovalDecision = { APPROVED: 'APPROVED', REJECTED: 'REJECTED' } as const;
export type ApprovalDecision = (typeof ApprovalDecision)[keyof typeof ApprovalDecision];

/** A WAIT_FOR_APPROVAL step's output: the request, and once decided, the audit of who did. */
export interface ApprovalOutcome extends ApprovalRequest {
  decision?: ApprovalDecision;
  /** Who decided (the token's subject), when (ISO 8601) and why. */
  decidedBy?: string;
  decidedAt?: string;
  reason?: string;
}

/** What an escalated task asks CMP: the proposal the agent opens (its department's). */
export interface EscalationProposal {
  title: string;
  description: string;
  kind: ProposalKind;
  risk: number;
  stakeholderImpact: number;
  urgency: number;
}

/** The WAIT_FOR_CONSENSUS step's output: the proposal, and once it closed, its outcome. */
export interface ConsensusWait {
  reason: string;
  proposalId: string;
  outcome?: string;
}

/** Each role's CMP trigger as decisions' proposal kind (the matrix's row, as decisions reads it). */
const proposalKindOf: Readonly<Record<AgentRole, ProposalKind>> = {
  [AgentRole.STRATEGIC_ADVISOR]: ProposalKind.STRATEGIC,
  [AgentRole.CREATIVE_ADVISOR]: ProposalKind.BRAND,
  [AgentRole.GROWTH_ADVISOR]: ProposalKind.RESOURCE_ALLOCATION,
  [AgentRole.DATA_SCOUT]: ProposalKind.DATA_PRIVACY,
  [AgentRole.RESEARCH_SCOUT]: ProposalKind.RESEARCH_METHOD,
  [AgentRole.SYNTHESIZER]: ProposalKind.CROSS_DEPARTMENT,
  [AgentRole.EXECUTION_AGENT]: ProposalKind.QUALITY,
  [AgentRole.BORDER_AGENT]: ProposalKind.DISPUTE,
};

/** The proposal an escalated task becomes: its complexity is the risk, its priority the urgency. */
export function escalationProposal(
  task: RunTask & { priority: number },
  role: AgentRole,
  reason: string,
): EscalationProposal {
  return {
    title: [...`Task: ${task.title}`].slice(0, 200).join(''),
    description: [`${task.description}`, '', `Escalated by the agent: ${reason}.`]
      .join('\n')
      .trim(),
    kind: proposalKindOf[role],
    risk: task.complexity,
    stakeholderImpact: 0.5,
    urgency: (5 - task.priority) / 4,
  };
}

export interface ModelOutput {
  text: string;
  model: string;
}

/** The next step to take, from the task and the steps done so far (in `seq` order). */
export type NextStep =
  | { seq: number; kind: typeof StepKind.PLAN; input: { role: AgentRole } }
  | { seq: number; kind: typeof StepKind.MODEL_CALL; input: { system: string; user: string } }
  | { seq: number; kind: typeof StepKind.TOOL_CALL; input: ProposedAction }
  | { seq: number; kind: typeof StepKind.WAIT_FOR_CONSENSUS; input: { reason: string } }
  | { seq: number; kind: typeof StepKind.WAIT_FOR_APPROVAL; input: ApprovalRequest }
  | { seq: number; kind: typeof StepKind.COMPLETE; input: { summary: string } };

/**
 * Most model calls one run makes: the first answer, and one more after each answer whose reads
 * (a search, an entry) the model has yet to see, e.g. search, then read, then act. Bounds a run's
 * calls whatever the model asks; the budgets bound their cost.
 */
export const modelCallsMax = 3;

export function nextStep(role: AgentRole, steps: readonly StepRecord[]): NextStep {
  const finished = steps.filter((step) => step.status !== StepStatus.STARTED);
  const seq = finished.length;
  const plan = finished.find((step) => step.kind === StepKind.PLAN);
  if (!plan) return { seq, kind: StepKind.PLAN, input: { role } };
  const planned = plan.output as PlanOutput;
  if (planned.escalate) {
    // Past an accepted proposal the run goes on as if it had not been escalated; the engine ends
    // it on any other outcome before asking for a next step.
    const wait = finished.find((step) => step.kind === StepKind.WAIT_FOR_CONSENSUS);
    if ((wait?.output as ConsensusWait | undefined)?.outcome !== 'ACCEPTED') {
      return { seq, kind: StepKind.WAIT_FOR_CONSENSUS, input: { reason: planned.escalate } };
    }
  }
  const gates = planned.approvals;
  if (gates?.taskKind && !approved(finished, ApprovalGate.TASK_KIND)) {
    return {
      seq,
      kind: StepKind.WAIT_FOR_APPROVAL,
      input: { gate: ApprovalGate.TASK_KIND, name: gates.taskKind },
    };
  }
  const calls = finished.filter((step) => step.kind === StepKind.MODEL_CALL);
  const call = calls.at(-1);
  if (!call) {
    return {
      seq,
      kind: StepKind.MODEL_CALL,
      input: { system: planned.system, user: planned.user },
    };
  }
  // The latest answer's actions are the tool steps after its call; each action has one index
  // over the whole run (what a tool's approval names).
  const answer = parseAnswer((call.output as ModelOutput).text, role, planned.tools);
  const tools = finished.filter((step) => step.kind === StepKind.TOOL_CALL);
  const acted = tools.filter((step) => step.seq > call.seq);
  const index = tools.length;
  const action = answer.actions[acted.length];
  if (action) {
    const tool = 'action' in action ? action.action.tool : null;
    if (tool && gates?.tools.includes(tool) && !approved(finished, ApprovalGate.TOOL, index)) {
      return {
        seq,
        kind: StepKind.WAIT_FOR_APPROVAL,
        input: {
          gate: ApprovalGate.TOOL,
          name: tool,
          actionIndex: index,
          ...('action' in action ? { action: action.action } : {}),
        },
      };
    }
    return { seq, kind: StepKind.TOOL_CALL, input: action };
  }
  if (calls.length < modelCallsMax && acted.some(readSomething)) {
    return {
      seq,
      kind: StepKind.MODEL_CALL,
      input: { system: planned.system, user: followUpPrompt(planned.user, answer.summary, tools) },
    };
  }
  return { seq, kind: StepKind.COMPLETE, input: { summary: answer.summary } };
}

/** A read tool's step that ran: its result is news for the model. */
function readSomething(step: StepRecord): boolean {
  const tool = (step.input as { action?: { tool?: Tool } } | null)?.action?.tool;
  return step.status === StepStatus.DONE && tool !== undefined && toolTraits[tool].reads;
}

/** Whether a person approved this gate (for a tool: the run's action at `actionIndex`). */
function approved(steps: readonly StepRecord[], gate: ApprovalGate, actionIndex?: number): boolean {
  return steps.some((step) => {
    if (step.kind !== StepKind.WAIT_FOR_APPROVAL) return false;
    const outcome = step.output as ApprovalOutcome | null;
    return (
      outcome?.gate === gate &&
      outcome.actionIndex === actionIndex &&
      outcome.decision === ApprovalDecision.APPROVED
    );
  });
}

/** The gates a run of this task goes through, from the configured ones. */
export function approvalsFor(kind: string, role: AgentRole, gates: ApprovalGates): PlanApprovals {
  return {
    taskKind: gates.taskKinds.has(kind) ? kind : null,
    tools: roleTools[role].filter((tool) => gates.tools.has(tool)),
  };
}

/**
 * The plan: the brief the model gets, or the reason the task goes to CMP instead (its complexity
 * is above the role's autonomy threshold). The role's tools this deployment cannot serve (no
 * knowledge subgraph) are left out of the brief, and refused if asked for.
 */
export function plan(
  task: RunTask,
  role: AgentRole,
  unavailable: ReadonlySet<Tool> = new Set(),
): PlanOutput {
  const capability = roleCapabilities.find((row) => row.role === role);
  const threshold = capability?.autonomyThreshold ?? 0;
  const escalate =
    task.complexity > threshold
      ? `complexity ${task.complexity.toFixed(2)} is above the ${capability?.title ?? role} autonomy threshold ${threshold.toFixed(2)}`
      : null;
  const tools = roleTools[role].filter((tool) => !unavailable.has(tool));
  const system = [
    `You are the ${capability?.title ?? role} of the ${task.departmentName} department in an AI-staffed company.`,
    `You can: ${capability?.autonomousCapabilities.join(', ') ?? 'general work'}.`,
    'Do the task and answer with a JSON object only:',
    `{"summary": "what you found or did", "actions": [{"tool": one of ${tools.map((t) => `"${t}"`).join(', ')}, "args": {...}}]}`,
    ...tools.map((tool) => toolUsage[tool]),
  ].join('\n');
  const user = [
    `Task: ${task.title}`,
    task.requiredCapabilities.length > 0 ? `Needs: ${task.requiredCapabilities.join(', ')}` : '',
    '',
    task.description,
  ]
    .filter((line, index) => index !== 1 || line !== '')
    .join('\n');
  return { system, user, escalate, tools };
}
