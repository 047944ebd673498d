import {
  BadInputError,
  ConflictError,
  requireAdminOrAgentItself,
  type Principal,
} from '@daena/platform/domain';
import { AgentStatus } from '../../organization/domain/organization.js';

/** What an agent's runtime reports. Absent (or null) fields stay as they are, except the task. */
export interface AgentStateReport {
  status?: AgentStatus | null | undefined;
  /** A string sets the task; null clears it; absent leaves it. */
  currentTask?: string | null | undefined;
  /** 0–1: the share of its capacity in use. */
  load?: number | null | undefined;
  /** Spent since the last report (an increment, never a total), added to the budget used. */
  spentUsd?: number | null | undefined;
}

/** What a report writes: only the fields it names; `spentUsd` is added, never assigned. */
export interface AgentStateChange {
  status?: AgentStatus;
  currentTask?: string | null;
  load?: number;
  spentUsd: number;
}

/** The bound of the `current_task` check constraint (migration 0003). */
export const maxTaskLength = 500;

/** Admins may report for any agent; an agent (role `agent`) only for itself (`sub` = its id). */
export function assertMayReport(principal: Principal, agentId: string): void {
  requireAdminOrAgentItself(
    principal,
    agentId,
    'Only admins and the agent itself may report its state',
  );
}

/** Input rules that need no stored state; checked before anything is read or written. */
export function validateStateReport(report: AgentStateReport): void {
  if (report.status === AgentStatus.PAUSED) {
    throw new BadInputError(
      'A report cannot pause an agent: use pauseAgent',
      'STATUS_NOT_REPORTABLE',
      { status: report.status },
    );
  }
  const { load, spentUsd, currentTask } = report;
  if (load !== undefined && load !== null && !(Number.isFinite(load) && load >= 0 && load <= 1)) {
    throw new BadInputError('load must be between 0 and 1', 'LOAD_OUT_OF_RANGE', { load });
  }
  if (
    spentUsd !== undefined &&
    spentUsd !== null &&
    !(Number.isFinite(spentUsd) && spentUsd >= 0)
  ) {
    throw new BadInputError('spentUsd must be zero or more', 'NEGATIVE_SPEND', { spentUsd });
  }
  // Counted in code points, as Postgres's length() counts them (String#length counts UTF-16 units).
  if (typeof currentTask === 'string' && [...currentTask].length > maxTaskLength) {
    throw new BadInputError(
      `currentTask must be at most ${maxTaskLength} characters`,
      'TASK_TOO_LONG',
      { maxLength: maxTaskLength },
    );
  }
}

/**
 * The change a valid report makes to an agent as it is now (read under a row lock). A retired
 * agent reports nothing; a paused one may still book spend, load and task, but no report changes
 * its status: only resumeAgent un-pauses.
 */
export function planStateChange(
  current: { status: AgentStatus; retiredAt: Date | null },
  report: AgentStateReport,
): AgentStateChange {
  if (current.retiredAt !== null) {
    throw new ConflictError('The agent is retired and reports no state', 'AGENT_RETIRED');
  }
  const status = report.status ?? undefined;
  if (current.status === AgentStatus.PAUSED && status !== undefined) {
    throw new ConflictError(
      'The agent is PAUSED: only resumeAgent changes its status',
      'AGENT_PAUSED',
      { status: current.status, reported: status },
    );
  }
  return {
    ...(status !== undefined ? { status } : {}),
    ...(report.currentTask !== undefined ? { currentTask: report.currentTask } : {}),
    ...(report.load !== undefined && report.load !== null ? { load: report.load } : {}),
    spentUsd: report.spentUsd ?? 0,
  };
}
