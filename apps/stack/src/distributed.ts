import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { retryWithBackoff, stopProcess } from '@daena/platform';
import { servicePorts, type ServiceName, type StackConfig } from './config.js';
import type { RunningStack } from './embedded.js';
import { stackChildEnv, startStores, stopAll } from './stores.js';
import type { Reporter } from './progress.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const exitWithParent = fileURLToPath(new URL('./exit-with-parent-import.ts', import.meta.url));

/** Entry points of the services that run as their own processes, in start order. */
const entryPoints: Partial<Record<ServiceName, string>> = {
  metrics: 'subgraphs/metrics/src/main.ts',
  agents: 'subgraphs/agents/src/main.ts',
  decisions: 'subgraphs/decisions/src/main.ts',
  knowledge: 'subgraphs/knowledge/src/main.ts',
  gateway: 'gateway/src/main.ts',
};

export interface ServiceProcess {
  name: ServiceName;
  url: string;
  child: ChildProcess;
  /** The last lines the process wrote (for error messages). */
  output(): string;
  /** SIGTERM, then SIGKILL after 10 s; resolves when the process has exited. */
  stop(): Promise<void>;
}

/** Starts one service as its own process (`env` must hold PORT and HOST) and waits for /readyz. */
export async function startServiceProcess(
  name: ServiceName,
  env: Record<string, string | undefined>,
  options: { inheritOutput?: boolean } = {},
): Promise<ServiceProcess> {
  const entry = entryPoints[name];
  if (!entry) throw new Error(`No entry point for ${name}`);
  const service = spawnService(name, entry, env, options.inheritOutput ?? true);
  try {
    await waitReady(service, env['HOST'] ?? '127.0.0.1', Number(env['PORT']));
  } catch (error) {
    await service.stop();
    throw error;
  }
  return service;
}

/**
 * Distributed mode: each service as its own Node process (the same command as
 * `npm start -w <service>`), all on the same Postgres, Redis and Neo4j (embedded ones for those
 * not configured).
 */
export async function startDistributedStack(
  config: StackConfig,
  env: Record<string, string | undefined>,
  report: Reporter,
  options: { inheritOutput?: boolean } = {},
): Promise<RunningStack & { processes: ServiceProcess[] }> {
  const ports = servicePorts(config.PORT);
  const processes: ServiceProcess[] = [];
  const stoppers: (() => Promise<void>)[] = [];
  const close = stopAll(stoppers);
  try {
    const stores = await startStores(config, report, stoppers, { needsRedis: true });
    const childEnv = stackChildEnv(env, config, ports, stores);
    for (const name of Object.keys(entryPoints) as ServiceName[]) {
      const service = await report.step(`${name} (own process) on port ${ports[name]}`, () =>
        startServiceProcess(name, { ...childEnv, PORT: String(ports[name]) }, options),
      );
      processes.push(service);
      stoppers.push(() => service.stop());
    }
    return { gatewayUrl: `http://${config.HOST}:${ports.gateway}/graphql`, processes, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function spawnService(
  name: ServiceName,
  entry: string,
  env: Record<string, string | undefined>,
  inherit: boolean,
): ServiceProcess {
  const child = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      '@daena/platform/register',
      '--import',
      exitWithParent,
      entry,
    ],
    {
      cwd: repoRoot,
      env,
      // stdin: a pipe we never write; its EOF tells the service we died (exit-with-parent-import.ts)
      stdio: ['pipe', inherit ? 'inherit' : 'pipe', inherit ? 'inherit' : 'pipe'],
    },
  );
  child.stdin?.on('error', () => {});
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    name,
    url: `http://${env['HOST']}:${env['PORT']}/graphql`,
    child,
    output: () => tail.join('\n'),
    stop: () => stopProcess(child),
  };
}

async function waitReady(service: ServiceProcess, host: string, port: number): Promise<void> {
  const exited = new Promise<never>((_, reject) =>
    service.child.once('exit', (code) =>
      reject(new Error(`${service.name} exited with code ${code}\n${service.output()}`)),
    ),
  );
  const ready = retryWithBackoff(
    async () => {
      const response = await fetch(`http://${host}:${port}/readyz`);
      if (!response.ok) throw new Error(`${service.name} not ready: ${await response.text()}`);
    },
    { initialMs: 100, maxMs: 1_000, deadlineMs: 120_000 },
  );
  await Promise.race([ready, exited]);
}
