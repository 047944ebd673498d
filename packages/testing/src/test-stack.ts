import {
  InProcessEventBus,
  type Logger,
  type RunningService,
  type ServiceDefinition,
} from '@daena/platform';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import {
  silentLogger,
  startTestService,
  testJwtSecret,
  testToken,
  type TestClaims,
} from './test-service.js';

/** Anything a test starts and must stop: a service, a gateway, a bus, a driver. */
export interface Closeable {
  close(): Promise<unknown> | unknown;
}

export interface TestStackOptions {
  /** The logger of the stack and its services; `silentLogger()` unless told. */
  log?: Logger;
  /** Whether the stack gets a throwaway Postgres database: yes unless false (knowledge has none). */
  database?: boolean;
}

/**
 * What the services of one test file run on: a throwaway database, an in-process bus, a logger,
 * and every resource started on them, closed in reverse order by `close()` (or `await using`).
 * The services themselves come from the caller: nothing in packages/ imports a service.
 */
export interface TestStack extends AsyncDisposable {
  /** The throwaway database (created empty, dropped last by `close()`). */
  readonly database: TestDatabase;
  readonly bus: InProcessEventBus;
  readonly log: Logger;
  /** What every `createXService` takes besides its config: `{ config, ...stack.dependencies }`. */
  readonly dependencies: { log: Logger; bus: InProcessEventBus; jwtSecret: string };
  /**
   * Starts a service on a free port (or `port`, taken with `freePort()` when another service
   * must know it first), waits until it serves, and closes it with the stack.
   */
  start<TContext extends object>(
    definition: ServiceDefinition<TContext>,
    port?: number,
  ): Promise<RunningService<TContext>>;
  /** Closes `resource` with the stack (before everything tracked earlier); returns it. */
  track<T extends Closeable>(resource: T): T;
  /** Runs `cleanup` with the stack, for what closes another way (`pool.end()`, `rm(dir)`). */
  defer(cleanup: () => Promise<unknown> | unknown): void;
  /** Closes one tracked resource now and forgets it, e.g. before starting its replacement. */
  stop(resource: Closeable): Promise<void>;
  /** A token the stack's services accept. */
  token(claims: TestClaims): Promise<string>;
  /**
   * Runs `build`, the start-up of a harness; if it throws half-way (a service that never gets
   * ready), closes the stack before rethrowing, so nothing leaks and the database is dropped.
   */
  closeOnFailure<T>(build: () => Promise<T>): Promise<T>;
  /**
   * Closes every tracked resource, newest first, then drops the database. Every cleanup runs even
   * when one fails; the first failure is rethrown after the last. A second call does nothing.
   */
  close(): Promise<void>;
}

/** A stack for one test file; the database's name starts with `name`. */
export async function testStack(name: string, options: TestStackOptions = {}): Promise<TestStack> {
  const log = options.log ?? silentLogger();
  const database = options.database === false ? undefined : await createTestDatabase(name);
  const resources: Closeable[] = [];
  const track = <T extends Closeable>(resource: T): T => {
    resources.push(resource);
    return resource;
  };
  if (database) track({ close: () => database.drop() });
  const bus = track(new InProcessEventBus(log));

  const close = async (): Promise<void> => {
    const failures: unknown[] = [];
    for (const resource of resources.splice(0).reverse()) {
      try {
        await resource.close();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw failures[0];
  };

  return {
    get database() {
      if (!database) throw new Error(`test stack ${name} was made without a database`);
      return database;
    },
    bus,
    log,
    dependencies: { log, bus, jwtSecret: testJwtSecret },
    start: async (definition, port) => track(await startTestService(definition, port)),
    track,
    defer: (cleanup) => void track({ close: cleanup }),
    async stop(resource) {
      const index = resources.indexOf(resource);
      if (index >= 0) resources.splice(index, 1);
      await resource.close();
    },
    token: testToken,
    async closeOnFailure(build) {
      try {
        return await build();
      } catch (error) {
        await close().catch(() => undefined); // the build's error is the one worth reporting
        throw error;
      }
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
