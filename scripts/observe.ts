import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { env, loadConfig, runMain } from '@daena/platform';
import { parse, stringify } from 'yaml';
import { z } from 'zod';

// `npm run observe`: Debian's Prometheus and Alertmanager (apt-get install prometheus
// prometheus-alertmanager) against the running platform, with the repository's configuration
// (observability/). Prometheus scrapes every service and evaluates the rules; alerts go to the
// Alertmanager. Ctrl-C stops both.

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const observability = join(repoRoot, 'observability');

const hostPorts = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((target) => target.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[\w.-]+:\d+$/, 'expected host:port pairs, comma-separated')));

const schema = z.object({
  OBSERVE_TARGETS: hostPorts
    .optional()
    .describe("The services' host:port; unset, those of observability/prometheus/prometheus.yml"),
  OBSERVE_SCRAPE_INTERVAL: z
    .string()
    .regex(/^\d+(ms|s|m)$/, 'expected a duration such as 15s')
    .optional()
    .describe('How often Prometheus scrapes and evaluates the rules; unset, as configured'),
  PROMETHEUS_PORT: env.port(9090),
  ALERTMANAGER_PORT: env.port(9093),
  OBSERVE_DIR: z.string().default('.daena/observe').describe('Where both keep their data'),
});

interface PrometheusConfig {
  global?: Record<string, unknown>;
  rule_files?: string[];
  alerting?: { alertmanagers?: { static_configs?: { targets?: string[] }[] }[] };
  scrape_configs?: { job_name: string; static_configs?: { targets?: string[] }[] }[];
}

/** The repository's prometheus.yml with this run's targets, ports and absolute rule paths. */
async function prometheusConfig(config: z.infer<typeof schema>): Promise<string> {
  const source = join(observability, 'prometheus', 'prometheus.yml');
  const parsed = parse(await readFile(source, 'utf8')) as PrometheusConfig;
  const interval = config.OBSERVE_SCRAPE_INTERVAL;
  if (interval) {
    // A scrape may take the whole interval, no longer (Prometheus refuses a longer timeout).
    parsed.global = {
      ...parsed.global,
      scrape_interval: interval,
      scrape_timeout: interval,
      evaluation_interval: interval,
    };
  }
  parsed.rule_files = (parsed.rule_files ?? []).map((file) =>
    resolve(observability, 'prometheus', file),
  );
  parsed.alerting = {
    alertmanagers: [{ static_configs: [{ targets: [`127.0.0.1:${config.ALERTMANAGER_PORT}`] }] }],
  };
  if (config.OBSERVE_TARGETS) {
    parsed.scrape_configs = (parsed.scrape_configs ?? []).map((job) =>
      job.job_name === 'daena'
        ? { ...job, static_configs: [{ targets: config.OBSERVE_TARGETS }] }
        : job,
    );
  }
  return stringify(parsed);
}

function start(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  child.once('error', (error: NodeJS.ErrnoException) => {
    const hint =
      error.code === 'ENOENT' ? ': apt-get install prometheus prometheus-alertmanager' : '';
    process.stderr.write(`${command} could not start (${error.message})${hint}\n`);
    process.exit(1);
  });
  return child;
}

/** Polls `url` until it answers 200 (both tools serve /-/ready once they run). */
async function ready(name: string, url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  throw new Error(`${name} did not get ready at ${url} within 30 s`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.kill('SIGTERM');
  });
}

await runMain(async () => {
  const config = loadConfig(schema);
  const dir = resolve(repoRoot, config.OBSERVE_DIR);
  await mkdir(join(dir, 'prometheus'), { recursive: true });
  await mkdir(join(dir, 'alertmanager'), { recursive: true });
  const configFile = join(dir, 'prometheus.yml');
  await writeFile(configFile, await prometheusConfig(config));
  const alertmanagerUrl = `http://127.0.0.1:${config.ALERTMANAGER_PORT}`;
  const prometheusUrl = `http://127.0.0.1:${config.PROMETHEUS_PORT}`;
  const alertmanager = start('prometheus-alertmanager', [
    `--config.file=${join(observability, 'alertmanager', 'alertmanager.yml')}`,
    `--storage.path=${join(dir, 'alertmanager')}`,
    `--web.listen-address=127.0.0.1:${config.ALERTMANAGER_PORT}`,
    // One Alertmanager, no gossip port to collide with.
    '--cluster.listen-address=',
  ]);
  const prometheus = start('prometheus', [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${join(dir, 'prometheus')}`,
    `--web.listen-address=127.0.0.1:${config.PROMETHEUS_PORT}`,
  ]);
  const close = async () => {
    await Promise.all([stop(prometheus), stop(alertmanager)]);
  };
  try {
    await ready('Alertmanager', `${alertmanagerUrl}/-/ready`, alertmanager);
    await ready('Prometheus', `${prometheusUrl}/-/ready`, prometheus);
  } catch (error) {
    await close();
    throw error;
  }
  process.stdout.write(`Observing: Prometheus ${prometheusUrl} Alertmanager ${alertmanagerUrl}\n`);
  return { close };
});
