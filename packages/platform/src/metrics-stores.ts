import { Gauge, type Registry } from 'prom-client';

/** What a store health gauge needs of a store: its name and a cheap check. */
export interface CheckedStore {
  readonly name: string;
  check(): Promise<void>;
}

/**
 * `daena_store_up{store}`: 1 when the store's check passed within `timeoutMs`, else 0 (the
 * critical "database connection failure" rule). Checked at scrape time, bounded by the timeout, so
 * a hung store makes a scrape slower, never a request: requests do not wait on scrapes.
 */
export function registerStoreHealth(
  registry: Registry,
  stores: readonly CheckedStore[],
  timeoutMs = 1_000,
): void {
  new Gauge({
    name: 'daena_store_up',
    help: 'Whether the store answered its health check (1) or not (0) at scrape time',
    labelNames: ['store'] as const,
    registers: [registry],
    async collect() {
      const results = await Promise.all(stores.map((store) => checkWithin(store, timeoutMs)));
      stores.forEach((store, i) => this.set({ store: store.name }, results[i] ? 1 : 0));
    },
  });
}

async function checkWithin(store: CheckedStore, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([store.check().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
