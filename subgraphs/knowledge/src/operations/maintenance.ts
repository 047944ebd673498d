import type { Logger } from '@daena/platform';
import { inWriteTransaction, requireDriver } from '../store/knowledge-graph.js';
import { pruneChanges, type ChangeRetention } from '../store/change-retention.js';
import { retryDueRelays } from './relay-dispatch.js';
import type { ShareRuntime } from './share-runtime.js';

/** Records deleted, or messages retried, per transaction: keeps each one short. */
export const maintenanceBatch = 1_000;

/**
 * One round of the knowledge service's housekeeping at `now`: share messages agents could not
 * carry are sent again (relay-outbox.ts), and change records beyond the retention are deleted,
 * a batch per transaction until none is left.
 */
export async function maintainKnowledge(
  runtime: ShareRuntime & { retention: ChangeRetention },
  now: Date,
): Promise<{ carried: number; pruned: number }> {
  const carried = await retryDueRelays(runtime, { now, limit: maintenanceBatch });
  const driver = requireDriver(runtime.driver);
  let pruned = 0;
  for (;;) {
    const batch = await inWriteTransaction(driver, async (tx) => ({
      commit: true,
      value: await pruneChanges(tx, runtime.retention, { now, batch: maintenanceBatch }),
    }));
    pruned += batch;
    if (batch < maintenanceBatch) return { carried, pruned };
  }
}

/**
 * Runs `round` every `intervalMs` (0: never) from `start()` until `stop()`, one round at a time:
 * the next is scheduled when the last has finished, and `stop()` waits for the one under way.
 */
export class MaintenanceSchedule {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> = Promise.resolve();
  private active = false;

  constructor(
    private readonly round: (now: Date) => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.active || this.intervalMs === 0) return;
    this.active = true;
    this.next();
  }

  async stop(): Promise<void> {
    this.active = false;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  private next(): void {
    if (!this.active) return;
    const run = async () => {
      try {
        const outcome = await this.round(new Date());
        this.log.debug({ outcome }, 'knowledge maintenance round');
      } catch (error) {
        this.log.error({ err: error }, 'knowledge maintenance round failed');
      }
      this.next();
    };
    this.timer = setTimeout(() => {
      this.current = run();
    }, this.intervalMs).unref();
  }
}
