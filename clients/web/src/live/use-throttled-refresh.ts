import { useEffect, useRef, useState } from 'react';
import { createRefreshThrottle } from './refresh-throttle.js';

/**
 * A stable `signal()` for the page's live events: each is followed, throttled, by a call of the
 * latest `refresh` (see createRefreshThrottle); nothing runs after the page unmounts.
 */
export function useThrottledRefresh(refresh: () => void, intervalMs: number): () => void {
  const latest = useRef(refresh);
  latest.current = refresh;
  const [throttle] = useState(() => createRefreshThrottle(() => latest.current(), intervalMs));
  useEffect(() => throttle.cancel, [throttle]);
  return throttle.signal;
}
