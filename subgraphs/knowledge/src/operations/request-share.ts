import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  NotFoundError,
  requireAuthenticated,
  type Principal,
} from '@daena/platform';
import { checkShareable, checkShareReason, type DepartmentRef } from '../domain/share-rules.js';
import { inWriteTransaction, requireDriver } from '../store/knowledge-graph.js';
import {
  createShare,
  hasOpenShare,
  isOpenShareTaken,
  readVisibleEntry,
  type Claims,
  type ShareRecord,
} from '../store/share-graph.js';
import type { ShareRuntime } from './share-runtime.js';
import { enqueueRelay } from '../store/relay-outbox.js';
import { defaultRelayRetryMs, dispatchRelay } from './relay-dispatch.js';
import { requireDirectory, requireRelay } from './share-relay.js';

export interface ShareRequest {
  entryId: string;
  /** The target department, by id (looked up in agents) or by slug. */
  department: DepartmentRef;
  reason: string;
}

/** The target's slug: given, or looked up by id in agents (NOT_FOUND for an unknown one). */
async function targetSlug(runtime: ShareRuntime, department: DepartmentRef): Promise<string> {
  if ('slug' in department) return department.slug;
  return requireDirectory(runtime.departments).slugOf(department.id);
}

/** Two requests for one (entry, department) raced: the one that committed first stands. */
function shareExists(departmentSlug: string): ConflictError {
  return new ConflictError(
    `The entry already has an open share with ${departmentSlug}`,
    'SHARE_EXISTS',
  );
}

/**
 * Asks the owning department to share an entry (issue 16 §6): the request travels as a message
 * from the target department's Border Agent to the owner's, over the Border Agents of the
 * shortest hex path. Checks run before anything is written: an entry the caller may not read is
 * NOT_FOUND (as one that does not exist), a PERSONAL one, the same department or a bad reason
 * BAD_USER_INPUT, an open request for the same pair CONFLICT (also when two race: a uniqueness
 * constraint holds one open share per pair). The share and its message are committed together
 * (relay-outbox.ts), then the message is sent: refused for good by agents (an unknown
 * department: NOT_FOUND), the share is undone and the refusal thrown; agents unavailable, the
 * share stands PENDING with no request message yet, which the retry sends.
 */
export async function requestShare(
  runtime: ShareRuntime,
  principal: Principal,
  jwt: Claims,
  request: ShareRequest,
): Promise<ShareRecord> {
  requireAuthenticated(principal);
  checkShareReason(request.reason, true);
  requireRelay(runtime.relay);
  const departmentSlug = await targetSlug(runtime, request.department);
  const { share, relay } = await inWriteTransaction(requireDriver(runtime.driver), async (tx) => {
    const entry = await readVisibleEntry(tx, request.entryId, jwt);
    if (!entry) throw new NotFoundError('KnowledgeEntry', request.entryId);
    checkShareable(entry, departmentSlug);
    if (await hasOpenShare(tx, entry.id, departmentSlug)) throw shareExists(departmentSlug);
    const id = randomUUID();
    const created = await createShare(tx, {
      id,
      entryId: entry.id,
      fromDepartmentSlug: entry.departmentSlug,
      toDepartmentSlug: departmentSlug,
      reason: request.reason,
      status: 'PENDING',
      requestedBy: principal.sub ?? '',
    });
    const queued = await enqueueRelay(
      tx,
      {
        id: randomUUID(),
        shareId: id,
        purpose: 'REQUEST',
        fromDepartmentSlug: departmentSlug,
        toDepartmentSlug: entry.departmentSlug,
        body: `Share request ${id}: ${departmentSlug} asks ${entry.departmentSlug} for knowledge entry ${entry.id}. Reason: ${request.reason}`,
      },
      runtime.relayRetryMs ?? defaultRelayRetryMs,
    );
    return { commit: true, value: { share: created, relay: queued } };
  }).catch((error: unknown) => {
    // The constraint may also trip at commit, when the other request committed meanwhile.
    throw isOpenShareTaken(error) ? shareExists(departmentSlug) : error;
  });
  return (await dispatchRelay(runtime, relay)) ?? share;
}
