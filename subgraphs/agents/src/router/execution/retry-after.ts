/**
 * How long a provider asked us to wait, from its response headers: OpenAI's `retry-after-ms`
 * first, then the standard `retry-after` in seconds or as an HTTP date (RFC 9110 §10.2.3).
 * Null when absent, unparsable or in the past.
 */
export function parseRetryAfterMs(headers: Headers | undefined, nowMs: number): number | null {
  const ms = headers?.get('retry-after-ms');
  if (ms != null && ms.trim() !== '' && Number.isFinite(Number(ms)) && Number(ms) >= 0) {
    return Math.round(Number(ms));
  }
  const value = headers?.get('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
