import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { withBuildLock } from './buildLock.js';
import { Neo4jLaunchError, withOutputTail } from './errors.js';
import { assertJavaAvailable } from './javaVersion.js';
import { CommandNotFoundError, runCommand } from './runCommand.js';

export interface MavenArtifact {
  groupId: string;
  artifactId: string;
  version: string;
}

export interface FetchMavenArtifactOptions {
  /** Where the jar is copied (and looked for first). */
  outputDir: string;
  log?: (message: string) => void;
  java?: string;
  mvn?: string;
}

/** Pinned (it is the version that builds the launcher), so no plugin resolution on each run. */
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
const LOCK_TIMEOUT_MS = 5 * 60_000;

/**
 * A jar from Maven Central, resolved through ~/.m2 by `mvn dependency:copy` like the launcher's own
 * jars; returns its path. An existing copy in `outputDir` is used without running Maven.
 */
export async function fetchMavenArtifact(
  artifact: MavenArtifact,
  options: FetchMavenArtifactOptions,
): Promise<string> {
  const { outputDir, log = () => {}, java = 'java', mvn = 'mvn' } = options;
  const jar = join(outputDir, `${artifact.artifactId}-${artifact.version}.jar`);
  if (await exists(jar)) return jar;
  await mkdir(outputDir, { recursive: true });
  await withBuildLock(join(outputDir, '.daena-fetch-lock'), LOCK_TIMEOUT_MS, async () => {
    if (await exists(jar)) return; // another process fetched it while we waited
    await assertJavaAvailable(java);
    const coordinates = `${artifact.groupId}:${artifact.artifactId}:${artifact.version}`;
    log(`fetching ${coordinates} from Maven Central`);
    const args = [
      '-B',
      '-q',
      '-Dstyle.color=never',
      `${DEPENDENCY_PLUGIN}:copy`,
      `-Dartifact=${coordinates}`,
      `-DoutputDirectory=${outputDir}`,
    ];
    const result = await runCommand(mvn, args, outputDir).catch((error: unknown) => {
      if (error instanceof CommandNotFoundError) {
        throw new Neo4jLaunchError(
          'NEO4J_JAVA_MISSING',
          `\`${mvn}\` is not on PATH: install Maven 3.8+ (Debian/Ubuntu: apt-get install maven) to fetch ${coordinates}.`,
        );
      }
      throw error;
    });
    if (result.exitCode !== 0 || !(await exists(jar))) {
      throw new Neo4jLaunchError(
        'NEO4J_BUILD_FAILED',
        withOutputTail(
          `Maven could not fetch ${coordinates} (is Maven Central reachable?)`,
          result.tail.text(),
        ),
      );
    }
  });
  return jar;
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
