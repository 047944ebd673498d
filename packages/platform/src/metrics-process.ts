import { getHeapStatistics } from 'node:v8';
import { Gauge, type Registry } from 'prom-client';

/**
 * `nodejs_heap_size_limit_bytes`: V8's heap limit, the denominator of the "memory > 80%" warning
 * (used heap / limit). prom-client reports used and total heap, but total grows with use, so
 * used/total says nothing about how close the process is to running out.
 */
export function registerHeapLimit(registry: Registry): void {
  new Gauge({
    name: 'nodejs_heap_size_limit_bytes',
    help: 'The V8 heap size limit (heap_size_limit)',
    registers: [registry],
    collect() {
      this.set(getHeapStatistics().heap_size_limit);
    },
  });
}
