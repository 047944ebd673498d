/**
 * Where a sweep's catch-up on another service's source of work stands next (issue 15): after a
 * page read from `previous` (inclusive) whose items carry the times `seen`, the cursor moves to
 * the newest time seen less `overlapMs`, so a later sweep reads again what a slow commit or a
 * skewed clock may have stamped a little earlier than what it saw. That overlap costs nothing
 * (a source makes one task at most) and never moves the cursor back. A full page (`more`) that
 * the overlap would leave where it was moves to its newest time instead, so a burst larger than
 * a page inside the overlap cannot stall the catch-up.
 */
export function nextCursor(
  previous: Date,
  seen: readonly Date[],
  options: { more: boolean; overlapMs: number },
): Date {
  if (seen.length === 0) return previous;
  const newest = Math.max(...seen.map((at) => at.getTime()));
  const overlapped = Math.max(previous.getTime(), newest - options.overlapMs);
  if (options.more && overlapped <= previous.getTime()) return new Date(newest);
  return new Date(overlapped);
}
