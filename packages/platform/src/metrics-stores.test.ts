import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { boundedLabel } from './metrics-labels.js';
import { registerHeapLimit } from './metrics-process.js';
import { registerStoreHealth } from './metrics-stores.js';
import { subgraphCallMetrics } from './metrics-subgraph-calls.js';

describe('store health on /metrics', () => {
  it('reports each store up or down, a hung check as down within the timeout', async () => {
    const registry = new Registry();
    registerStoreHealth(
      registry,
      [
        { name: 'postgres', check: () => Promise.resolve() },
        { name: 'redis', check: () => Promise.reject(new Error('ECONNREFUSED')) },
        { name: 'neo4j', check: () => new Promise<void>(() => undefined) },
      ],
      50,
    );
    const text = await registry.metrics();
    expect(text).toContain('daena_store_up{store="postgres"} 1');
    expect(text).toContain('daena_store_up{store="redis"} 0');
    expect(text).toContain('daena_store_up{store="neo4j"} 0');
  });
});

describe('bounded labels', () => {
  it('passes the first distinct values and folds the rest into "other"', () => {
    const label = boundedLabel(2);
    expect(['a', 'b', 'c', 'a', 'd'].map(label)).toEqual(['a', 'b', 'other', 'a', 'other']);
  });
});

describe('subgraph call metrics', () => {
  it('counts calls by subgraph, operation and outcome and times them', async () => {
    const registry = new Registry();
    const record = subgraphCallMetrics(registry);
    record({ subgraph: 'agents', operation: 'Agents', outcome: 'ok', seconds: 0.02 });
    record({ subgraph: 'agents', operation: 'Agents', outcome: 'failure', seconds: 7 });
    const text = await registry.metrics();
    expect(text).toContain(
      'graphql_subgraph_calls_total{subgraph="agents",operation_name="Agents",outcome="failure"} 1',
    );
    expect(text).toContain(
      'graphql_subgraph_call_duration_seconds_bucket{le="10",subgraph="agents",operation_name="Agents"} 2',
    );
    expect(text).toContain(
      'graphql_subgraph_call_duration_seconds_bucket{le="5",subgraph="agents",operation_name="Agents"} 1',
    );
  });
});

describe('heap limit', () => {
  it('reports a positive V8 heap limit above the used heap', async () => {
    const registry = new Registry();
    registerHeapLimit(registry);
    const text = await registry.metrics();
    const limit = Number(/nodejs_heap_size_limit_bytes (\d+)/.exec(text)?.[1]);
    expect(limit).toBeGreaterThan(process.memoryUsage().heapUsed);
  });
});
