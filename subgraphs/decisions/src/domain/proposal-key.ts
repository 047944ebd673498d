import { createHash } from 'node:crypto';
import { BadInputError, ConflictError } from '@daena/platform/domain';
import type { ProposalRequest } from './proposal.js';

/**
 * Characters an idempotency key may hold: room for any step or request id a caller keeps (agents
 * send a run id and a step number). Migration 0008 checks the same bound.
 */
export const idempotencyKeyMax = 200;

/** The key and the fingerprint of the request that a create stores, so a repeat is recognised. */
export interface ProposalKey {
  key: string;
  fingerprint: string;
}

/** The key as given, or null without one; BAD_USER_INPUT when it is blank or too long. */
export function checkIdempotencyKey(key: string | null | undefined): string | null {
  if (key === null || key === undefined) return null;
  if (key.trim() === '' || [...key].length > idempotencyKeyMax) {
    throw new BadInputError(
      `idempotencyKey must have 1 to ${idempotencyKeyMax} characters`,
      'IDEMPOTENCY_KEY',
      { field: 'idempotencyKey', max: idempotencyKeyMax },
    );
  }
  return key;
}

/**
 * A digest of the request as sent (not as defaulted: a repeat is recognised even if the service's
 * defaults changed in between). An unset field and an explicit null are the same request.
 */
export function requestFingerprint(request: ProposalRequest): string {
  const sent = [
    request.title,
    request.description ?? null,
    request.departmentId,
    request.affectedDepartmentIds ?? null,
    request.deadline?.toISOString() ?? null,
    request.kind ?? null,
    request.risk ?? null,
    request.stakeholderImpact ?? null,
    request.urgency ?? null,
    request.maxRounds ?? null,
    request.roundSeconds ?? null,
    request.requesterAgentId ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(sent)).digest('hex');
}

/**
 * A key answers only the request it was first used for: a different request under it would be
 * silently dropped, so it is a CONFLICT naming the proposal the key holds.
 */
export function assertSameRequest(
  first: { proposalId: string; fingerprint: string },
  fingerprint: string,
): void {
  if (first.fingerprint === fingerprint) return;
  throw new ConflictError(
    'This idempotency key was used by an earlier, different create of yours; nothing was written',
    'IDEMPOTENCY_KEY_REPEATED',
    { proposalId: first.proposalId },
  );
}
