import { requireServiceCaller, type Caller } from '@daena/platform';
import { BadInputError } from '@daena/platform/domain';
import type { Driver } from 'neo4j-driver';
import { requireDriver } from '../store/knowledge-graph.js';
import { createdEntriesSince, type CreatedEntryRecord } from '../store/created-entries.js';

/**
 * The services whose service token may read every department's new entries: agents, whose
 * autonomy sweep makes a task of each entry whose `knowledge.entry.created` event the at-most-once
 * bus lost (issue 15).
 */
const sweepServices: readonly string[] = ['agents'];

/** The most entries one read returns, as every knowledge list (`@limit(max: 200)`). */
export const createdEntriesLimit = { min: 1, max: 200 } as const;

export interface CreatedEntriesRequest {
  since: string;
  limit: number;
}

/**
 * The entries created since `since`, oldest first, for agents' sweep. Only the agents service's
 * token may: no user, an admin included, and no other service (FORBIDDEN); an anonymous caller
 * is UNAUTHENTICATED. The limit is checked before any Cypher runs.
 */
export async function readCreatedEntries(
  driver: Driver | undefined,
  caller: Caller,
  request: CreatedEntriesRequest,
): Promise<CreatedEntryRecord[]> {
  requireServiceCaller(
    caller,
    sweepServices,
    "Only the agents service reads every department's new entries",
    'AGENTS_SERVICE_ONLY',
  );
  const { min, max } = createdEntriesLimit;
  if (!Number.isInteger(request.limit) || request.limit < min || request.limit > max) {
    throw new BadInputError(
      `limit must be an integer from ${min} to ${max}`,
      'LIMIT_OUT_OF_RANGE',
      { field: 'limit', limit: request.limit, min, max },
    );
  }
  return createdEntriesSince(requireDriver(driver), request.since, request.limit);
}
