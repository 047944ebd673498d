import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { biasReportOf, consensusResultOf, previousRoundOf } from '../domain/round-views.js';
import { readTally } from '../operations/read-tally.js';
import { roundKey } from '../request/loaders.js';
import type { DecisionsContext } from '../request/context.js';
import {
  BiasFinding,
  ConsensusResult,
  ExecutiveVoter,
  Proposal,
  ProposalOutcome,
  ProposalTransition,
  Requester,
  RoundSummary,
  Stakeholder,
  ThresholdTerm,
  VotingRound,
} from './proposal-types.js';
import { Department, Vote, VoteTally } from './types.js';

/** Proposal's nested fields, each batched through the request's loaders. */
@Resolver(() => Proposal)
export class ProposalFieldsResolver {
  @FieldResolver(() => Department, { description: 'The proposing department' })
  department(@Root() proposal: Proposal): Department {
    return { id: proposal.departmentId };
  }

  @FieldResolver(() => [Department], {
    description: 'Every department the decision affects, the proposing one first',
  })
  departments(@Root() proposal: Proposal): Department[] {
    return proposal.departmentIds.map((id) => ({ id }));
  }

  @FieldResolver(() => Requester)
  requester(@Root() proposal: Proposal): Requester {
    const agentId = proposal.requesterAgentId;
    return { subject: proposal.requesterSubject, agent: agentId ? { id: agentId } : null };
  }

  @FieldResolver(() => [ThresholdTerm], { description: 'The threshold term by term' })
  thresholdTerms(@Root() proposal: Proposal): ThresholdTerm[] {
    return proposal.thresholdTerms ?? [];
  }

  @FieldResolver(() => [Stakeholder], {
    description: 'The agents entitled to vote with their weights, snapshotted at opening',
  })
  async stakeholders(
    @Root() proposal: Proposal,
    @Ctx() ctx: DecisionsContext,
  ): Promise<Stakeholder[]> {
    const stakeholders = await ctx.loaders.stakeholdersByProposal.load(proposal.id);
    return stakeholders
      .filter((s) => s.personSubject === null)
      .map((s) => ({
        id: s.agentId,
        agent: { id: s.agentId },
        weight: s.weight,
        why: s.why,
      }));
  }

  @FieldResolver(() => [ExecutiveVoter], {
    description: 'The executives who voted on the proposal, with the weight of their track record',
  })
  async executiveVoters(
    @Root() proposal: Proposal,
    @Ctx() ctx: DecisionsContext,
  ): Promise<ExecutiveVoter[]> {
    const voters = await ctx.loaders.stakeholdersByProposal.load(proposal.id);
    return voters
      .filter((s) => s.personSubject !== null)
      .map((s) => ({ executive: s.personSubject as string, logOdds: s.logOdds ?? 0, why: s.why }));
  }

  @FieldResolver(() => [Vote], {
    description: 'Votes of one round (default: the current one), in the order accepted',
  })
  votes(
    @Root() proposal: Proposal,
    @Ctx() ctx: DecisionsContext,
    @Arg('round', () => Int, { nullable: true }) round?: number,
  ): Promise<Vote[]> {
    const key = roundKey({ proposalId: proposal.id, round: round ?? proposal.currentRound });
    return ctx.loaders.votesByRound.load(key);
  }

  @FieldResolver(() => VoteTally, { description: 'The tally of the current round' })
  tally(@Root() proposal: Proposal, @Ctx() ctx: DecisionsContext): Promise<VoteTally> {
    return readTally(ctx, proposal.id);
  }

  @FieldResolver(() => [VotingRound])
  async rounds(@Root() proposal: Proposal, @Ctx() ctx: DecisionsContext): Promise<VotingRound[]> {
    const rounds = await ctx.loaders.roundsByProposal.load(proposal.id);
    return rounds.map((round) => ({
      ...round,
      interval:
        round.intervalLow === null || round.intervalHigh === null
          ? null
          : { low: round.intervalLow, high: round.intervalHigh },
    }));
  }

  @FieldResolver(() => RoundSummary, {
    nullable: true,
    description: "From round 2 on: the previous round's anonymised distribution and rationales",
  })
  async previousRound(
    @Root() proposal: Proposal,
    @Ctx() ctx: DecisionsContext,
  ): Promise<RoundSummary | null> {
    const round = proposal.currentRound - 1;
    if (round < 1) return null;
    const [votes, rounds] = await Promise.all([
      ctx.loaders.votesByRound.load(roundKey({ proposalId: proposal.id, round })),
      ctx.loaders.roundsByProposal.load(proposal.id),
    ]);
    const stored = rounds.find((r) => r.round === round);
    return previousRoundOf(round, votes, stored?.support ?? null);
  }

  @FieldResolver(() => ConsensusResult, {
    nullable: true,
    description: 'The result once the proposal is closed (from its last round)',
  })
  async result(
    @Root() proposal: Proposal,
    @Ctx() ctx: DecisionsContext,
  ): Promise<ConsensusResult | null> {
    return consensusResultOf(proposal.status, await ctx.loaders.roundsByProposal.load(proposal.id));
  }

  @FieldResolver(() => [BiasFinding], { description: 'Bias findings of the rounds closed so far' })
  async biasReport(
    @Root() proposal: Proposal,
    @Ctx() ctx: DecisionsContext,
  ): Promise<BiasFinding[]> {
    const report = biasReportOf(await ctx.loaders.roundsByProposal.load(proposal.id));
    return report.map((finding) => ({
      kind: finding.kind,
      agents: finding.agentIds.map((id) => ({ id })),
      evidence: finding.evidence,
      mitigation: finding.mitigation,
      weightFactor: finding.weightFactor ?? null,
      round: finding.round,
    }));
  }

  @FieldResolver(() => [ProposalTransition], { description: 'Every transition, oldest first' })
  async transitions(
    @Root() proposal: Proposal,
    @Ctx() ctx: DecisionsContext,
  ): Promise<ProposalTransition[]> {
    const transitions = await ctx.loaders.transitionsByProposal.load(proposal.id);
    return transitions.map(toTransition);
  }

  @FieldResolver(() => ProposalOutcome, { nullable: true })
  outcome(
    @Root() proposal: Proposal,
    @Ctx() ctx: DecisionsContext,
  ): Promise<ProposalOutcome | null> {
    return ctx.loaders.outcome.load(proposal.id);
  }
}

export function toTransition(record: {
  id: string;
  proposalId: string;
  fromStatus: ProposalTransition['from'];
  toStatus: ProposalTransition['to'];
  round: number;
  at: Date;
  by: string;
  reason: string | null;
}): ProposalTransition {
  return {
    id: record.id,
    proposalId: record.proposalId,
    from: record.fromStatus,
    to: record.toStatus,
    round: record.round,
    at: record.at,
    by: record.by,
    reason: record.reason,
  };
}
