import { Events, Jobs, jobKeys } from '@daena/platform';
import { ProposalStatus, isClosed } from '../domain/proposal.js';
import { publishCommitted } from '../events/publish-committed.js';
import type { DecisionsRuntime } from '../schema/context.js';
import type {
  ProposalRecord,
  ProposalTransitionRecord,
  VoteRecord,
  VotingRoundRecord,
} from '../store/entities.js';

/** What a committed write announces: its vote, transitions and newly opened rounds. */
export interface Effects {
  votes: VoteRecord[];
  transitions: { proposal: ProposalRecord; transition: ProposalTransitionRecord }[];
  roundsOpened: { round: VotingRoundRecord; stakeholderIds: readonly string[] }[];
}

export const noEffects = (): Effects => ({ votes: [], transitions: [], roundsOpened: [] });

/**
 * Runs after commit, in order: the vote events (the live tally), the transition events
 * (`proposalUpdates`, plus the older opened/closed events metrics counts), then the durable jobs of
 * each new round: its deadline and one vote request per stakeholder. A failing publish or send is
 * logged and the write stands; the singleton keys make every job idempotent if a send is repeated.
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
  for (const opened of effects.roundsOpened) await scheduleRound(runtime, opened);
}

async function publishTransition(
  runtime: DecisionsRuntime,
  proposal: ProposalRecord,
  transition: ProposalTransitionRecord,
): Promise<void> {
  runtime.log.info(
    {
      proposalId: proposal.id,
      from: transition.fromStatus,
      to: transition.toStatus,
      round: transition.round,
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

async function scheduleRound(
  runtime: DecisionsRuntime,
  { round, stakeholderIds }: Effects['roundsOpened'][number],
): Promise<void> {
  const { jobs, log } = runtime;
  if (!jobs) {
    log.warn(
      { proposalId: round.proposalId, round: round.round },
      'no job queue: the round closes only once every stakeholder voted',
    );
    return;
  }
  const deadline = { proposalId: round.proposalId, round: round.round };
  const sends = [
    jobs.send(Jobs.roundDeadline, deadline, {
      startAfter: round.deadline,
      singletonKey: jobKeys.roundDeadline(deadline),
    }),
    ...stakeholderIds.map((agentId) => {
      const request = { ...deadline, agentId, deadline: round.deadline.toISOString() };
      return jobs.send(Jobs.voteRequested, request, {
        singletonKey: jobKeys.voteRequested(request),
      });
    }),
  ];
  const failed = (await Promise.allSettled(sends)).filter((r) => r.status === 'rejected');
  if (failed.length > 0) {
    log.error(
      {
        proposalId: round.proposalId,
        round: round.round,
        failed: failed.length,
        err: failed[0]?.reason,
      },
      'jobs of a new round not sent',
    );
  }
}
