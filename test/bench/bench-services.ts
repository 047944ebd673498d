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
