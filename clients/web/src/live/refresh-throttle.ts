/** The timer calls a throttle needs (injected, so its schedule is tested without waiting). */
export interface ThrottleTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: ThrottleTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface RefreshThrottle {
  /** Something changed: a read is due. */
  signal(): void;
  /** Drops the pending read (the page went away). */
  cancel(): void;
}

/**
 * Turns bursts of "something changed" into reads of `refresh`, trailing only: a signal is
 * followed by a read at least `intervalMs` after it (what it announced has settled by then, e.g.
 * a routed call announced at its selection has ended), and reads are `intervalMs` apart at least.
 * A signal while a read is pending gets one more read an interval after that one.
 */
export function createRefreshThrottle(
  refresh: () => void,
  intervalMs: number,
  timers: ThrottleTimers = browserTimers,
): RefreshThrottle {
  let pending: unknown;
  let signalledWhilePending = false;
  const arm = () => {
    pending = timers.set(() => {
      pending = undefined;
      refresh();
      if (signalledWhilePending) {
        signalledWhilePending = false;
        arm();
      }
    }, intervalMs);
  };
  return {
    signal() {
      if (pending === undefined) arm();
      else signalledWhilePending = true;
    },
    cancel() {
      if (pending !== undefined) timers.clear(pending);
      pending = undefined;
      signalledWhilePending = false;
    },
  };
}
