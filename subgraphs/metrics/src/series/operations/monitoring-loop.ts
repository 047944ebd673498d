import type { Logger } from '@daena/platform';

/**
 * Runs `tick` every `intervalMs` (scrape, then evaluate the rules), one tick at a time: a slow
 * tick delays the next instead of piling up. Timers, not a job queue: a missed tick is not work
 * to redo, the next one reads the same series. Requests never wait on it.
 */
export class MonitoringLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly tick: (at: Date) => Promise<void>,
    private readonly intervalMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (!this.stopped || this.intervalMs <= 0) return;
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick(new Date())
        .catch((error: unknown) => this.log.error({ err: error }, 'monitoring tick failed'))
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, this.intervalMs);
    this.timer.unref();
  }
}
