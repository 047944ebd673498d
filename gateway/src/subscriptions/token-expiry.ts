import type { Principal } from '@daena/platform';

/** graphql-ws's Forbidden close code, which clients already treat as "authenticate again". */
export const tokenExpiredCloseCode = 4403;
export const tokenExpiredReason = 'Token expired';

/** setTimeout's longest delay (2^31 − 1 ms, about 24.8 days); a longer one fires at once. */
const maxTimerMs = 2 ** 31 - 1;

/**
 * Calls `close` when the principal's token expires (a socket outlives the token it opened with,
 * and would otherwise keep receiving events). Returns the cancel, for when the socket closes
 * first. Anonymous connections have no expiry.
 */
export function closeWhenTokenExpires(principal: Principal, close: () => void): () => void {
  const { expiresAt } = principal;
  if (expiresAt === undefined) return () => undefined;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const remaining = expiresAt - Date.now();
    if (remaining <= 0) return close();
    timer = setTimeout(arm, Math.min(remaining, maxTimerMs));
  };
  arm();
  return () => clearTimeout(timer);
}
