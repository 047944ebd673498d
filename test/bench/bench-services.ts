import { startServiceProcess, type ServiceProcess } from '@daena/stack';
import { freePort, testJwtSecret, testStores } from '@daena/testing';

/** The honeycomb as the dashboard reads it: every department with its agents and positions. */
export const honeycombFields =
  'id slug name hex { q r } position { x y angle radius } neighbors { id } agents { id name role status position { x y } }';
export const honeycombQuery = `{ organization { hub { position { x y } } departments { ${honeycombFields} } } }`;

/** The env of every service process a bench starts: one database, the test Redis, quiet logs. */
export function benchServiceEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    REDIS_URL: testStores.redisUrl,
    JWT_SECRET: testJwtSecret,
    LOG_LEVEL: 'warn',
  };
}

/** The agents subgraph as its own process on a free port. */
export async function startAgentsProcess(
  env: NodeJS.ProcessEnv,
): Promise<{ agents: ServiceProcess; port: number }> {
  const port = await freePort();
  const agents = await startServiceProcess(
    'agents',
    { ...env, PORT: String(port) },
    { inheritOutput: false },
  );
  return { agents, port };
}

/** One more gateway process on a free port, with `env` as it is (its subgraphs' URLs included). */
export async function startGatewayProcess(env: NodeJS.ProcessEnv): Promise<ServiceProcess> {
  const port = await freePort();
  return startServiceProcess('gateway', { ...env, PORT: String(port) }, { inheritOutput: false });
}

type ServiceName = Parameters<typeof startServiceProcess>[0];

/** The service processes a distributed-mode bench starts, and where each one listens. */
export interface DistributedServices {
  /** By name: agents, decisions, metrics, and each gateway under the name it was asked for. */
  processes: Record<string, ServiceProcess>;
  stop(): Promise<void>;
}

/**
 * Distributed mode as `DAENA_MODE=distributed` runs it (apps/stack/src/distributed.ts): metrics,
 * agents and decisions each as their own process on one database and the test Redis, then one
 * gateway process per entry of `gateways` (its env on top, e.g. RESPONSE_CACHE_MB). Knowledge is
 * left out (no bench query reads it, and it would need Neo4j). `nodeOptions` (by process name)
 * go into that process's NODE_OPTIONS, e.g. `--cpu-prof`.
 */
export async function startDistributedServices(
  env: NodeJS.ProcessEnv,
  gateways: Record<string, NodeJS.ProcessEnv>,
  nodeOptions: Record<string, string> = {},
): Promise<DistributedServices> {
  const ports = {
    agents: await freePort(),
    decisions: await freePort(),
    metrics: await freePort(),
  };
  const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
  const shared = {
    ...env,
    AGENTS_URL: url(ports.agents),
    DECISIONS_URL: url(ports.decisions),
    METRICS_URL: url(ports.metrics),
  };
  const processes: Record<string, ServiceProcess> = {};
  const stop = async () => {
    for (const service of Object.values(processes).reverse()) await service.stop();
  };
  const start = async (name: string, service: ServiceName, port: number, own = {}) => {
    const options = nodeOptions[name];
    processes[name] = await startServiceProcess(
      service,
      {
        ...shared,
        ...own,
        PORT: String(port),
        ...(options ? { NODE_OPTIONS: `${env['NODE_OPTIONS'] ?? ''} ${options}`.trim() } : {}),
      },
      { inheritOutput: false },
    );
  };
  try {
    for (const name of ['metrics', 'agents', 'decisions'] as const)
      await start(name, name, ports[name]);
    for (const [name, own] of Object.entries(gateways))
      await start(name, 'gateway', await freePort(), own);
  } catch (error) {
    await stop();
    throw error;
  }
  return { processes, stop };
}

/** A service process's CPU seconds so far (prom-client's default metrics on its /metrics). */
export async function cpuSeconds(graphqlUrl: string): Promise<number> {
  const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).text();
  const match = /^process_cpu_seconds_total(?:{[^}]*})? (\S+)$/m.exec(text);
  if (!match?.[1]) throw new Error(`${graphqlUrl} reports no process_cpu_seconds_total`);
  return Number(match[1]);
}
