import { StepKind, StepStatus, type StepRecord } from './run-steps.js';

/**
 * What a finished run says about the model call that planned it (issue 18's `task` signal, 0–1),
 * or null when the outcome says nothing about the answer: a task done is worth the share of its
 * actions that could run (a malformed or forbidden action counts against it); a run stopped for
 * repeating an action it had done is worth 0; a stop for a budget, a vote, an approval or a
 * retired agent is no verdict on the model.
 */
export function outcomeQuality(
  steps: readonly Pick<StepRecord, 'kind' | 'status'>[],
  taskStatus: 'DONE' | 'FAILED',
  errorCode: string | null,
): number | null {
  if (taskStatus === 'FAILED') return errorCode === 'REPEATED_ACTION' ? 0 : null;
  const tools = steps.filter((step) => step.kind === StepKind.TOOL_CALL);
  if (tools.length === 0) return 1;
  return tools.filter((step) => step.status === StepStatus.DONE).length / tools.length;
}
