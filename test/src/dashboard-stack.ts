import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAgentsService, loadAgentsConfig } from '@daena/agents';
import { createDecisionsService, loadDecisionsConfig } from '@daena/decisions';
import { loadGatewayConfig, startGateway, type RunningGateway } from '@daena/gateway';
import { createMetricsService, loadMetricsConfig } from '@daena/metrics';
import { freePort, startOpenAiStub, testStack, type TestStack } from '@daena/testing';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';

const webDir = fileURLToPath(new URL('../../clients/web/', import.meta.url));

/** Debian's Chromium (`.ci/run` installs the `chromium` package); no browser is downloaded. */
export const chromiumPath = '/usr/bin/chromium';

export interface DashboardStack {
  /** The gateway's origin: the dashboard at /, GraphQL at /graphql. */
  readonly origin: string;
  readonly gateway: RunningGateway;
  readonly stack: TestStack;
  /** Where the dashboard was built for this run. */
  readonly distDir: string;
  /** Stops the gateway and starts a new one on the same port (the subgraphs keep running). */
  restartGateway(): Promise<void>;
  close(): Promise<void>;
}

/** Builds the dashboard with its own Vite config into `outDir` (what `npm run build` does). */
export async function buildDashboard(outDir: string): Promise<void> {
  // Vitest sets NODE_ENV=test, which would compile React's development JSX: build as
  // `npm run build` does, then put it back.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      root: webDir,
      configFile: join(webDir, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
}

/**
 * The dashboard as embedded mode serves it: agents, decisions and metrics on one throwaway
 * database and bus, and a gateway that serves this run's build at / and mints development
 * tokens. Agents do not answer vote requests: votes are the test's. The router's two models are
 * a loopback OpenAI-compatible stub (the only part stood in for).
 */
export async function startDashboardStack(name: string): Promise<DashboardStack> {
  const distDir = await mkdtemp(join(tmpdir(), 'daena-dashboard-'));
  const stack = await testStack(name);
  stack.defer(() => rm(distDir, { recursive: true, force: true }));
  return stack.closeOnFailure(async () => {
    await buildDashboard(distDir);
    const stub = stack.track(await startOpenAiStub());
    const models = [
      ['premium', 10, 0.9],
      ['budget', 0.2, 0.85],
    ].map(([name, usdPerMTok, quality]) => ({
      name,
      baseURL: stub.url,
      apiKey: 'sk-dashboard-0123456789',
      inputUsdPerMTok: usdPerMTok,
      outputUsdPerMTok: usdPerMTok,
      contextWindow: 32_000,
      priorQuality: { default: quality },
    }));
    const decisionsPort = await freePort();
    const metrics = await stack.start(
      createMetricsService({
        config: loadMetricsConfig({ DATABASE_URL: stack.database.url }),
        ...stack.dependencies,
      }),
    );
    const agents = await stack.start(
      createAgentsService({
        config: loadAgentsConfig({
          DATABASE_URL: stack.database.url,
          AGENTS_ANSWER_VOTE_REQUESTS: 'false',
          LLM_MODELS: JSON.stringify(models),
          DECISIONS_URL: `http://127.0.0.1:${decisionsPort}/graphql`,
        }),
        ...stack.dependencies,
      }),
    );
    const decisions = await stack.start(
      createDecisionsService({
        config: loadDecisionsConfig({ DATABASE_URL: stack.database.url, AGENTS_URL: agents.url }),
        ...stack.dependencies,
      }),
      decisionsPort,
    );
    // One config, so a restarted gateway comes back on the same port.
    const config = loadGatewayConfig({
      PORT: String(await freePort()),
      AGENTS_URL: agents.url,
      DECISIONS_URL: decisions.url,
      METRICS_URL: metrics.url,
      RESPONSE_CACHE_MB: '0',
      AUDIT_ENABLED: 'false',
    });
    const startOne = async () => {
      const started = stack.track(
        await startGateway({
          config,
          ...stack.dependencies,
          dashboard: { dir: distDir, devTokenMint: true },
        }),
      );
      await started.ready;
      return started;
    };
    let gateway = await startOne();
    return {
      origin: new URL(gateway.url).origin,
      get gateway() {
        return gateway;
      },
      stack,
      distDir,
      async restartGateway() {
        await stack.stop(gateway);
        gateway = await startOne();
      },
      close: stack.close,
    };
  });
}

/** Headless Chromium from the system package. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true });
}
