import type { Logger } from 'pino';
import { resolveJwtSecret } from './auth.js';
import { createEventBus, type EventBus } from './bus.js';
import { ConfigError } from './config.js';
import { createLogger } from './logger.js';
import { startService, type ServiceDefinition } from './service.js';

const forceExitGraceMs = 2_000;

interface Stoppable {
  close(): Promise<void>;
}

/**
 * Runs a process entry point: a ConfigError prints its one line and exits 1; SIGINT/SIGTERM stop
 * everything once (a repeated signal after a grace period forces the exit).
 */
export async function runMain(start: () => Promise<Stoppable>): Promise<void> {
  let running: Stoppable;
  try {
    running = await start();
  } catch (error) {
    process.stderr.write(startFailureMessage(error, process.env['DEBUG']));
    process.exit(1);
  }
  let stoppingSince: number | undefined;
  const stop = (signal: string) => {
    if (stoppingSince !== undefined) {
      // Ctrl-C reaches us twice (the terminal's process group and npm forwarding it): only a
      // repeat well after the first means "stop now".
      if (Date.now() - stoppingSince < forceExitGraceMs) return;
      process.stderr.write(`${signal} again: exiting now\n`);
      process.exit(130);
    }
    stoppingSince = Date.now();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/**
 * What a failed start prints: one or two lines that say what to do. A ConfigError or a
 * StartupError (by name: @daena/stack's, which this package cannot import) is that line already;
 * anything else gets its first line and a pointer to DEBUG=daena, which prints the whole error
 * (stack, causes, a process's last output) instead.
 */
export function startFailureMessage(error: unknown, debug = ''): string {
  if (error instanceof ConfigError) return `Invalid configuration: ${error.message}\n`;
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n', 1)[0] ?? '';
  if (error instanceof Error && error.name === 'StartupError')
    return `Failed to start: ${firstLine}\n`;
  if (/(^|,)\s*daena\b/.test(debug)) return `Failed to start: ${fullError(error)}\n`;
  return `Failed to start: ${firstLine}\n  (run with DEBUG=daena to see the whole error)\n`;
}

function fullError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause === undefined ? '' : `\ncaused by: ${fullError(error.cause)}`;
  // V8's stack starts with "Name: message", so it holds a multi-line message too
  return `${error.stack ?? error.message}${cause}`;
}

/** The env every service's entry point reads (see `serviceEnvSchema`). */
interface MainConfig {
  LOG_LEVEL: string;
  REDIS_URL?: string | undefined;
  JWT_SECRET?: string | undefined;
  NODE_ENV: string;
}

/**
 * A subgraph's distributed-mode entry point: its validated config, a logger, the event bus
 * (Redis when REDIS_URL is set) and the service, stopped cleanly on SIGINT/SIGTERM.
 */
export function runServiceMain<C extends MainConfig, TContext extends object>(
  name: string,
  loadServiceConfig: () => C,
  createService: (deps: {
    config: C;
    log: Logger;
    bus: EventBus;
    jwtSecret: string;
  }) => ServiceDefinition<TContext>,
): Promise<void> {
  return runMain(async () => {
    const config = loadServiceConfig();
    const log = createLogger(name, config.LOG_LEVEL);
    const bus = createEventBus(config.REDIS_URL, log);
    const service = await startService(
      createService({ config, log, bus, jwtSecret: resolveJwtSecret(config).secret }),
    );
    return {
      close: async () => {
        await service.close();
        await bus.close();
      },
    };
  });
}
