import { createHash } from 'node:crypto';
import { access, chmod, constants, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { fetchMavenArtifact, Neo4jLaunchError } from '@daena/neo4j-launcher';
import { StartupError } from './startup-error.js';
import { CorruptArchiveError, readZipEntry } from './zip-entry.js';

/** Carries real redis-server 6.2 builds for Linux and macOS (we run them; the Java is unused). */
const artifact = {
  groupId: 'com.github.codemonstur',
  artifactId: 'embedded-redis',
  version: '1.4.3',
};

/** The jar's entry for each platform (arm64 Linux is 6.2.7, the others 6.2.6-v5). */
const binaries: Record<string, string> = {
  'linux-x64': 'redis-server-6.2.6-v5-linux-amd64',
  'linux-arm64': 'redis-server-6.2.7-linux-arm64',
  'darwin-x64': 'redis-server-6.2.6-v5-darwin-amd64',
  'darwin-arm64': 'redis-server-6.2.6-v5-darwin-arm64',
};

/**
 * A verified redis-server for this machine under `cacheDir`: fetched once as a Maven jar, its
 * binary extracted (checked against the jar's CRC-32) next to a SHA-256 stamp. A binary that no
 * longer matches its stamp (a cut-short extraction, an edit) is extracted again.
 */
export async function ensureRedisServer(
  cacheDir: string,
  log: (message: string) => void,
): Promise<string> {
  const entry = binaries[`${platform()}-${arch()}`];
  if (!entry) {
    throw new StartupError(
      `no embedded Redis for ${platform()}-${arch()}: set REDIS_URL (or TEST_REDIS_URL for tests) to your Redis`,
    );
  }
  const binary = join(cacheDir, `${artifact.artifactId}-${artifact.version}`, entry);
  const stamp = `${binary}.sha256`;
  const expected = await readFile(stamp, 'utf8').catch(() => undefined);
  if (expected !== undefined) {
    if ((await fileSha256(binary)) === expected.trim() && (await isExecutable(binary)))
      return binary;
    log(`the cached ${entry} does not match its checksum; extracting it again`);
  }
  const jar = await fetchJar(cacheDir, log);
  const data = await readZipEntry(jar, entry).catch(async (error: unknown) => {
    if (!(error instanceof CorruptArchiveError)) throw error;
    await rm(jar, { force: true });
    throw new StartupError(`${error.message}; it was deleted: start again to fetch it anew`);
  });
  const partial = `${binary}.partial`;
  await mkdir(join(binary, '..'), { recursive: true });
  await writeFile(partial, data, { mode: 0o755 });
  await chmod(partial, 0o755);
  await rename(partial, binary);
  await writeFile(stamp, `${createHash('sha256').update(data).digest('hex')}\n`);
  return binary;
}

async function fetchJar(cacheDir: string, log: (message: string) => void): Promise<string> {
  try {
    return await fetchMavenArtifact(artifact, { outputDir: cacheDir, log });
  } catch (error) {
    if (error instanceof Neo4jLaunchError && error.code.startsWith('NEO4J_JAVA_')) {
      throw new StartupError(
        `embedded Redis is fetched from Maven Central with Maven, which needs Java 17+ and mvn on PATH (apt-get install openjdk-17-jdk-headless maven), or set REDIS_URL / TEST_REDIS_URL to a running Redis`,
      );
    }
    throw error;
  }
}

async function fileSha256(file: string): Promise<string | undefined> {
  const data = await readFile(file).catch(() => undefined);
  return data && createHash('sha256').update(data).digest('hex');
}

function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}
