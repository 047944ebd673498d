import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { withBuildLock } from './buildLock.js';
import { Neo4jLaunchError, withOutputTail } from './errors.js';
import { INSTALL_HINT, assertJavaAvailable } from './javaVersion.js';
import { launcherPaths, packageDir } from './packageDir.js';
import { CommandNotFoundError, runCommand } from './runCommand.js';

export type Log = (message: string) => void;

export interface EnsureNeo4jJarsOptions {
  /** Progress messages (Maven resolution takes ~30 s and ~170 MB the first time). */
  log?: Log;
  /** Executables; default `java` and `mvn` from PATH. */
  java?: string;
  mvn?: string;
}

/** `-Dstyle.color=never`: Maven 3.8 still prints ANSI resets under -B -q. */
const MAVEN_ARGS = ['-B', '-q', '-Dstyle.color=never', 'package'] as const;
/** A cold ~/.m2 downloads ~170 MB; allow slow mirrors before giving up on someone else's build. */
const BUILD_LOCK_TIMEOUT_MS = 15 * 60_000;
const PROGRESS_EVERY_MS = 15_000;

let pending: Promise<void> | undefined;

/**
 * Makes sure target/classes, target/lib and target/plugins match pom.xml and the launcher source,
 * running `mvn -B -q package` in the package directory when they are missing or stale. Staleness is
 * a content hash, not mtimes, so a fresh git checkout does not rebuild needlessly.
 */
export function ensureNeo4jJars(options: EnsureNeo4jJarsOptions = {}): Promise<void> {
  pending ??= ensure(options).finally(() => {
    pending = undefined;
  });
  return pending;
}

async function ensure({
  log = () => {},
  java = 'java',
  mvn = 'mvn',
}: EnsureNeo4jJarsOptions): Promise<void> {
  await assertJavaAvailable(java);
  const fingerprint = await sourceFingerprint();
  if (await isUpToDate(fingerprint)) return;

  await mkdir(join(packageDir, 'target'), { recursive: true });
  await withBuildLock(launcherPaths.buildLock, BUILD_LOCK_TIMEOUT_MS, async () => {
    if (await isUpToDate(fingerprint)) return; // another process built it while we waited
    await runMaven(mvn, log);
    await writeFile(launcherPaths.buildStamp, fingerprint);
  });
}

async function runMaven(mvn: string, log: Log): Promise<void> {
  log(
    `neo4j-launcher: jars missing or stale, running \`${mvn} ${MAVEN_ARGS.join(' ')}\` in ${packageDir}`,
  );
  log('neo4j-launcher: the first run downloads ~170 MB from Maven Central into ~/.m2');
  const started = Date.now();
  const progress = setInterval(() => {
    log(`neo4j-launcher: Maven still running (${Math.round((Date.now() - started) / 1000)} s)…`);
  }, PROGRESS_EVERY_MS);
  progress.unref();
  try {
    const result = await runCommand(mvn, MAVEN_ARGS, packageDir).catch((error: unknown) => {
      if (error instanceof CommandNotFoundError) {
        throw new Neo4jLaunchError(
          'NEO4J_JAVA_MISSING',
          `\`${mvn}\` is not on PATH. ${INSTALL_HINT}`,
        );
      }
      throw error;
    });
    if (result.exitCode !== 0) {
      throw new Neo4jLaunchError(
        'NEO4J_BUILD_FAILED',
        withOutputTail(
          `\`${mvn} ${MAVEN_ARGS.join(' ')}\` failed (exit ${String(result.exitCode)}) in ${packageDir}`,
          result.tail.text(),
        ),
      );
    }
  } finally {
    clearInterval(progress);
  }
  log(`neo4j-launcher: Neo4j jars ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function isUpToDate(fingerprint: string): Promise<boolean> {
  const stamp = await readFile(launcherPaths.buildStamp, 'utf8').catch(() => undefined);
  if (stamp !== fingerprint) return false;
  const [lib, plugins, classes] = await Promise.all([
    listDir(launcherPaths.lib),
    listDir(launcherPaths.plugins),
    listDir(join(launcherPaths.classes, 'dev', 'daena', 'neo4j')),
  ]);
  return (
    lib.some((f) => f.startsWith('neo4j-') && f.endsWith('.jar')) &&
    plugins.some((f) => f.startsWith('apoc-core-')) &&
    classes.includes('Neo4jLauncher.class')
  );
}

/** sha256 over pom.xml and every file under src/main/java (path and content, in sorted order). */
async function sourceFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const files = [launcherPaths.pom, ...(await listFiles(launcherPaths.javaSources))].sort();
  for (const file of files) {
    hash
      .update(relative(packageDir, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  }
  return hash.digest('hex');
}

function listDir(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
