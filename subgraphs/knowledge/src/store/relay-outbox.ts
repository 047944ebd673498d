import neo4j, { type ManagedTransaction, type Transaction } from 'neo4j-driver';
import type { RelayedMessage } from './border-relay.js';
import { shareProjection, type ShareRecord } from './share-graph.js';

type Tx = Transaction | ManagedTransaction;

/**
 * The outbox of share messages (issue 16 §6). A share's state change and the message that must
 * tell the other department of it are written in one transaction, as a KnowledgeRelay node; the
 * call to agents happens after the commit, never inside an open transaction; the node goes once
 * agents carried the message, and a periodic retry picks up those it could not (agents down, or
 * the service stopped between the commit and the call). No GraphQL type reads these nodes.
 */
export type RelayPurpose = 'REQUEST' | 'DELIVERY' | 'REFUSAL';

export interface PendingRelay {
  id: string;
  shareId: string;
  purpose: RelayPurpose;
  fromDepartmentSlug: string;
  toDepartmentSlug: string;
  body: string;
  /** Attempts made or under way, this one included. */
  attempts: number;
}

const relayProjection = `relay { .id, .shareId, .purpose, .fromDepartmentSlug,
  .toDepartmentSlug, .body, attempts: toInteger(relay.attempts) }`;

const asRelay = (value: unknown): PendingRelay => {
  const relay = value as Omit<PendingRelay, 'attempts'> & {
    attempts: number | { toNumber(): number };
  };
  const { attempts } = relay;
  return { ...relay, attempts: typeof attempts === 'number' ? attempts : attempts.toNumber() };
};

/**
 * Queues a message, its first attempt under way (the operation makes it right after the commit):
 * the retry leaves it alone for `leaseMs`.
 */
export async function enqueueRelay(
  tx: Tx,
  relay: Omit<PendingRelay, 'attempts'>,
  leaseMs: number,
): Promise<PendingRelay> {
  const result = await tx.run(
    `CREATE (relay:KnowledgeRelay)
     SET relay = $relay, relay.attempts = 1, relay.failed = false, relay.createdAt = datetime(),
         relay.nextAttemptAt = datetime() + duration({milliseconds: $leaseMs})
     RETURN ${relayProjection} AS relay`,
    { relay, leaseMs: neo4j.int(leaseMs) },
  );
  return asRelay(result.records[0]?.get('relay'));
}

/**
 * Claims up to `limit` messages due at `now` for one more attempt: each is pushed `leaseMs`
 * ahead as it is claimed (under the node's write lock), so two replicas never send one twice.
 */
export async function claimDueRelays(
  tx: Tx,
  options: { now: Date; limit: number; leaseMs: number },
): Promise<PendingRelay[]> {
  const result = await tx.run(
    `MATCH (relay:KnowledgeRelay)
     WHERE relay.failed = false AND relay.nextAttemptAt <= datetime($now)
     WITH relay ORDER BY relay.nextAttemptAt LIMIT $limit
     SET relay.attempts = relay.attempts + 1,
         relay.nextAttemptAt = datetime($now) + duration({milliseconds: $leaseMs})
     RETURN ${relayProjection} AS relay`,
    {
      now: options.now.toISOString(),
      limit: neo4j.int(options.limit),
      leaseMs: neo4j.int(options.leaseMs),
    },
  );
  return result.records.map((record) => asRelay(record.get('relay')));
}

/**
 * Records a carried message on its share and drops it from the outbox. A request's Border
 * Agents come first in `relayAgentIds`, the answer's after them, whichever was carried first.
 */
export async function completeRelay(
  tx: Tx,
  relay: PendingRelay,
  message: RelayedMessage,
): Promise<ShareRecord | null> {
  const request = relay.purpose === 'REQUEST';
  const result = await tx.run(
    `MATCH (relay:KnowledgeRelay {id: $relayId})
     OPTIONAL MATCH (share:KnowledgeShare {id: relay.shareId})
     DELETE relay
     WITH share WHERE share IS NOT NULL
     SET share.relayAgentIds = CASE WHEN $request
           THEN $message.relayAgentIds + coalesce(share.relayAgentIds, [])
           ELSE coalesce(share.relayAgentIds, []) + $message.relayAgentIds END,
         share.requestMessageId = CASE WHEN $request THEN $message.messageId
           ELSE share.requestMessageId END,
         share.ownerBorderAgentId = CASE WHEN $request THEN $message.toAgentId
           ELSE share.ownerBorderAgentId END,
         share.deliveryMessageId = CASE WHEN $request THEN share.deliveryMessageId
           ELSE $message.messageId END
     RETURN ${shareProjection} AS share`,
    { relayId: relay.id, request, message: { ...message } },
  );
  return (result.records[0]?.get('share') as ShareRecord | undefined) ?? null;
}

/** Agents could not answer: the next attempt waits `delayMs`. */
export async function retryRelayLater(
  tx: Tx,
  relayId: string,
  delayMs: number,
  reason: string,
): Promise<void> {
  await tx.run(
    `MATCH (relay:KnowledgeRelay {id: $relayId})
     SET relay.lastError = $reason,
         relay.nextAttemptAt = datetime() + duration({milliseconds: $delayMs})`,
    { relayId, delayMs: neo4j.int(delayMs), reason },
  );
}

/**
 * Agents refused the message for good (an unknown or retired department, no Border Agent, no
 * route). A request that never reached the owner, still PENDING, is undone: the share and its
 * message go, as if never asked. Anything else (an answer, a copy or a refusal, or a request
 * decided meanwhile) stays recorded on its share and is kept as a failed message, not retried,
 * for an operator to see (`failed`, `lastError`).
 */
export async function abandonRelay(tx: Tx, relay: PendingRelay, reason: string): Promise<void> {
  await tx.run(
    `MATCH (relay:KnowledgeRelay {id: $relayId})
     OPTIONAL MATCH (share:KnowledgeShare {id: relay.shareId})
     SET relay.failed = true, relay.lastError = $reason, relay.failedAt = datetime()
     WITH relay, share
     WHERE relay.purpose = 'REQUEST' AND (share IS NULL OR share.status = 'PENDING')
     DETACH DELETE relay, share`,
    { relayId: relay.id, reason },
  );
}

/**
 * Drops the share's messages not carried yet (a revoke: a copy withdrawn must not be announced
 * to the target afterwards); a failed one stays for an operator to see. Returns how many.
 */
export async function cancelRelaysOf(tx: Tx, shareId: string): Promise<number> {
  const result = await tx.run(
    `MATCH (relay:KnowledgeRelay {shareId: $shareId}) WHERE relay.failed = false
     DELETE relay RETURN count(*) AS cancelled`,
    { shareId },
  );
  return Number(result.records[0]?.get('cancelled') ?? 0);
}

/** Whether the message is still queued to be sent: not carried, failed or cancelled since. */
export async function isRelayQueued(tx: Tx, relayId: string): Promise<boolean> {
  const result = await tx.run(
    `MATCH (relay:KnowledgeRelay {id: $relayId}) WHERE relay.failed = false
     RETURN count(relay) AS queued`,
    { relayId },
  );
  return Number(result.records[0]?.get('queued') ?? 0) > 0;
}
