import { BadInputError, ConflictError } from '@daena/platform/domain';

/**
 * Characters a relay's idempotency key may hold: room for any id a relaying service keeps
 * (knowledge sends its outbox record's UUID). The messages table checks the same bound.
 */
export const maxRelayKeyLength = 200;

/** BAD_USER_INPUT for an empty or oversize key; null and undefined mean no key. */
export function checkRelayKey(key: string | null | undefined): void {
  if (key === null || key === undefined) return;
  const length = [...key].length;
  if (key.trim() === '' || length > maxRelayKeyLength) {
    throw new BadInputError(
      `idempotencyKey has 1 to ${maxRelayKeyLength} characters`,
      'IDEMPOTENCY_KEY',
      { field: 'idempotencyKey', max: maxRelayKeyLength },
    );
  }
}

/**
 * A repeat under a key must be the same message: the first is answered again, so a different
 * body under it would be silently lost (CONFLICT instead). Its Border Agents may differ (a seat
 * refilled meanwhile); the first message's route stands.
 */
export function assertSameRelay(storedBody: string, body: string): void {
  if (storedBody !== body) {
    throw new ConflictError(
      'idempotencyKey was used for another message',
      'IDEMPOTENCY_KEY_REUSED',
    );
  }
}
