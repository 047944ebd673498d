import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  NotFoundError,
  requireAuthenticated,
  type Principal,
} from '@daena/platform';
import { departmentsNamed } from '../domain/electorate.js';
import { assertTransition } from '../domain/lifecycle.js';
import { assertMayOpen, featuresOf } from '../domain/proposal-request.js';
import { ProposalStatus, type ProposalRequest } from '../domain/proposal.js';
import type { DecisionsContext } from '../request/context.js';
import { runInTransaction, type DecisionTransaction } from '../store/decision-transaction.js';
import type { ProposalRecord } from '../store/records.js';
import { authorizeProposal, insertDraft } from './create-proposal.js';
import { announce, noEffects, type Effects } from './effects.js';
import { openRound } from './lifecycle-steps.js';
import { planOpening, type OpeningPlan } from './plan-opening.js';

/**
 * DRAFT → OPEN: snapshots the weighted stakeholders and the threshold, opens round 1 and queues
 * its vote requests and deadline job, all in one transaction. Every check and read (the organization, track
 * records, the kind's history) runs before the one transaction that writes; NO_STAKEHOLDERS
 * writes nothing.
 */
export async function openProposal(ctx: DecisionsContext, id: string): Promise<ProposalRecord> {
  const { principal, runtime } = ctx;
  requireAuthenticated(principal);
  const draft = await ctx.loaders.proposal.load(id);
  if (!draft) throw new NotFoundError('Proposal', id);
  assertTransition(draft.status, ProposalStatus.OPEN, id);
  assertDraft(draft);
  const organization = await runtime.agents.organization(principal.token);
  const [proposing] = departmentsNamed(organization, draft.departmentIds);
  const caller = principal as Principal & { sub: string };
  assertMayOpen(caller, draft, proposing?.slug ?? '');
  const plan = await planOpening(ctx, organization, featuresOf(draft));

  const effects = noEffects();
  const opened = await runInTransaction(ctx.em, ctx.runtime.jobs, async (tx) => {
    const locked = await tx.proposals.lock(id);
    if (!locked) throw new NotFoundError('Proposal', id);
    // Opened by another request since the read above.
    assertDraft(locked);
    return writeOpening(ctx, tx, locked, plan, caller.sub, effects);
  });
  ctx.afterWrite();
  await announce(runtime, effects);
  return opened;
}

/**
 * Only a draft opens: OPEN → OPEN is a lifecycle step (a new round) but not this mutation's, so
 * opening an open proposal again (a client's retry, an agent's resumed step) is a CONFLICT.
 */
function assertDraft(proposal: ProposalRecord): void {
  if (proposal.status === ProposalStatus.DRAFT) return;
  throw new ConflictError(
    `Proposal ${proposal.id} is ${proposal.status}: only a draft can be opened`,
    'NOT_A_DRAFT',
    { status: proposal.status },
  );
}

/** Creates and opens in one transaction (the one-step `openProposal(input:)`). */
export async function createAndOpenProposal(
  ctx: DecisionsContext,
  request: ProposalRequest,
): Promise<ProposalRecord> {
  const authorized = await authorizeProposal(ctx, request);
  const plan = await planOpening(ctx, authorized.organization, featuresOf(authorized.draft));
  const effects = noEffects();
  const opened = await runInTransaction(ctx.em, ctx.runtime.jobs, async (tx) => {
    const draft = await insertDraft(tx, authorized, effects);
    return writeOpening(ctx, tx, draft, plan, authorized.by, effects);
  });
  ctx.afterWrite();
  await announce(ctx.runtime, effects);
  return opened;
}

async function writeOpening(
  ctx: DecisionsContext,
  tx: DecisionTransaction,
  draft: ProposalRecord,
  plan: OpeningPlan,
  by: string,
  effects: Effects,
): Promise<ProposalRecord> {
  assertTransition(draft.status, ProposalStatus.OPEN, draft.id);
  const now = ctx.runtime.now();
  if (draft.deadline && draft.deadline.getTime() <= now.getTime()) {
    throw new ConflictError(`Proposal ${draft.id}'s deadline has passed`, 'DEADLINE_PASSED');
  }
  const opened = await tx.proposals.open(draft.id, plan.threshold, plan.stakeholders);
  const transition = await tx.transitions.record(draft.id, randomUUID(), {
    from: ProposalStatus.DRAFT,
    to: ProposalStatus.OPEN,
    round: 1,
    by,
    reason: `threshold ${plan.threshold.value.toFixed(2)}, ${plan.stakeholders.length} stakeholders`,
  });
  effects.transitions.push({ proposal: opened, transition });
  await openRound(tx, opened, 1, now, effects);
  return opened;
}
