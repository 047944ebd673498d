import { Jobs } from '@daena/contracts';
import { stoppingRuleFor, type StoppingRule } from '../domain/cmp/stopping-rule.js';
import { describeRound, stepAfterRound, systemActor } from '../domain/lifecycle.js';
import type { ClosedStatus } from '../domain/proposal.js';
import { ProposalStatus } from '../domain/proposal.js';
import { evaluateRound, type RoundEvaluation } from '../domain/round-evaluation.js';
import type { DecisionsContext } from '../request/context.js';
import type { DecisionTransaction } from '../store/decision-transaction.js';
import type { ProposalRecord } from '../store/records.js';
import { cmpStakeholder } from './cmp-voters.js';
import type { Effects } from './effects.js';
import { moveTo, openRound } from './lifecycle-steps.js';

export interface RoundClose {
  /** Why the round closes now, e.g. "every stakeholder voted", "deadline". */
  because: string;
  /** Who closes it: a caller's subject, or `system`. */
  by: string;
  /** An intervention that ends the proposal whatever the votes say (veto, escalation, withdrawal). */
  ending?: { status: ClosedStatus; reason: string };
  /** Decide with this round: no further round follows (an executive closing the proposal). */
  lastRound?: boolean;
}

/**
 * Closes the proposal's current round inside the caller's transaction (which holds the proposal's
 * lock): evaluates it (`evaluateRound`: bias check, mitigation, aggregation, stopping rule),
 * stores its result and findings, then either ends the proposal or opens the next round, whose
 * voters see the anonymised distribution of this one (`Proposal.previousRound`).
 */
export async function closeRound(
  ctx: DecisionsContext,
  tx: DecisionTransaction,
  proposal: ProposalRecord,
  close: RoundClose,
  effects: Effects,
): Promise<ProposalRecord> {
  const round = proposal.currentRound;
  const now = ctx.runtime.now();
  const expired = proposal.deadline !== null && proposal.deadline.getTime() <= now.getTime();
  const evaluation = await evaluate(tx, proposal, {
    lastRound: Boolean(close.lastRound) || expired,
    closedByPerson: Boolean(close.lastRound) && close.by !== systemActor,
    stopping: stoppingRuleFor(proposal.kind, ctx.runtime.stoppingRules),
  });
  const threshold = proposal.threshold ?? 0.5;
  const summary = describeRound(
    round,
    evaluation.result,
    threshold,
    close.because,
    evaluation.findings.length,
  );
  const step = close.ending
    ? ({ next: 'CLOSE', status: close.ending.status } as const)
    : stepAfterRound(evaluation.decision, expired);
  await tx.rounds.close(proposal.id, round, {
    because: close.because,
    result: evaluation.result,
    decision: step.next === 'ROUND' ? evaluation.decision : step.status,
    findings: evaluation.findings,
  });
  // The round takes no more votes: requests not yet answered, and its deadline, go with it.
  const closedRound = { proposalId: proposal.id, round };
  await tx.jobs.cancel(Jobs.voteRequested, closedRound);
  await tx.jobs.cancel(Jobs.roundDeadline, closedRound);
  if (step.next === 'CLOSE') {
    const reason = close.ending ? `${close.ending.reason} (${summary})` : summary;
    return moveTo(tx, proposal, { to: step.status, round, by: close.by, reason }, effects);
  }
  const next = await moveTo(
    tx,
    proposal,
    { to: ProposalStatus.OPEN, round: round + 1, by: systemActor, reason: summary },
    effects,
  );
  await openRound(tx, next, round + 1, now, effects);
  return next;
}

async function evaluate(
  tx: DecisionTransaction,
  proposal: ProposalRecord,
  options: { lastRound: boolean; closedByPerson: boolean; stopping: StoppingRule },
): Promise<RoundEvaluation> {
  // One after the other: the queries share the transaction's connection.
  const stakeholders = await tx.stakeholders.agentsOf(proposal.id);
  const executives = await tx.stakeholders.peopleOf(proposal.id);
  const rounds = await tx.votes.ballotsByRound(proposal.id, proposal.currentRound);
  const history = await tx.history.pastBallots(
    stakeholders.map((stakeholder) => stakeholder.agentId),
    proposal.id,
  );
  return evaluateRound({
    round: proposal.currentRound,
    maxRounds: proposal.maxRounds,
    threshold: proposal.threshold ?? 0.5,
    stakeholders: stakeholders.map((stakeholder) => ({
      ...cmpStakeholder(stakeholder),
      role: stakeholder.role ?? '',
      departmentId: stakeholder.departmentId ?? proposal.departmentId,
    })),
    executives: executives.map(cmpStakeholder),
    rounds,
    history,
    lastRound: options.lastRound,
    closedByPerson: options.closedByPerson,
    stopping: options.stopping,
    kind: proposal.kind,
  });
}
