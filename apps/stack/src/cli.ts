import { runMain } from '@daena/platform';
import { loadStackConfig, stackMode } from './config.js';
import { startDistributedStack } from './distributed.js';
import { startEmbeddedStack } from './embedded.js';
import { createReporter } from './progress.js';

// `npm start`: the whole platform. Embedded mode unless DAENA_MODE=distributed or REDIS_URL is
// set (ARCHITECTURE §4).
await runMain(async () => {
  const config = loadStackConfig();
  const report = createReporter();
  const distributed = stackMode(config) === 'distributed';
  report.line(
    distributed
      ? 'Daena — distributed mode: each service in its own process, Redis event bus'
      : 'Daena — embedded mode: all services in one process, in-process event bus',
  );
  const stack = distributed
    ? await startDistributedStack(config, process.env, report)
    : await startEmbeddedStack(config, process.env, report);
  report.line(
    `\nReady: ${stack.gatewayUrl.replace('127.0.0.1', 'localhost')} (HTTP and graphql-ws). Ctrl-C stops everything.`,
  );
  return {
    close: async () => {
      report.line('\nStopping …');
      await stack.close();
      report.line('Stopped.');
    },
  };
});
