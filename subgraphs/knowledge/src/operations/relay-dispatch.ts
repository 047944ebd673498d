import { UnavailableError } from '@daena/platform';
import { Events } from '@daena/contracts';
import { relayRetryDelayMs } from '../domain/relay-retry.js';
import { inWriteTransaction, requireDriver } from '../store/knowledge-graph.js';
import {
  abandonRelay,
  claimDueRelays,
  completeRelay,
  isRelayQueued,
  retryRelayLater,
  type PendingRelay,
} from '../store/relay-outbox.js';
import type { ShareRecord } from '../store/share-graph.js';
import { publishAll, type ShareRuntime } from './share-runtime.js';
import { requireRelay } from './share-relay.js';

/** The wait before a first retry when the runtime does not say (KNOWLEDGE_RELAY_RETRY_MS). */
export const defaultRelayRetryMs = 30_000;

const retryBaseOf = (runtime: ShareRuntime) => runtime.relayRetryMs ?? defaultRelayRetryMs;

/**
 * One attempt at a queued share message, made with no transaction open: carried, it is recorded
 * on its share (and an approval's copy announced as `knowledge.shared`) and the share returned;
 * agents unavailable, it waits for the retry (null: the share stands as committed); refused for
 * good, it is abandoned (abandonRelay): a request's refusal is thrown, as the share is undone.
 * A message no longer queued (its share revoked since it was claimed) is not sent (null). Sent
 * under its record's id, agents carries it once however often it is sent.
 */
export async function dispatchRelay(
  runtime: ShareRuntime,
  relay: PendingRelay,
): Promise<ShareRecord | null> {
  const driver = requireDriver(runtime.driver);
  const queued = await inWriteTransaction(driver, async (tx) => ({
    commit: false,
    value: await isRelayQueued(tx, relay.id),
  }));
  if (!queued) {
    runtime.log?.info(
      { relayId: relay.id, shareId: relay.shareId, purpose: relay.purpose },
      'share message cancelled before it was sent',
    );
    return null;
  }
  let message;
  try {
    const { fromDepartmentSlug, toDepartmentSlug, body } = relay;
    message = await requireRelay(runtime.relay).send({
      fromDepartmentSlug,
      toDepartmentSlug,
      body,
      idempotencyKey: relay.id,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof UnavailableError) {
      const delayMs = relayRetryDelayMs(relay.attempts, retryBaseOf(runtime));
      await inWriteTransaction(driver, async (tx) => ({
        commit: true,
        value: await retryRelayLater(tx, relay.id, delayMs, reason),
      }));
      runtime.log?.warn(
        { relayId: relay.id, shareId: relay.shareId, attempts: relay.attempts, delayMs },
        'share message not carried yet; retried later',
      );
      return null;
    }
    await inWriteTransaction(driver, async (tx) => ({
      commit: true,
      value: await abandonRelay(tx, relay, reason),
    }));
    runtime.log?.warn(
      { relayId: relay.id, shareId: relay.shareId, purpose: relay.purpose, reason },
      'share message refused by the agents subgraph; abandoned',
    );
    // A request is undone, so its caller hears why; an answer's decision stands as committed.
    if (relay.purpose === 'REQUEST') throw error;
    return null;
  }
  const share = await inWriteTransaction(driver, async (tx) => ({
    commit: true,
    value: await completeRelay(tx, relay, message),
  }));
  if (share && relay.purpose === 'DELIVERY') {
    const idOf = async (slug: string) => (await runtime.departmentIds?.idOf(slug)) ?? null;
    await publishAll(runtime, [
      Events.knowledgeShared.create({
        shareId: share.id,
        entryId: share.entryId,
        copyId: share.copyId ?? '',
        fromDepartmentSlug: share.fromDepartmentSlug,
        toDepartmentSlug: share.toDepartmentSlug,
        fromDepartmentId: await idOf(share.fromDepartmentSlug),
        toDepartmentId: await idOf(share.toDepartmentSlug),
        messageId: message.messageId,
        relayAgentIds: message.relayAgentIds,
      }),
    ]);
  }
  return share;
}

/**
 * The outbox's retry: claims the messages due at `now` (a bounded batch) and makes one attempt
 * at each. Returns how many were carried; failures are logged, not thrown.
 */
export async function retryDueRelays(
  runtime: ShareRuntime,
  options: { now: Date; limit: number },
): Promise<number> {
  const due = await inWriteTransaction(requireDriver(runtime.driver), async (tx) => ({
    commit: true,
    value: await claimDueRelays(tx, { ...options, leaseMs: retryBaseOf(runtime) }),
  }));
  let carried = 0;
  for (const relay of due) {
    try {
      if (await dispatchRelay(runtime, relay)) carried += 1;
    } catch {
      // Abandoned and logged by dispatchRelay.
    }
  }
  return carried;
}
