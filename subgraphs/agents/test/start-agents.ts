import {
  InProcessEventBus,
  startService,
  type EventBus,
  type RunningService,
} from '@daena/platform';
import { silentLogger, testJwtSecret } from '@daena/testing';
import { loadAgentsConfig } from '../src/config.js';
import { createAgentsService } from '../src/service.js';

/** The agents service on `databaseUrl`, on a free port, ready to answer. */
export async function startAgents(
  databaseUrl: string,
  bus: EventBus = new InProcessEventBus(silentLogger()),
): Promise<RunningService> {
  const config = loadAgentsConfig({ DATABASE_URL: databaseUrl });
  const service = await startService({
    ...createAgentsService({ config, log: silentLogger(), bus, jwtSecret: testJwtSecret }),
    port: 0,
  });
  await service.ready;
  return service;
}
