import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Shared by every workspace's vitest.config.ts. Workspace packages export their TypeScript
 * sources under the `source` condition, so tests run on sources without a build.
 */
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: {
    resolve: {
      conditions: ['source', ...defaultServerConditions],
      externalConditions: ['source'],
    },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    // Integration tests share real services; files in one workspace run one after another.
    fileParallelism: false,
  },
});
