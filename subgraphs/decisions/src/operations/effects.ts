import { Events } from '@daena/contracts';
import { ProposalStatus, isClosed } from '../domain/proposal.js';
import { publishCommitted } from '../events/publish-committed.js';
import type { DecisionsRuntime } from '../request/context.js';
import type {
  ProposalRecord,
  ProposalTransitionRecord,
  VoteRecord,
  VotingRoundRecord,
} from '../store/records.js';

/** What a committed write announces: its votes, transitions and newly opened rounds. */
export interface Effects {
  votes: VoteRecord[];
  transitions: {
    proposal: ProposalRecord;
    transition: ProposalTransitionRecord & { ledgerHash?: string };
  }[];
  roundsOpened: { round: VotingRoundRecord; stakeholderIds: readonly string[] }[];
}

export const noEffects = (): Effects => ({ votes: [], transitions: [], roundsOpened: [] });

/**
 * Runs after commit, in order: the vote events (the live tally) and the transition events
 * (`proposalUpdates`, plus the older opened/closed events metrics counts). A failing publish is
 * logged and the write stands. The durable jobs of a new round (its deadline, one vote request
 * per stakeholder) are not sent here: they were queued in the write's own transaction.
 */
export async function announce(runtime: DecisionsRuntime, effects: Effects): Promise<void> {
  for (const vote of effects.votes) {
    await publishCommitted(
      runtime,
      Events.voteCast.create({
        proposalId: vote.proposalId,
        voteId: vote.id,
        agentId: vote.agentId,
        round: vote.round,
      }),
    );
  }
  for (const { proposal, transition } of effects.transitions) {
    await publishTransition(runtime, proposal, transition);
  }
  for (const opened of effects.roundsOpened) reportRound(runtime, opened);
}

async function publishTransition(
  runtime: DecisionsRuntime,
  proposal: ProposalRecord,
  transition: ProposalTransitionRecord & { ledgerHash?: string },
): Promise<void> {
  runtime.log.info(
    {
      proposalId: proposal.id,
      from: transition.fromStatus,
      to: transition.toStatus,
      round: transition.round,
      ledgerHead: transition.ledgerHash,
    },
    'proposal transitioned',
  );
  await publishCommitted(
    runtime,
    Events.proposalTransitioned.create({
      proposalId: proposal.id,
      transitionId: transition.id,
      from: transition.fromStatus,
      to: transition.toStatus,
      round: transition.round,
      departmentId: proposal.departmentId,
      ...(transition.ledgerHash ? { ledgerHead: transition.ledgerHash } : {}),
    }),
  );
  const changed = {
    proposalId: proposal.id,
    status: transition.toStatus,
    departmentId: proposal.departmentId,
  };
  if (transition.fromStatus === ProposalStatus.DRAFT && transition.toStatus === 'OPEN') {
    await publishCommitted(runtime, Events.proposalOpened.create(changed));
  } else if (isClosed(transition.toStatus)) {
    await publishCommitted(runtime, Events.proposalClosed.create(changed));
  }
}

function reportRound(
  runtime: DecisionsRuntime,
  { round, stakeholderIds }: Effects['roundsOpened'][number],
): void {
  const where = { proposalId: round.proposalId, round: round.round };
  if (runtime.jobs) {
    runtime.log.info(
      { ...where, stakeholders: stakeholderIds.length, deadline: round.deadline.toISOString() },
      'round opened: vote requests and deadline queued',
    );
  } else {
    runtime.log.warn(where, 'no job queue: the round closes only once every stakeholder voted');
  }
}
