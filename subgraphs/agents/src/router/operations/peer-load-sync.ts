import type { Logger, PeerGauges } from '@daena/platform';
import type { LoadWindows } from '../index.js';

/**
 * Shares this replica's use of each model with its peers and takes in theirs, every `intervalMs`
 * (Redis with REDIS_URL): provider rate limits hold for all replicas together.
 */
export class PeerLoadSync {
  private timer: NodeJS.Timeout | undefined;
  private syncing = false;
  private failing = false;

  constructor(
    private readonly peers: PeerGauges,
    private readonly loads: LoadWindows,
    private readonly log: Logger,
    private readonly intervalMs: number,
  ) {}

  async start(): Promise<void> {
    await this.sync();
    this.timer = setInterval(() => void this.sync(), this.intervalMs);
    this.timer.unref();
  }

  /** Stops exchanging; `close` then releases the connection. */
  halt(): void {
    clearInterval(this.timer);
  }

  close(): Promise<void> {
    return this.peers.close();
  }

  /**
   * One exchange (at most one at a time). When it fails, the peers' last figures are dropped and
   * this replica counts on its own until the next one succeeds: providers still answer 429 over
   * their limits, which the executor falls back on.
   */
  async sync(): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    try {
      this.loads.setPeers(await this.peers.exchange(this.loads.ownGauges()));
      this.failing = false;
    } catch (error) {
      this.loads.setPeers(new Map());
      if (!this.failing)
        this.log.warn({ err: error }, 'cannot share model load with peer replicas');
      this.failing = true;
    } finally {
      this.syncing = false;
    }
  }
}
