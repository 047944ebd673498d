/** The longest wait between two attempts at one share message. */
export const relayRetryMaxMs = 60 * 60 * 1_000;

/**
 * How long to wait before attempt `attempts + 1` of a share message agents could not carry:
 * `baseMs` doubled per attempt made (exponential backoff), at most an hour, so an agents outage
 * of any length is ridden out with a few dozen calls per message.
 */
export function relayRetryDelayMs(attempts: number, baseMs: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(baseMs * 2 ** exponent, relayRetryMaxMs);
}
