import { DaenaError, requestConnection } from '@daena/platform';
import { nextCursor } from '../domain/scan-cursor.js';
import type { DecisionsProposalsFeed } from '../store/decisions-proposals-feed.js';
import type { KnowledgeChangesFeed } from '../store/knowledge-changes-feed.js';
import type { MetricsAlertsFeed } from '../store/metrics-alerts-feed.js';
import { ScanCursorRepository, ScanSource } from '../store/scan-cursor-repository.js';
import { ScanRepository } from '../store/scan-repository.js';
import { scanAlert, scanKnowledgeEntry } from './scan-environment.js';
import { followUpProposal, type ScanDependencies } from './scan-for-work.js';

/** The services whose events the sweep catches up on, each asked over its GraphQL API. */
export interface CatchUpFeeds {
  knowledge?: KnowledgeChangesFeed | undefined;
  alerts?: MetricsAlertsFeed | undefined;
  proposals?: DecisionsProposalsFeed | undefined;
}

export interface CatchUpDependencies extends ScanDependencies {
  feeds: CatchUpFeeds;
}

/**
 * Most items one catch-up reads of a source: the next sweep takes the rest. 200 is the most
 * knowledge's createdEntriesSince returns; decisions lists 100 and metrics up to 500.
 */
const catchUpBatch = 200;

/**
 * How far before the newest time seen a cursor stops: a commit slower than the sweep's read, or
 * a clock a little behind, stamps a source earlier than what was seen; a minute covers both, and
 * reading it again costs one lookup per source (each makes one task at most).
 */
const overlapMs = 60_000;

/** What one catch-up made, per source; null when the source could not be read. */
export interface CaughtUp {
  knowledge: number | null;
  alerts: number | null;
  proposals: number | null;
}

/**
 * The sweep's catch-up on the events the bus may have lost (issue 15): the bus is at most once,
 * so a new entry, a firing alert or an accepted proposal announced while no agents worker
 * listened is read back from its owner and scanned as its event would have been. Each source
 * makes a task once (its `sourceRef`), so reading one again is harmless. A source that is down
 * or refuses is logged and left for the next sweep, its cursor where it was; the others go on.
 */
export async function catchUpScans(deps: CatchUpDependencies): Promise<CaughtUp> {
  const { knowledge, alerts, proposals } = deps.feeds;
  return {
    knowledge: knowledge
      ? await guarded(deps, 'knowledge', () => catchUpKnowledge(deps, knowledge))
      : null,
    alerts: alerts ? await guarded(deps, 'alerts', () => catchUpAlerts(deps, alerts)) : null,
    proposals: proposals
      ? await guarded(deps, 'proposals', () => catchUpProposals(deps, proposals))
      : null,
  };
}

async function guarded(
  deps: CatchUpDependencies,
  source: string,
  catchUp: () => Promise<number>,
): Promise<number | null> {
  try {
    return await catchUp();
  } catch (error) {
    if (!(error instanceof DaenaError)) throw error;
    deps.log.warn({ source, code: error.reason }, 'sweep could not catch up on a source');
    return null;
  }
}

async function catchUpKnowledge(deps: CatchUpDependencies, feed: KnowledgeChangesFeed) {
  const cursors = new ScanCursorRepository(requestConnection(deps.fork()));
  const since = await cursors.position(ScanSource.KNOWLEDGE);
  const page = await feed.createdSince(since, catchUpBatch);
  const taken = await takenOf(
    deps,
    page.entries.map((e) => `knowledge:${e.entryId}`),
  );
  let made = 0;
  for (const entry of page.entries) {
    if (taken.has(`knowledge:${entry.entryId}`)) continue;
    if (await scanKnowledgeEntry(deps, entry)) made++;
  }
  const seen = page.entries.map((entry) => entry.at);
  await cursors.advance(
    ScanSource.KNOWLEDGE,
    nextCursor(since, seen, { more: page.more, overlapMs }),
  );
  return made;
}

/** Firing alerts need no cursor: what fires now is read whole, each firing made a task once. */
async function catchUpAlerts(deps: CatchUpDependencies, feed: MetricsAlertsFeed) {
  const firing = await feed.firing(catchUpBatch);
  const taken = await takenOf(
    deps,
    firing.map((alert) => `alert:${alert.transitionId}`),
  );
  let made = 0;
  for (const alert of firing) {
    if (taken.has(`alert:${alert.transitionId}`)) continue;
    if (await scanAlert(deps, alert)) made++;
  }
  return made;
}

async function catchUpProposals(deps: CatchUpDependencies, feed: DecisionsProposalsFeed) {
  const cursors = new ScanCursorRepository(requestConnection(deps.fork()));
  const since = await cursors.position(ScanSource.PROPOSALS);
  const page = await feed.acceptedSince(since, null);
  const taken = await takenOf(
    deps,
    page.proposals.map((p) => `proposal:${p.proposalId}`),
  );
  let made = 0;
  for (const proposal of page.proposals) {
    if (taken.has(`proposal:${proposal.proposalId}`)) continue;
    if (await followUpProposal(deps, proposal)) made++;
  }
  const seen = page.proposals.map((proposal) => proposal.closedAt);
  await cursors.advance(
    ScanSource.PROPOSALS,
    nextCursor(since, seen, { more: page.more, overlapMs }),
  );
  return made;
}

function takenOf(deps: ScanDependencies, sourceRefs: string[]): Promise<Set<string>> {
  return new ScanRepository(requestConnection(deps.fork())).takenOf(sourceRefs);
}
