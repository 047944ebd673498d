import { byIdLoader, groupLoader, isUuid } from '@daena/platform';
import type { ProposalRepository } from '../store/proposal-repository.js';
import type { VoteRepository } from '../store/vote-repository.js';

/** The loader key of one round of one proposal. */
export function roundKey(round: { proposalId: string; round: number }): string {
  return `${round.proposalId}/${round.round}`;
}

/** The round a `roundKey` names; null for a key that can name no stored round. */
function parseRoundKey(key: string): { proposalId: string; round: number } | null {
  const [proposalId = '', round = ''] = key.split('/');
  const number = Number(round);
  return isUuid(proposalId) && Number.isInteger(number) ? { proposalId, round: number } : null;
}

export type DecisionsLoaders = ReturnType<typeof createLoaders>;

/** Per-request loaders over the request's own connection (STYLE habit 11). */
export function createLoaders(proposals: ProposalRepository, votes: VoteRepository) {
  return {
    proposal: byIdLoader((ids) => proposals.byIds(ids)),
    vote: byIdLoader((ids) => votes.byIds(ids)),
    /** The votes of one round of a proposal (key: `roundKey(proposalId, round)`), in order. */
    votesByRound: groupLoader(
      (keys) => votes.ofRounds(keys.map(parseRoundKey).filter((key) => key !== null)),
      roundKey,
    ),
    stakeholdersByProposal: groupLoader(
      (ids) => proposals.stakeholdersOf(ids),
      (stakeholder) => stakeholder.proposalId,
    ),
    roundsByProposal: groupLoader(
      (ids) => proposals.roundsOf(ids),
      (round) => round.proposalId,
    ),
    transitionsByProposal: groupLoader(
      (ids) => proposals.transitionsOf(ids),
      (transition) => transition.proposalId,
    ),
    transition: byIdLoader((ids) => proposals.transitionsByIds(ids)),
    outcome: byIdLoader((ids) => proposals.outcomesOf(ids)),
    ledgerByProposal: groupLoader(
      (ids) => proposals.ledgersOf(ids),
      (entry) => entry.proposalId,
    ),
  };
}
