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
    if (error instanceof ConfigError) {
      process.stderr.write(`Invalid configuration: ${error.message}\n`);
    } else {
      process.stderr.write(
        `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
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
