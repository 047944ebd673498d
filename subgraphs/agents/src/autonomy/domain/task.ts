import { BadInputError } from '@daena/platform/domain';
import { roleCapabilities } from '../../organization/domain/organization.js';

/**
 * Tasks (issue 15): work for an agent, from a person (`createTask`), an agent's own scan, or a
 * follow-up a result proposed. What a task may ask for is the capability matrix's vocabulary.
 */

export const TaskStatus = {
  /** Waiting for its agent (a run is queued). */
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  WAITING_FOR_CONSENSUS: 'WAITING_FOR_CONSENSUS',
  /** Parked at an approval gate until a department lead or an executive decides. */
  WAITING_FOR_APPROVAL: 'WAITING_FOR_APPROVAL',
  /** A daily budget of its agent or department is spent: its run goes on the next UTC day. */
  WAITING_FOR_BUDGET: 'WAITING_FOR_BUDGET',
  DONE: 'DONE',
  FAILED: 'FAILED',
} as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

export const TaskSource = {
  PERSON: 'PERSON',
  AGENT_SCAN: 'AGENT_SCAN',
  FOLLOW_UP: 'FOLLOW_UP',
} as const;
export type TaskSource = (typeof TaskSource)[keyof typeof TaskSource];

/** Every capability some role has: what `requiredCapabilities` may name. */
export const knownCapabilities: ReadonlySet<string> = new Set(
  roleCapabilities.flatMap((row) => row.autonomousCapabilities),
);

export const taskLimits = {
  titleMax: 200,
  descriptionMax: 4_000,
  capabilitiesMax: 8,
  /** Most a single task may be given to spend, in US dollars. */
  budgetMaxUsd: 100,
  /** How deep follow-ups may nest under one task a person created. */
  depthMax: 8,
} as const;

/** A task's kind: what approval gates name (a slug, `general` when nobody says). */
export const taskKindPattern = /^[a-z][a-z0-9_-]{0,39}$/;
export const defaultTaskKind = 'general';

export interface TaskDraft {
  title: string;
  kind: string;
  description: string;
  requiredCapabilities: string[];
  /** 0–1: how hard the task is; above the role's autonomy threshold it goes to CMP. */
  complexity: number;
  /** 1 (most urgent) to 5. */
  priority: number;
  departmentId: string;
  budgetUsd: number;
  deadline: Date | null;
  parentId: string | null;
}

/** The draft, trimmed and checked; a typed error names the first thing wrong. */
export function checkTaskDraft(draft: TaskDraft, now: Date): TaskDraft {
  const title = draft.title.trim();
  if (title.length === 0 || title.length > taskLimits.titleMax) {
    throw new BadInputError(
      `title must be 1–${taskLimits.titleMax} characters`,
      'TASK_TITLE_INVALID',
    );
  }
  const kind = draft.kind.trim().toLowerCase();
  if (!taskKindPattern.test(kind)) {
    throw new BadInputError(
      'kind must be a slug: a letter, then up to 39 letters, digits, - or _',
      'TASK_KIND_INVALID',
    );
  }
  if (draft.description.length > taskLimits.descriptionMax) {
    throw new BadInputError(
      `description must be at most ${taskLimits.descriptionMax} characters`,
      'TASK_DESCRIPTION_TOO_LONG',
    );
  }
  const capabilities = [...new Set(draft.requiredCapabilities.map((c) => c.trim().toLowerCase()))];
  if (capabilities.length > taskLimits.capabilitiesMax) {
    throw new BadInputError(
      `at most ${taskLimits.capabilitiesMax} capabilities`,
      'TASK_CAPABILITIES_TOO_MANY',
    );
  }
  const unknown = capabilities.filter((capability) => !knownCapabilities.has(capability));
  if (unknown.length > 0) {
    throw new BadInputError(
      `unknown capabilities: ${unknown.join(', ')} (known: ${[...knownCapabilities].join(', ')})`,
      'TASK_CAPABILITY_UNKNOWN',
      { unknown },
    );
  }
  if (!Number.isFinite(draft.complexity) || draft.complexity < 0 || draft.complexity > 1) {
    throw new BadInputError('complexity must be between 0 and 1', 'TASK_COMPLEXITY_INVALID');
  }
  if (!Number.isInteger(draft.priority) || draft.priority < 1 || draft.priority > 5) {
    throw new BadInputError('priority must be an integer from 1 to 5', 'TASK_PRIORITY_INVALID');
  }
  if (
    !Number.isFinite(draft.budgetUsd) ||
    draft.budgetUsd < 0 ||
    draft.budgetUsd > taskLimits.budgetMaxUsd
  ) {
    throw new BadInputError(
      `budgetUsd must be between 0 and ${taskLimits.budgetMaxUsd}`,
      'TASK_BUDGET_INVALID',
    );
  }
  if (draft.deadline && draft.deadline.getTime() <= now.getTime()) {
    throw new BadInputError('deadline must be in the future', 'TASK_DEADLINE_PAST');
  }
  return { ...draft, title, kind, requiredCapabilities: capabilities };
}

/**
 * A new task under `parentId` must not close a cycle and must stay within the nesting limit:
 * `ancestors` is the parent's chain upwards (parent first), as the store read it.
 */
export function checkParentChain(taskId: string, ancestors: readonly string[]): void {
  if (ancestors.includes(taskId)) {
    throw new BadInputError('a task cannot be its own ancestor', 'TASK_PARENT_CYCLE');
  }
  if (ancestors.length >= taskLimits.depthMax) {
    throw new BadInputError(`follow-ups nest at most ${taskLimits.depthMax} deep`, 'TASK_TOO_DEEP');
  }
}

export function isFinished(status: TaskStatus): boolean {
  return status === TaskStatus.DONE || status === TaskStatus.FAILED;
}
