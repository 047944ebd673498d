import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  NotFoundError,
  requireAuthenticated,
  type Principal,
} from '@daena/platform';
import { checkShareable, checkShareReason } from '../domain/share-rules.js';
import { inWriteTransaction, requireDriver } from '../store/knowledge-graph.js';
import {
  createShare,
  hasOpenShare,
  readVisibleEntry,
  type Claims,
  type ShareRecord,
} from '../store/share-graph.js';
import type { ShareRuntime } from './share-runtime.js';
import { requireRelay } from './share-relay.js';

export interface ShareRequest {
  entryId: string;
  departmentSlug: string;
  reason: string;
}

/**
 * Asks the owning department to share an entry (issue 16 §6): the request travels as a message
 * from the target department's Border Agent to the owner's, over the Border Agents of the
 * shortest hex path. Checks run before anything is written: an entry the caller may not read is
 * NOT_FOUND (as one that does not exist), a PERSONAL one, the same department or a bad reason
 * BAD_USER_INPUT, an open request for the same pair CONFLICT; the share is written in a
 * transaction that commits only once agents has carried the message (an unknown department is
 * NOT_FOUND there, and nothing is kept).
 */
export async function requestShare(
  runtime: ShareRuntime,
  principal: Principal,
  jwt: Claims,
  request: ShareRequest,
): Promise<ShareRecord> {
  requireAuthenticated(principal);
  checkShareReason(request.reason, true);
  const relay = requireRelay(runtime.relay);
  return inWriteTransaction(requireDriver(runtime.driver), async (tx) => {
    const entry = await readVisibleEntry(tx, request.entryId, jwt);
    if (!entry) throw new NotFoundError('KnowledgeEntry', request.entryId);
    checkShareable(entry, request.departmentSlug);
    if (await hasOpenShare(tx, entry.id, request.departmentSlug)) {
      throw new ConflictError(
        `The entry already has an open share with ${request.departmentSlug}`,
        'SHARE_EXISTS',
      );
    }
    const id = randomUUID();
    const message = await relay.send({
      fromDepartmentSlug: request.departmentSlug,
      toDepartmentSlug: entry.departmentSlug,
      body: `Share request ${id}: ${request.departmentSlug} asks ${entry.departmentSlug} for knowledge entry ${entry.id}. Reason: ${request.reason}`,
    });
    const share = await createShare(tx, {
      id,
      entryId: entry.id,
      fromDepartmentSlug: entry.departmentSlug,
      toDepartmentSlug: request.departmentSlug,
      reason: request.reason,
      status: 'PENDING',
      requestedBy: principal.sub ?? '',
      ownerBorderAgentId: message.toAgentId,
      requestMessageId: message.messageId,
      relayAgentIds: message.relayAgentIds,
    });
    return { commit: true, value: share };
  });
}
