import { DaenaError, requestConnection, Role, type Logger, type Principal } from '@daena/platform';
import type { ProposalChanged } from '@daena/contracts';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AgentsContext } from '../../request/context.js';
import { defaultTaskKind, TaskSource } from '../domain/task.js';
import { ScanRepository } from '../store/scan-repository.js';
import { createTask, type CreateTaskRequest } from './create-task.js';

export interface ScanDependencies {
  fork(): EntityManager;
  contextFor(principal: Principal, em: EntityManager): AgentsContext;
  log: Logger;
  scan: {
    /** How far back direct messages are looked at. */
    lookbackSeconds: number;
    /** What a task an agent found by itself may spend. */
    taskBudgetUsd: number;
    /** The department whose agents answer an alert about no department in particular (a slug). */
    alertDepartment: string;
  };
}

/** Most messages one scan turns into tasks: the next scan takes the rest. */
const scanBatch = 100;

/** Who a scan acts as: an agent (scans create AGENT_SCAN tasks, which agents may). */
export const agentPrincipal = (sub: string): Principal => ({
  sub,
  roles: [Role.AGENT],
  department: null,
  token: null,
});

/**
 * Agents' scan of their inboxes (issue 15 §1): every direct message to a working agent becomes a
 * task of that agent's, once (its source is the message). A message an agent sent from a run
 * makes the task a follow-up of that run's task, so a conversation between agents nests and ends
 * at the follow-up depth limit. Returns how many tasks it made.
 */
export async function scanMessages(deps: ScanDependencies): Promise<number> {
  const messages = await new ScanRepository(requestConnection(deps.fork())).unscannedMessages(
    deps.scan.lookbackSeconds,
    scanBatch,
  );
  let made = 0;
  for (const message of messages) {
    const em = deps.fork();
    const ctx = deps.contextFor(agentPrincipal(message.toAgentId), em);
    const addressee = await ctx.organization.agentById(message.toAgentId);
    if (!addressee) continue;
    const body = [...message.body];
    made += await tryCreate(deps, ctx, {
      title:
        `Message from ${message.fromName}: ${body.slice(0, 80).join('')}${body.length > 80 ? '…' : ''}`.slice(
          0,
          200,
        ),
      description: message.body,
      departmentId: addressee.departmentId,
      assigneeId: addressee.id,
      parentId: message.parentTaskId,
      sourceRef: `message:${message.id}`,
    });
  }
  return made;
}

/**
 * A proposal CMP accepted calls for someone to carry it out: unless an agent's run escalated it
 * (that run goes on by itself), the proposing department's most available agent gets the task,
 * once per proposal.
 */
export async function followUpProposal(
  deps: ScanDependencies,
  proposal: ProposalChanged,
): Promise<boolean> {
  if (proposal.status !== 'ACCEPTED') return false;
  const em = deps.fork();
  if (await new ScanRepository(requestConnection(em)).escalated(proposal.proposalId)) return false;
  const ctx = deps.contextFor(agentPrincipal('autonomy-scan'), em);
  const made = await tryCreate(deps, ctx, {
    title: `Carry out accepted proposal ${proposal.proposalId}`,
    description: `CMP accepted proposal ${proposal.proposalId} of this department: carry out what it decided and report.`,
    departmentId: proposal.departmentId,
    assigneeId: null,
    parentId: null,
    sourceRef: `proposal:${proposal.proposalId}`,
  });
  return made > 0;
}

/** What a scan found: the task's fields, and the source it came from (one task per source). */
export type FoundWork = Pick<
  CreateTaskRequest,
  'title' | 'description' | 'departmentId' | 'assigneeId' | 'parentId'
> &
  Partial<Pick<CreateTaskRequest, 'requiredCapabilities' | 'priority'>> & {
    sourceRef: string;
  };

/**
 * Creates the task (no capabilities asked, middling priority unless the scan says); a refusal
 * (source taken, no capable agent, too deep) only skips it.
 */
export async function tryCreate(
  deps: ScanDependencies,
  ctx: AgentsContext,
  found: FoundWork,
): Promise<number> {
  try {
    await createTask(
      ctx,
      {
        kind: defaultTaskKind,
        requiredCapabilities: [],
        complexity: 0.3,
        priority: 3,
        ...found,
        budgetUsd: deps.scan.taskBudgetUsd,
        deadline: null,
      },
      TaskSource.AGENT_SCAN,
    );
    return 1;
  } catch (error) {
    if (!(error instanceof DaenaError)) throw error;
    deps.log.debug({ sourceRef: found.sourceRef, reason: error.reason }, 'scan found no task');
    return 0;
  }
}
