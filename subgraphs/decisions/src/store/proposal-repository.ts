import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../domain/ids.js';
import type { ProposalStatus } from '../domain/proposal.js';
import {
  ProposalEntity,
  ProposalStakeholderEntity,
  type ProposalRecord,
  type ProposalStakeholderRecord,
} from './entities.js';

export interface ProposalFilter {
  status?: ProposalStatus | null | undefined;
  departmentId?: string | null | undefined;
  limit: number;
}

/**
 * Reads of proposals; one instance per request, on that request's EntityManager fork. Reads skip
 * the identity map so a read after a write in the same request never sees a stale entity.
 */
export class ProposalRepository {
  constructor(private readonly em: EntityManager) {}

  byIds(ids: readonly string[]): Promise<ProposalRecord[]> {
    // A malformed id can match no uuid row; asking Postgres would only raise a cast error.
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.em.find(ProposalEntity, { id: { $in: valid } }, { disableIdentityMap: true });
  }

  /** Newest first; ties on the timestamp broken by id so pages are stable. */
  list(filter: ProposalFilter): Promise<ProposalRecord[]> {
    if (filter.departmentId && !isUuid(filter.departmentId)) {
      return Promise.resolve([]);
    }
    return this.em.find(
      ProposalEntity,
      {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.departmentId ? { departmentId: filter.departmentId } : {}),
      },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: filter.limit, disableIdentityMap: true },
    );
  }

  stakeholdersOf(proposalIds: readonly string[]): Promise<ProposalStakeholderRecord[]> {
    const valid = proposalIds.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.em.find(
      ProposalStakeholderEntity,
      { proposalId: { $in: valid } },
      { orderBy: { proposalId: 'asc', agentId: 'asc' }, disableIdentityMap: true },
    );
  }
}
