import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../domain/ids.js';
import type { CountedVote } from '../domain/tally.js';
import { VoteEntity, type VoteRecord } from './entities.js';

/** Reads of votes; one instance per request, on that request's EntityManager fork. */
export class VoteRepository {
  constructor(private readonly em: EntityManager) {}

  byIds(ids: readonly string[]): Promise<VoteRecord[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.em.find(VoteEntity, { id: { $in: valid } }, { disableIdentityMap: true });
  }

  /** The current votes of one round of each proposal, in the order they were accepted. */
  ofProposals(proposalIds: readonly string[], round: number): Promise<VoteRecord[]> {
    const valid = proposalIds.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.em.find(
      VoteEntity,
      { proposalId: { $in: valid }, round },
      { orderBy: { proposalId: 'asc', seq: 'asc' }, disableIdentityMap: true },
    );
  }

  /**
   * Each agent's vote as it stood once the vote with sequence number `seq` was accepted: the
   * latest history entry per agent up to `seq`. Votes of a proposal are accepted one at a time
   * (castVote locks the proposal row), so every entry up to `seq` had committed by then.
   */
  asOf(proposalId: string, round: number, seq: string): Promise<CountedVote[]> {
    return this.em.execute<CountedVote[]>(
      `select distinct on (agent_id) choice, confidence
         from decisions.vote_history
        where proposal_id = ? and round = ? and seq <= ?
        order by agent_id, seq desc`,
      [proposalId, round, seq],
    );
  }
}
