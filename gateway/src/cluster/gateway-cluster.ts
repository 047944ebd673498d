import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '@daena/platform';
import { AggregatorRegistry, type Registry } from 'prom-client';

/**
 * Scale-out on one machine (issue 14 §3): GATEWAY_WORKERS gateway processes share the port through
 * node:cluster (the primary hands each new connection to the next worker). Each worker is a whole
 * gateway on the Redis bus, so a subscriber's events reach it wherever it is connected, and each
 * event is resolved once per visibility class per worker.
 */

/** Messages between a worker and the primary for /metrics (the cluster's aggregate). */
const metricsRequest = 'daena:cluster-metrics';
interface MetricsMessage {
  type: typeof metricsRequest;
  id: number;
  text?: string;
  error?: string;
}

function isMetricsMessage(message: unknown): message is MetricsMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === metricsRequest
  );
}

/** Restarts allowed within `restartWindowMs` before the primary gives up and exits. */
const maxRestarts = 5;
const restartWindowMs = 60_000;
/** How long workers get to close their sockets and stores before they are killed. */
const stopGraceMs = 15_000;

export interface GatewayCluster {
  /** Resolves once every worker listens on the port. */
  ready: Promise<void>;
  /** Stops every worker (SIGTERM, then SIGKILL after a grace period). */
  close(): Promise<void>;
}

/**
 * In the primary: forks `workers` gateway processes (each runs this process's entry point again),
 * replaces a worker that dies (at most 5 times a minute, then exits with an error), and answers
 * the workers' requests for the cluster's aggregated metrics.
 */
export function startGatewayCluster(workers: number, log: Logger): GatewayCluster {
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  const restarts: number[] = [];

  cluster.on('message', (worker, message: unknown) => {
    if (!isMetricsMessage(message)) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: metricsRequest, id: message.id, text }),
      (error: unknown) =>
        worker.send({ type: metricsRequest, id: message.id, error: String(error) }),
    );
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && (restarts[0] ?? now) < now - restartWindowMs) restarts.shift();
    if (restarts.length > maxRestarts) {
      log.fatal({ pid: worker.process.pid, code, signal }, 'gateway workers keep dying: stopping');
      process.exit(1);
    }
    log.error({ pid: worker.process.pid, code, signal }, 'gateway worker died: starting another');
    cluster.fork();
  });

  const forked: Worker[] = [];
  for (let n = 0; n < workers; n++) forked.push(cluster.fork());
  const ready = Promise.all(
    forked.map(
      (worker) => new Promise<void>((resolve) => worker.once('listening', () => resolve())),
    ),
  ).then(() => log.info({ workers }, 'gateway workers listening'));

  return {
    ready,
    async close() {
      stopping = true;
      const running = Object.values(cluster.workers ?? {}).filter((worker) => !!worker);
      await Promise.all(running.map(stopWorker));
    },
  };
}

function stopWorker(worker: Worker): Promise<void> {
  return new Promise<void>((resolve) => {
    if (worker.isDead()) return resolve();
    const kill = setTimeout(() => worker.process.kill('SIGKILL'), stopGraceMs);
    worker.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    worker.process.kill('SIGTERM');
  });
}

/** A worker's side of the cluster's metrics. */
export interface ClusterMetrics {
  /** The registry this worker reports when the primary collects (set once the service starts). */
  register(registry: Registry): void;
  /** The aggregate of every worker, asked of the primary: what this worker's /metrics serves. */
  text(): Promise<string>;
}

/**
 * In a worker: /metrics for the whole cluster. prom-client sums each metric over workers, so a
 * scrape gets the same figures whichever worker it reaches.
 */
export function clusterMetrics(): ClusterMetrics {
  let nextId = 0;
  const waiting = new Map<number, (message: MetricsMessage) => void>();
  process.on('message', (message: unknown) => {
    if (isMetricsMessage(message)) waiting.get(message.id)?.(message);
  });
  // Constructing one is what makes prom-client answer the primary's collections in a worker.
  new AggregatorRegistry();
  return {
    register: (registry) => AggregatorRegistry.setRegistries([registry]),
    text: () =>
      new Promise<string>((resolve, reject) => {
        const id = nextId++;
        const timeout = setTimeout(() => {
          waiting.delete(id);
          reject(new Error('the gateway cluster did not answer for metrics'));
        }, 10_000);
        waiting.set(id, (message) => {
          clearTimeout(timeout);
          waiting.delete(id);
          if (message.text !== undefined) resolve(message.text);
          else reject(new Error(message.error ?? 'no metrics'));
        });
        process.send?.({ type: metricsRequest, id });
      }),
  };
}
