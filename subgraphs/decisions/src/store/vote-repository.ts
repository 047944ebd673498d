import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../domain/ids.js';
import type { CountedVote } from '../domain/tally.js';
import { VoteEntity, type VoteRecord } from './entities.js';

/** The loader key of one round of one proposal. */
export function roundKey(round: { proposalId: string; round: number }): string {
  return `${round.proposalId}/${round.round}`;
}

function parseRoundKey(key: string): { proposalId: string; round: number } | null {
  const [proposalId = '', round = ''] = key.split('/');
  const number = Number(round);
  return isUuid(proposalId) && Number.isInteger(number) ? { proposalId, round: number } : null;
}

/** Reads of votes; one instance per request, on that request's EntityManager fork. */
export class VoteRepository {
  constructor(private readonly em: EntityManager) {}

  byIds(ids: readonly string[]): Promise<VoteRecord[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.em.find(VoteEntity, { id: { $in: valid } }, { disableIdentityMap: true });
  }

  /** The current votes of the given rounds (keys from `roundKey`), in the order they were accepted. */
  ofRounds(keys: readonly string[]): Promise<VoteRecord[]> {
    const rounds = keys.map(parseRoundKey).filter((key) => key !== null);
    if (rounds.length === 0) return Promise.resolve([]);
    return this.em.find(
      VoteEntity,
      { $or: rounds.map((key) => ({ proposalId: key.proposalId, round: key.round })) },
      { orderBy: { proposalId: 'asc', seq: 'asc' }, disableIdentityMap: true },
    );
  }

  /**
   * Each agent's vote as it stood once the vote with sequence number `seq` was accepted: the
   * latest history entry per agent up to `seq`. Votes of a proposal are accepted one at a time
   * (castVote locks the proposal row), so every entry up to `seq` had committed by then.
   */
  asOf(
    proposalId: string,
    round: number,
    seq: string,
  ): Promise<(CountedVote & { agentId: string; personSubject: string | null })[]> {
    return this.em.execute<(CountedVote & { agentId: string; personSubject: string | null })[]>(
      `select distinct on (agent_id) agent_id as "agentId", choice, confidence,
              person_subject as "personSubject"
         from decisions.vote_history
        where proposal_id = ? and round = ? and seq <= ?
        order by agent_id, seq desc`,
      [proposalId, round, seq],
    );
  }
}
