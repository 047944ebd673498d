import { BadInputError, requestConnection, requireRole, Role } from '@daena/platform';
import type { AgentsContext } from '../../request/context.js';
import { ApprovalGate } from '../domain/run-steps.js';
import { Tool } from '../domain/run-tools.js';
import { taskKindPattern } from '../domain/task.js';
import {
  ApprovalGateRepository,
  type ApprovalGateRecord,
} from '../store/approval-gate-repository.js';

const tools: ReadonlySet<string> = new Set(Object.values(Tool));

/**
 * Adds or removes an approval gate (admins and executives): a task kind or a tool. Runs planned
 * after the change go through it; a run already planned keeps the gates it was planned with.
 */
export async function setApprovalGate(
  ctx: AgentsContext,
  subject: ApprovalGate,
  name: string,
  required: boolean,
): Promise<ApprovalGateRecord[]> {
  requireRole(ctx.principal, Role.EXECUTIVE);
  const trimmed = name.trim().toLowerCase();
  if (subject === ApprovalGate.TOOL && !tools.has(trimmed)) {
    throw new BadInputError(
      `unknown tool ${JSON.stringify(name)} (tools: ${[...tools].join(', ')})`,
      'GATE_TOOL_UNKNOWN',
    );
  }
  if (subject === ApprovalGate.TASK_KIND && !taskKindPattern.test(trimmed)) {
    throw new BadInputError('a task kind is a slug', 'TASK_KIND_INVALID');
  }
  const gates = new ApprovalGateRepository(requestConnection(ctx.em));
  await gates.set(subject, trimmed, required, ctx.principal.sub ?? 'unknown');
  return gates.list();
}
