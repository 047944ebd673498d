import { ProposalKind } from '@daena/contracts/graphql/decisions';
import { KnowledgeAccessLevel, KnowledgeKind } from '@daena/contracts/graphql/knowledge';
import { z } from 'zod';
import { AgentRole } from '../../organization/domain/organization.js';
import { MessageTopic } from '../../messaging/domain/message-plan.js';

/**
 * The tools an agent acts with (issue 15 §3) and who may use which: the capability matrix's tool
 * column, each tool's arguments, and how a model's answer becomes actions or refusals. Pure, so a
 * resumed run reads the same actions from the same checkpointed answer.
 */
export const Tool = {
  SEND_MESSAGE: 'send_message',
  CREATE_TASK: 'create_task',
  SEARCH_KNOWLEDGE: 'search_knowledge',
  READ_KNOWLEDGE: 'read_knowledge',
  WRITE_KNOWLEDGE: 'write_knowledge',
  OPEN_PROPOSAL: 'open_proposal',
} as const;
export type Tool = (typeof Tool)[keyof typeof Tool];

/**
 * What each tool declares (issue 15 §2): a read changes nothing, so it runs again on a resumed
 * step and its result feeds the next model call; any other tool has an effect, recorded with its
 * intent under the step's idempotency key so that a resumed step never repeats it.
 */
export const toolTraits: Readonly<Record<Tool, { reads: boolean; needsKnowledge: boolean }>> = {
  [Tool.SEND_MESSAGE]: { reads: false, needsKnowledge: false },
  [Tool.CREATE_TASK]: { reads: false, needsKnowledge: false },
  [Tool.SEARCH_KNOWLEDGE]: { reads: true, needsKnowledge: true },
  [Tool.READ_KNOWLEDGE]: { reads: true, needsKnowledge: true },
  [Tool.WRITE_KNOWLEDGE]: { reads: false, needsKnowledge: true },
  [Tool.OPEN_PROPOSAL]: { reads: false, needsKnowledge: false },
};

const reading = [Tool.SEND_MESSAGE, Tool.SEARCH_KNOWLEDGE, Tool.READ_KNOWLEDGE] as const;

/**
 * The matrix's tool column: which tools each role may call. Every role reports through the hex
 * mesh and reads what its department may read; follow-up tasks come from the roles that plan,
 * integrate or implement; knowledge is written by the roles whose work is findings (the scouts,
 * the Synthesizer, the Strategic Advisor's plans); proposals are opened by the roles whose CMP
 * trigger is a decision they bring (strategy, brand, resources, cross-department conflicts,
 * disputes between cells).
 */
export const roleTools: Readonly<Record<AgentRole, readonly Tool[]>> = {
  [AgentRole.STRATEGIC_ADVISOR]: [
    ...reading,
    Tool.CREATE_TASK,
    Tool.WRITE_KNOWLEDGE,
    Tool.OPEN_PROPOSAL,
  ],
  [AgentRole.CREATIVE_ADVISOR]: [...reading, Tool.OPEN_PROPOSAL],
  [AgentRole.GROWTH_ADVISOR]: [...reading, Tool.CREATE_TASK, Tool.OPEN_PROPOSAL],
  [AgentRole.DATA_SCOUT]: [...reading, Tool.WRITE_KNOWLEDGE],
  [AgentRole.RESEARCH_SCOUT]: [...reading, Tool.WRITE_KNOWLEDGE],
  [AgentRole.SYNTHESIZER]: [...reading, Tool.CREATE_TASK, Tool.WRITE_KNOWLEDGE, Tool.OPEN_PROPOSAL],
  [AgentRole.EXECUTION_AGENT]: [...reading, Tool.CREATE_TASK],
  [AgentRole.BORDER_AGENT]: [...reading, Tool.OPEN_PROPOSAL],
};

/** Most entries one search returns: its result goes into the next prompt whole. */
export const searchLimitMax = 10;

const text = (max: number) => z.string().trim().min(1).max(max);
const share = z.number().min(0).max(1);
const argsOf = {
  [Tool.SEND_MESSAGE]: z.strictObject({
    topic: z.enum([MessageTopic.CELL, MessageTopic.RING, MessageTopic.RADIAL, MessageTopic.DIRECT]),
    toAgentId: z.uuid().optional(),
    body: z.string().min(1).max(4_000),
  }),
  [Tool.CREATE_TASK]: z.strictObject({
    title: z.string().min(1).max(200),
    description: z.string().max(4_000).default(''),
    requiredCapabilities: z.array(z.string()).max(8).default([]),
    complexity: share.default(0.3),
  }),
  [Tool.SEARCH_KNOWLEDGE]: z.strictObject({
    query: text(200),
    limit: z.number().int().min(1).max(searchLimitMax).default(5),
  }),
  [Tool.READ_KNOWLEDGE]: z.strictObject({ entryId: z.uuid() }),
  // The knowledge subgraph's own bounds (entry-limits.ts there): checked here too, so a model's
  // slip is refused as malformed before any call.
  [Tool.WRITE_KNOWLEDGE]: z.strictObject({
    title: text(200),
    body: text(20_000),
    kind: z.enum(Object.values(KnowledgeKind)).optional(),
    tags: z.array(text(64)).max(20).optional(),
    accessLevel: z
      .enum(Object.values(KnowledgeAccessLevel))
      .default(KnowledgeAccessLevel.CONFIDENTIAL),
  }),
  [Tool.OPEN_PROPOSAL]: z.strictObject({
    title: text(200),
    description: z.string().max(10_000).default(''),
    kind: z.enum(Object.values(ProposalKind)),
    risk: share.default(0.5),
    urgency: share.default(0.5),
  }),
};

/** The prompt's line for each tool: its arguments, as the model should write them. */
export const toolUsage: Readonly<Record<Tool, string>> = {
  [Tool.SEND_MESSAGE]:
    'send_message args: {"topic": "CELL" | "RING" | "RADIAL" | "DIRECT", "toAgentId"?: uuid, "body": text}.',
  [Tool.CREATE_TASK]:
    'create_task args: {"title": text, "description": text, "requiredCapabilities": [..], "complexity": 0–1}.',
  [Tool.SEARCH_KNOWLEDGE]: `search_knowledge args: {"query": words, "limit"?: 1–${searchLimitMax}}; the entries found come back to you.`,
  [Tool.READ_KNOWLEDGE]: 'read_knowledge args: {"entryId": uuid}; the entry comes back to you.',
  [Tool.WRITE_KNOWLEDGE]: `write_knowledge args: {"title": text, "body": text, "kind"?: ${Object.values(KnowledgeKind).join(' | ')}, "tags"?: [..], "accessLevel"?: ${Object.values(KnowledgeAccessLevel).join(' | ')} (default CONFIDENTIAL)}; written in your department.`,
  [Tool.OPEN_PROPOSAL]: `open_proposal args: {"title": text, "description": text, "kind": ${Object.values(ProposalKind).join(' | ')}, "risk"?: 0–1, "urgency"?: 0–1}; opened to a CMP vote.`,
};

export type ToolArgs = { [T in Tool]: z.infer<(typeof argsOf)[T]> };
export type SendMessageArgs = ToolArgs[typeof Tool.SEND_MESSAGE];
export type CreateTaskArgs = ToolArgs[typeof Tool.CREATE_TASK];
export type Action = { [T in Tool]: { tool: T; args: ToolArgs[T] } }[Tool];

/** One action as the model wrote it, or why it is refused. */
export type ProposedAction = { action: Action } | { refused: string; code: string; raw: unknown };

/** Most actions one answer may ask for; the rest are refused. */
export const actionsMax = 5;

const answerShape = z.object({
  summary: z.string().min(1).max(4_000),
  actions: z.array(z.unknown()).default([]),
});

export interface ParsedAnswer {
  summary: string;
  actions: ProposedAction[];
}

/**
 * The model's answer: a JSON object `{summary, actions}`. An answer that is not one (plain text,
 * as the offline provider gives) is the summary itself, reported to the agent's cell. Each action
 * is checked against its tool's arguments, the role's tools and the tools this run has (a run
 * planned without the knowledge subgraph has none of its tools); a bad one is refused, not run.
 */
export function parseAnswer(
  text: string,
  role: AgentRole,
  available: readonly Tool[] = roleTools[role],
): ParsedAnswer {
  const parsed = answerShape.safeParse(safeJson(text));
  if (!parsed.success) {
    const summary = [...text.trim()].slice(0, 4_000).join('') || '(no answer)';
    return { summary, actions: [{ action: reportToCell(summary) }] };
  }
  const allowed = new Set(roleTools[role]);
  const offered = new Set(available);
  const seen = new Set<string>();
  const actions = parsed.data.actions.map((raw, index): ProposedAction => {
    if (index >= actionsMax) {
      return { refused: `at most ${actionsMax} actions per answer`, code: 'TOO_MANY_ACTIONS', raw };
    }
    const action = actionOf(raw);
    if ('refused' in action) return action;
    const tool = action.action.tool;
    if (!allowed.has(tool)) {
      return { refused: `the ${role} role may not use ${tool}`, code: 'TOOL_NOT_ALLOWED', raw };
    }
    if (!offered.has(tool)) {
      return { refused: `${tool} is not available to this run`, code: 'TOOL_UNAVAILABLE', raw };
    }
    const key = JSON.stringify(action.action);
    if (seen.has(key)) return { refused: 'the same action twice', code: 'REPEATED_ACTION', raw };
    seen.add(key);
    return action;
  });
  return { summary: parsed.data.summary, actions };
}

const isTool = (value: unknown): value is Tool =>
  typeof value === 'string' && Object.hasOwn(argsOf, value);

function actionOf(raw: unknown): ProposedAction {
  const tool = (raw as { tool?: unknown } | null)?.tool;
  const args = (raw as { args?: unknown } | null)?.args;
  if (!isTool(tool)) {
    return { refused: `unknown tool ${JSON.stringify(tool)}`, code: 'TOOL_UNKNOWN', raw };
  }
  const checked = argsOf[tool].safeParse(args);
  if (!checked.success) return malformed(raw, checked.error.issues[0]?.message);
  const action = { tool, args: checked.data } as Action;
  if (action.tool === Tool.SEND_MESSAGE) {
    const { topic, toAgentId } = action.args;
    if ((topic === MessageTopic.DIRECT) !== (toAgentId !== undefined)) {
      return malformed(raw, 'a DIRECT message names toAgentId, and only it does');
    }
  }
  return { action };
}

function malformed(raw: unknown, why: string | undefined): ProposedAction {
  return { refused: `malformed arguments: ${why ?? 'invalid'}`, code: 'ACTION_MALFORMED', raw };
}

function reportToCell(summary: string): Action {
  return { tool: Tool.SEND_MESSAGE, args: { topic: MessageTopic.CELL, body: summary } };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
