import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root (where pom.xml and target/ live). This module sits one level below it both as
 * source (src/) and compiled (dist/), so the answer is the same in either mode.
 */
export const packageDir: string = join(dirname(fileURLToPath(import.meta.url)), '..');

export const launcherPaths = {
  pom: join(packageDir, 'pom.xml'),
  javaSources: join(packageDir, 'src', 'main', 'java'),
  classes: join(packageDir, 'target', 'classes'),
  lib: join(packageDir, 'target', 'lib'),
  plugins: join(packageDir, 'target', 'plugins'),
  buildStamp: join(packageDir, 'target', '.daena-build-stamp'),
  buildLock: join(packageDir, 'target', '.daena-build-lock'),
} as const;
