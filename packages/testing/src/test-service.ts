import {
  signToken,
  startService,
  type RunningService,
  type ServiceDefinition,
  type TokenClaims,
} from '@daena/platform';
import { pino, type Logger } from 'pino';

/** The secret the test services verify tokens with and `testToken` signs them with. */
export const testJwtSecret = 'daena-test-secret-0123456789';

/** A logger that says nothing unless TEST_LOG_LEVEL asks (e.g. `TEST_LOG_LEVEL=debug`). */
export function silentLogger(): Logger {
  return pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
}

/** Token claims with `sub` optional ('tester' unless told). */
export type TestClaims = Omit<TokenClaims, 'sub'> & { sub?: string };

/** A token the test services accept: `claims`, signed with `testJwtSecret`. */
export function testToken(claims: TestClaims): Promise<string> {
  return signToken(testJwtSecret, { sub: 'tester', ...claims });
}

/**
 * Starts a service (what a subgraph's `createXService` returns) on a free port and waits until it
 * serves; a service that never gets ready is closed before the error is rethrown. The caller
 * hands the service in: nothing in packages/ imports a service.
 */
export async function startTestService<TContext extends object>(
  definition: ServiceDefinition<TContext>,
  /** A port chosen ahead (another service's config names it); a free one when 0. */
  port = 0,
): Promise<RunningService<TContext>> {
  const service = await startService({ ...definition, port });
  try {
    await service.ready;
  } catch (error) {
    await service.close();
    throw error;
  }
  return service;
}
