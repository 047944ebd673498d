import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const root = dirname(fileURLToPath(import.meta.url));

/**
 * Workspace packages export their TypeScript sources under the `source` condition. Vitest would
 * pass custom resolve conditions on to Node as `--conditions`, where they change how third-party
 * packages resolve; so tests alias each workspace package to its source entry instead.
 */
function workspaceSourceAliases(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  const dirs = manifest.workspaces.flatMap((pattern) =>
    pattern.endsWith('/*')
      ? !existsSync(join(root, pattern.slice(0, -2)))
        ? []
        : readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .map((entry) => join(root, pattern.slice(0, -2), entry.name))
      : [join(root, pattern)],
  );
  const aliases: Record<string, string> = {};
  for (const dir of dirs) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
      name: string;
      exports?: Record<string, { source?: string } | string>;
    };
    for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
      if (typeof target !== 'object' || !target.source) continue;
      aliases[subpath === '.' ? pkg.name : `${pkg.name}${subpath.slice(1)}`] = resolve(
        dir,
        target.source,
      );
    }
  }
  return aliases;
}

// graphql 16 ships both index.mjs and index.js; CommonJS dependencies (type-graphql,
// @apollo/subgraph …) load index.js, so tests must too, or schemas come from two "realms".
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: {
    alias: [
      ...Object.entries(workspaceSourceAliases()).map(([name, path]) => ({
        find: new RegExp(`^${name.replace('/', '\\/')}$`),
        replacement: path,
      })),
      { find: /^graphql$/, replacement: graphqlEntry },
    ],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    // Integration tests share real services; files in one workspace run one after another.
    fileParallelism: false,
  },
});
