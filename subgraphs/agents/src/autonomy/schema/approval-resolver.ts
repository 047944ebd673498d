import { requestConnection, requireAuthenticated } from '@daena/platform';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AgentsContext } from '../../request/context.js';
import {
  ApprovalDecision,
  ApprovalGate,
  StepKind,
  type ApprovalOutcome,
} from '../domain/run-steps.js';
import { setApprovalGate } from '../operations/approval-gates.js';
import { decideApproval } from '../operations/decide-approval.js';
import {
  ApprovalGateRepository,
  type ApprovalGateRecord,
} from '../store/approval-gate-repository.js';
import type { RunStepRecord } from '../store/rows.js';
import { ApprovalGateView, DecideStepInput, StepApproval } from './approval-types.js';
import { RunStep } from './task-types.js';

/** Approval gates (issue 15 §5): which work waits for a person, and the decisions on it. */
@Resolver(() => RunStep)
export class ApprovalResolver {
  @Query(() => [ApprovalGateView], {
    description: 'The task kinds and tools that wait for approval',
  })
  approvalGates(@Ctx() ctx: AgentsContext): Promise<ApprovalGateRecord[]> {
    requireAuthenticated(ctx.principal);
    return new ApprovalGateRepository(requestConnection(ctx.em)).list();
  }

  @Mutation(() => [ApprovalGateView], {
    description:
      'Adds (required) or removes an approval gate (admins, executives); the gates after',
  })
  setApprovalGate(
    @Ctx() ctx: AgentsContext,
    @Arg('subject', () => ApprovalGate) subject: ApprovalGate,
    @Arg('name', () => String) name: string,
    @Arg('required', () => Boolean) required: boolean,
  ): Promise<ApprovalGateRecord[]> {
    return setApprovalGate(ctx, subject, name, required);
  }

  @Mutation(() => RunStep, {
    description:
      'Approves a run waiting at a gate (the department’s lead, an executive): it goes on',
  })
  approveStep(
    @Ctx() ctx: AgentsContext,
    @Arg('input', () => DecideStepInput) input: DecideStepInput,
  ): Promise<RunStepRecord> {
    return decideApproval(ctx, input, ApprovalDecision.APPROVED);
  }

  @Mutation(() => RunStep, {
    description:
      'Rejects a run waiting at a gate (the department’s lead, an executive): its task fails',
  })
  rejectStep(
    @Ctx() ctx: AgentsContext,
    @Arg('input', () => DecideStepInput) input: DecideStepInput,
  ): Promise<RunStepRecord> {
    return decideApproval(ctx, input, ApprovalDecision.REJECTED);
  }

  @FieldResolver(() => StepApproval, {
    nullable: true,
    description: 'For an approval step: its gate, and who decided, when and why',
  })
  approval(@Root() step: RunStepRecord): StepApproval | null {
    if (step.kind !== StepKind.WAIT_FOR_APPROVAL) return null;
    const outcome = (step.output ?? step.input) as ApprovalOutcome;
    return {
      gate: outcome.gate,
      name: outcome.name,
      decision: outcome.decision ?? null,
      decidedBy: outcome.decidedBy ?? null,
      decidedAt: outcome.decidedAt ? new Date(outcome.decidedAt) : null,
      reason: outcome.reason ?? null,
    };
  }
}
