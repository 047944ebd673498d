import { randomUUID } from 'node:crypto';
import { NotFoundError, Role, requireRole } from '@daena/platform';
import { type RoundComplete } from '@daena/contracts';
import { executiveEvidence, type PersonRecord } from '../domain/cmp/index.js';
import { ProposalStatus, assertOpen, validateReason } from '../domain/proposal.js';
import {
  assertMayVoteAs,
  assertRoundOpen,
  assertStakeholder,
  sameBallot,
  validateVoteRequest,
  type Ballot,
  type ValidVote,
  type VoteRequest,
} from '../domain/vote.js';
import type { DecisionsContext } from '../request/context.js';
import { runInTransaction, type DecisionTransaction } from '../store/decision-transaction.js';
import type { ProposalRecord, VoteRecord } from '../store/records.js';
import { announce, noEffects } from './effects.js';
import { closeCompletedRound, queueRoundComplete } from './round-complete.js';

/**
 * Records an agent's vote, idempotently per (proposal, round, agent): the same vote again returns
 * the stored one and publishes nothing (even once its round closed); a changed vote replaces it
 * while its round is open and is announced again.
 *
 * The vote that completes a round commits and publishes its tally first; the round then closes
 * in a transaction of its own (`closeCompletedRound`: bias check, result, next round or final
 * status), so the live tally never waits for it (issue 4, item 9). That close is made durable
 * in the vote's own transaction (`Jobs.roundComplete`), and the mutation answers once it is done,
 * so the caller reads the round's outcome as before.
 */
export async function castVote(ctx: DecisionsContext, request: VoteRequest): Promise<VoteRecord> {
  assertMayVoteAs(ctx.principal, request.agentId);
  const vote = validateVoteRequest(request);
  return record(ctx, vote, {
    existing: async () => vote.agentId,
    admit: async (tx, proposal) => {
      const stakeholders = await tx.stakeholders.agentsOf(proposal.id);
      assertStakeholder(
        stakeholders.map((stakeholder) => stakeholder.agentId),
        vote.agentId,
      );
      return { voterId: vote.agentId, stakeholders: stakeholders.length };
    },
  });
}

/**
 * Records an executive's vote (issue 4, "Executives can vote … with a reason"): in the open round,
 * under the voter id the executive has on this proposal, with a required reason as its rationale.
 * Idempotent and changeable like an agent's vote, sealed alike in a blind round and announced on
 * the live tally; it counts in the round's support with the evidence of the executive's track
 * record (the prior `EXECUTIVE_VOTE_ACCURACY` updated by how their past votes matched recorded
 * outcomes), outside the agents' weight cap, and never holds a round open.
 */
export async function castExecutiveVote(
  ctx: DecisionsContext,
  request: Omit<VoteRequest, 'agentId' | 'rationale'> & { reason: string },
): Promise<VoteRecord> {
  const { principal } = ctx;
  requireRole(principal, Role.EXECUTIVE);
  const subject = principal.sub as string;
  const rationale = validateReason(request.reason, true);
  const vote = {
    ...validateVoteRequest({ ...request, agentId: subject, rationale }),
    personSubject: subject,
  };
  const evidenceOf = (record: PersonRecord) => {
    const evidence = executiveEvidence(ctx.runtime.executiveVoteAccuracy, record);
    const recorded = record.hits + record.misses;
    return {
      logOdds: evidence.logOdds,
      variance: evidence.variance,
      why:
        `executive vote: accuracy ${evidence.accuracy.toFixed(2)}, ` +
        (recorded === 0
          ? `the prior (EXECUTIVE_VOTE_ACCURACY), no recorded outcome yet`
          : `${record.hits} of ${recorded} past votes matched the recorded outcome`),
    };
  };
  return record(ctx, vote, {
    existing: async (tx, proposal) =>
      (await tx.stakeholders.peopleOf(proposal.id)).find((voter) => voter.personSubject === subject)
        ?.agentId ?? null,
    admit: async (tx, proposal) => ({
      voterId: await tx.executives.voterId(proposal.id, subject, evidenceOf),
      stakeholders: null,
    }),
  });
}

interface Voter {
  /** The voter id already given on this proposal (for a repeated vote), if any. */
  existing(tx: DecisionTransaction, proposal: ProposalRecord): Promise<string | null>;
  /**
   * Admits the voter to the open round: its voter id, and the stakeholder count whose votes
   * complete the round (null: this voter's vote never completes one).
   */
  admit(
    tx: DecisionTransaction,
    proposal: ProposalRecord,
  ): Promise<{ voterId: string; stakeholders: number | null }>;
}

async function record(ctx: DecisionsContext, vote: ValidVote, voter: Voter): Promise<VoteRecord> {
  const effects = noEffects();
  const { recorded, completed } = await runInTransaction(
    ctx.em,
    ctx.runtime.jobs,
    async (tx): Promise<Cast> => {
      const proposal = await tx.proposals.lock(vote.proposalId);
      if (!proposal) throw new NotFoundError('Proposal', vote.proposalId);
      const round = vote.round ?? proposal.currentRound;
      const known = await voter.existing(tx, proposal);
      const replay = known
        ? await replayOf(tx, proposal, { ...vote, agentId: known, round })
        : null;
      if (replay) return { recorded: replay, completed: null };
      assertOpen(proposal, proposal.id);
      assertRoundOpen(proposal.currentRound, round);
      const { voterId, stakeholders } = await voter.admit(tx, proposal);
      const ballot: Ballot = { ...vote, agentId: voterId, round };
      const { vote: stored, changed } = await tx.votes.upsert(randomUUID(), ballot);
      if (!changed) return { recorded: stored, completed: null };
      effects.votes.push(stored);
      if (stakeholders === null || (await tx.votes.count(proposal.id, round)) < stakeholders) {
        return { recorded: stored, completed: null };
      }
      const completed = { proposalId: proposal.id, round };
      await queueRoundComplete(ctx.runtime, tx, completed);
      return { recorded: stored, completed };
    },
  );
  if (effects.votes.length === 0) return recorded;
  ctx.afterWrite();
  await announce(ctx.runtime, effects);
  if (completed) await closeAfterVote(ctx, completed);
  return recorded;
}

interface Cast {
  recorded: VoteRecord;
  /** The round this vote completed, to be closed after the vote commits. */
  completed: RoundComplete | null;
}

/** The vote stands whatever happens here: a failed close is the queued job's to retry. */
async function closeAfterVote(ctx: DecisionsContext, round: RoundComplete): Promise<void> {
  try {
    await closeCompletedRound(ctx, round);
  } catch (error) {
    ctx.runtime.log.warn(
      { ...round, err: error },
      'round not closed after its last vote; the round-complete job will close it',
    );
  }
}

/**
 * A vote already recorded exactly so, in a round that no longer takes votes: answered with the
 * stored vote, so a redelivered vote request changes nothing. (In the open round the upsert
 * itself recognises a repeat.)
 */
async function replayOf(
  tx: DecisionTransaction,
  proposal: ProposalRecord,
  ballot: Ballot,
): Promise<VoteRecord | null> {
  const open = proposal.status === ProposalStatus.OPEN && ballot.round === proposal.currentRound;
  if (open || ballot.round < 1 || ballot.round > proposal.currentRound) return null;
  const stored = await tx.votes.find(proposal.id, ballot.round, ballot.agentId);
  return stored && sameBallot(stored, ballot) ? stored : null;
}
