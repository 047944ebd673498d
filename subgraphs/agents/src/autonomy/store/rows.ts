import { dateOf, type ParseDate } from '@daena/platform';
import type { TaskSource, TaskStatus } from '../domain/task.js';
import type { StepKind, StepStatus } from '../domain/run-steps.js';

/*
 * Tasks, runs and steps as SQL returns them (timestamps as text, jsonb parsed by node-pg) and
 * their mappers to records. Every read and write of the autonomy tables goes through them.
 */

export interface TaskRecord {
  id: string;
  title: string;
  kind: string;
  /** What an agent's scan found it in (one task per source), else null. */
  sourceRef: string | null;
  description: string;
  requiredCapabilities: string[];
  complexity: number;
  priority: number;
  departmentId: string;
  assigneeId: string;
  deadline: Date | null;
  budgetUsd: number;
  spentUsd: number;
  status: TaskStatus;
  result: string | null;
  errorCode: string | null;
  parentId: string | null;
  source: TaskSource;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const taskColumns = `id, title, kind, source_ref, description, required_capabilities, complexity, priority,
  department_id, assignee_id, deadline, budget_usd, spent_usd, status, result, error_code,
  parent_id, source, created_by, created_at, updated_at`;

export interface TaskRow {
  id: string;
  title: string;
  kind: string;
  source_ref: string | null;
  description: string;
  required_capabilities: string[];
  complexity: number;
  priority: number;
  department_id: string;
  assignee_id: string;
  deadline: Date | string | null;
  budget_usd: number;
  spent_usd: number;
  status: TaskStatus;
  result: string | null;
  error_code: string | null;
  parent_id: string | null;
  source: TaskSource;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
}

export function taskFromRow(row: TaskRow, parseDate: ParseDate): TaskRecord {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    sourceRef: row.source_ref,
    description: row.description,
    requiredCapabilities: row.required_capabilities,
    complexity: row.complexity,
    priority: row.priority,
    departmentId: row.department_id,
    assigneeId: row.assignee_id,
    deadline: dateOf(parseDate, row.deadline),
    budgetUsd: row.budget_usd,
    spentUsd: row.spent_usd,
    status: row.status,
    result: row.result,
    errorCode: row.error_code,
    parentId: row.parent_id,
    source: row.source,
    createdBy: row.created_by,
    createdAt: dateOf(parseDate, row.created_at),
    updatedAt: dateOf(parseDate, row.updated_at),
  };
}

export const RunStatus = {
  RUNNING: 'RUNNING',
  WAITING_FOR_CONSENSUS: 'WAITING_FOR_CONSENSUS',
  WAITING_FOR_APPROVAL: 'WAITING_FOR_APPROVAL',
  WAITING_FOR_BUDGET: 'WAITING_FOR_BUDGET',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
} as const;
export type RunStatus = (typeof RunStatus)[keyof typeof RunStatus];

export interface RunRecord {
  id: string;
  taskId: string;
  agentId: string;
  status: RunStatus;
  tokens: number;
  costUsd: number;
  errorCode: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

export const runColumns =
  'id, task_id, agent_id, status, tokens, cost_usd, error_code, started_at, ended_at';

/** The run columns of the table aliased `alias`, for joins. */
export function runColumnsOf(alias: string): string {
  return runColumns
    .split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
}

export interface RunRow {
  id: string;
  task_id: string;
  agent_id: string;
  status: RunStatus;
  tokens: number;
  cost_usd: number;
  error_code: string | null;
  started_at: Date | string;
  ended_at: Date | string | null;
}

export function runFromRow(row: RunRow, parseDate: ParseDate): RunRecord {
  return {
    id: row.id,
    taskId: row.task_id,
    agentId: row.agent_id,
    status: row.status,
    tokens: row.tokens,
    costUsd: row.cost_usd,
    errorCode: row.error_code,
    startedAt: dateOf(parseDate, row.started_at),
    endedAt: dateOf(parseDate, row.ended_at),
  };
}

export interface StepRow {
  run_id: string;
  seq: number;
  kind: StepKind;
  status: StepStatus;
  input: unknown;
  output: unknown;
  error_code: string | null;
  model: string | null;
  tokens: number;
  cost_usd: number;
  attempts: number;
  started_at: Date | string;
  ended_at: Date | string | null;
}

export interface RunStepRecord {
  /** `<runId>:<seq>`: what `approveStep` names it by. */
  id: string;
  runId: string;
  seq: number;
  kind: StepKind;
  status: StepStatus;
  input: unknown;
  output: unknown;
  errorCode: string | null;
  model: string | null;
  tokens: number;
  costUsd: number;
  attempts: number;
  startedAt: Date;
  endedAt: Date | null;
}

export function stepFromRow(row: StepRow, parseDate: ParseDate): RunStepRecord {
  return {
    id: `${row.run_id}:${row.seq}`,
    runId: row.run_id,
    seq: row.seq,
    kind: row.kind,
    status: row.status,
    input: row.input,
    output: row.output,
    errorCode: row.error_code,
    model: row.model,
    tokens: row.tokens,
    costUsd: row.cost_usd,
    attempts: row.attempts,
    startedAt: dateOf(parseDate, row.started_at),
    endedAt: dateOf(parseDate, row.ended_at),
  };
}

/** A Postgres text[] literal: each element quoted, `"` and `\` escaped. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
