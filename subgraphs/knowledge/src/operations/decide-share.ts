import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, type Principal } from '@daena/platform';
import type { Transaction } from 'neo4j-driver';
import { personalDataKinds, suggestAccessLevel } from '../domain/classification.js';
import { redactPersonalData } from '../domain/redaction.js';
import { relatedQuery, searchLimits } from '../domain/search-terms.js';
import { entryLimits } from '../domain/entry-limits.js';
import {
  assertMayDecide,
  assertStatus,
  checkShareReason,
  policyDepartmentOf,
  type ShareStatus,
} from '../domain/share-rules.js';
import { inWriteTransaction, linkRelated, requireDriver } from '../store/knowledge-graph.js';
import {
  borderAgentApproves,
  createCopy,
  deleteCopy,
  readEntry,
  readShareForDecision,
  recordChangesOf,
  setPolicy,
  updateShare,
  type Claims,
  type PolicyRecord,
  type ShareRecord,
  type SharableEntry,
} from '../store/share-graph.js';
import { cancelRelaysOf, enqueueRelay } from '../store/relay-outbox.js';
import { defaultRelayRetryMs, dispatchRelay } from './relay-dispatch.js';
import { changeEvents, publishAll, type ShareRuntime } from './share-runtime.js';
import { requireRelay } from './share-relay.js';

/** The share, if the caller may decide it now: NOT_FOUND, FORBIDDEN or CONFLICT otherwise. */
async function decidable(
  tx: Transaction,
  principal: Principal,
  jwt: Claims,
  shareId: string,
  expected: ShareStatus,
): Promise<ShareRecord> {
  const share = await readShareForDecision(tx, shareId, jwt);
  if (!share) throw new NotFoundError('KnowledgeShare', shareId);
  assertMayDecide(principal, share, await borderAgentApproves(tx, share.fromDepartmentSlug));
  assertStatus(share, expected);
  return share;
}

/**
 * Approves a pending share: in one transaction, a redacted copy for the target department
 * (personal data removed, DERIVED_FROM the original, linked like any new entry), the share's new
 * state and the message that carries the copy from the owner's Border Agent to the target's
 * (queued in the outbox, sent once committed; `knowledge.shared` goes out when it is carried).
 * An original that is gone or has become PERSONAL since the request is a CONFLICT, and nothing
 * is copied.
 */
export async function approveShare(
  runtime: ShareRuntime,
  principal: Principal,
  jwt: Claims,
  shareId: string,
): Promise<ShareRecord> {
  requireRelay(runtime.relay);
  const { share, changes, relay } = await inWriteTransaction(
    requireDriver(runtime.driver),
    async (tx) => {
      const pending = await decidable(tx, principal, jwt, shareId, 'PENDING');
      const original = await readEntry(tx, pending.entryId);
      if (!original || original.accessLevel === 'PERSONAL') {
        throw new ConflictError(
          'The entry is gone or has become PERSONAL since the request',
          'ENTRY_NOT_SHAREABLE',
        );
      }
      const copy = redactedCopy(original, pending.toDepartmentSlug, principal.sub ?? '');
      await createCopy(tx, copy, original.id);
      const query = relatedQuery(copy.title, copy.body);
      await linkRelated(tx, query ? [{ id: copy.id, query }] : [], searchLimits);
      const recorded = await recordChangesOf(tx, [copy.id], 'SHARED');
      const approved = await updateShare(tx, shareId, {
        status: 'APPROVED',
        decidedBy: principal.sub,
        copyId: copy.id,
      });
      const queued = await queueAnswer(runtime, tx, approved, 'DELIVERY', {
        body: `Shared knowledge ${pending.id}: "${copy.title}" from ${pending.fromDepartmentSlug} is entry ${copy.id} of ${pending.toDepartmentSlug} (personal data removed).`,
      });
      return { commit: true, value: { share: approved, changes: recorded, relay: queued } };
    },
  );
  await publishAll(runtime, await changeEvents(runtime, changes, 'shared'));
  return (await dispatchRelay(runtime, relay)) ?? share;
}

/**
 * Refuses a pending share; nothing is copied. The refusal travels back to the requesting
 * department as the approval does: a message from the owner's Border Agent to the target's.
 */
export async function refuseShare(
  runtime: ShareRuntime,
  principal: Principal,
  jwt: Claims,
  shareId: string,
  reason: string | null | undefined,
): Promise<ShareRecord> {
  checkShareReason(reason, false);
  requireRelay(runtime.relay);
  const { share, relay } = await inWriteTransaction(requireDriver(runtime.driver), async (tx) => {
    const pending = await decidable(tx, principal, jwt, shareId, 'PENDING');
    const refused = await updateShare(tx, shareId, {
      status: 'REFUSED',
      decidedBy: principal.sub,
      decisionReason: reason ?? null,
    });
    const queued = await queueAnswer(runtime, tx, refused, 'REFUSAL', {
      body: `Share request ${pending.id} refused: ${pending.fromDepartmentSlug} does not share knowledge entry ${pending.entryId} with ${pending.toDepartmentSlug}.${reason ? ` Reason: ${reason}` : ''}`,
    });
    return { commit: true, value: { share: refused, relay: queued } };
  });
  return (await dispatchRelay(runtime, relay)) ?? share;
}

/** The owner's answer to the target department, queued with the decision (relay-outbox.ts). */
function queueAnswer(
  runtime: ShareRuntime,
  tx: Transaction,
  share: ShareRecord,
  purpose: 'DELIVERY' | 'REFUSAL',
  message: { body: string },
) {
  return enqueueRelay(
    tx,
    {
      id: randomUUID(),
      shareId: share.id,
      purpose,
      fromDepartmentSlug: share.fromDepartmentSlug,
      toDepartmentSlug: share.toDepartmentSlug,
      body: message.body,
    },
    runtime.relayRetryMs ?? defaultRelayRetryMs,
  );
}

/**
 * Withdraws an approved share: the copy (and its versions) is deleted for the target, and its
 * message not carried yet is cancelled in the same transaction, so the Border Agents never
 * announce a copy that is gone (one agents is carrying at this moment still arrives, naming an
 * entry the target can no longer read).
 */
export async function revokeShare(
  runtime: ShareRuntime,
  principal: Principal,
  jwt: Claims,
  shareId: string,
  reason: string | null | undefined,
): Promise<ShareRecord> {
  checkShareReason(reason, false);
  const { share, changeId } = await inWriteTransaction(
    requireDriver(runtime.driver),
    async (tx) => {
      const approved = await decidable(tx, principal, jwt, shareId, 'APPROVED');
      const revokedChange = approved.copyId ? await deleteCopy(tx, approved.copyId) : null;
      await cancelRelaysOf(tx, shareId);
      const revoked = await updateShare(tx, shareId, {
        status: 'REVOKED',
        decidedBy: principal.sub,
        decisionReason: reason ?? null,
      });
      return { commit: true, value: { share: revoked, changeId: revokedChange } };
    },
  );
  if (changeId && share.copyId) {
    const change = { changeId, entryId: share.copyId, departmentSlug: share.toDepartmentSlug };
    await publishAll(runtime, await changeEvents(runtime, [change], 'revoked'));
  }
  return share;
}

/** The caller's department lets its Border Agent decide its shares, or stops it (its lead). */
export async function setSharingPolicy(
  runtime: ShareRuntime,
  principal: Principal,
  borderAgentApprovesShares: boolean,
): Promise<PolicyRecord> {
  const departmentSlug = policyDepartmentOf(principal);
  return inWriteTransaction(requireDriver(runtime.driver), async (tx) => ({
    commit: true,
    value: await setPolicy(tx, {
      departmentSlug,
      borderAgentApproves: borderAgentApprovesShares,
      setBy: principal.sub ?? '',
    }),
  }));
}

/**
 * The copy a target department reads: title, body, tags and source with personal data removed
 * (title and body cut to their bounds, as a marker may be longer than what it replaces),
 * classified again.
 */
function redactedCopy(original: SharableEntry, departmentSlug: string, ownerId: string) {
  const title = [...redactPersonalData(original.title).text]
    .slice(0, entryLimits.titleMaxChars)
    .join('');
  const body = [...redactPersonalData(original.body).text]
    .slice(0, entryLimits.bodyMaxChars)
    .join('');
  const personalData = personalDataKinds(`${title}\n${body}`);
  return {
    id: randomUUID(),
    title,
    body,
    kind: original.kind,
    tags: original.tags?.map((tag) => redactPersonalData(tag).text) ?? null,
    source: original.source === null ? null : redactPersonalData(original.source).text,
    departmentSlug,
    ownerId,
    suggestedAccessLevel: suggestAccessLevel(personalData),
    personalData,
  };
}
