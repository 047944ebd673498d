import { Neo4jLaunchError, withOutputTail } from './errors.js';
import { CommandNotFoundError, runCommand } from './runCommand.js';

/** Neo4j 5.26 needs Java 17 or 21. */
const MIN_JAVA_MAJOR = 17;

export const INSTALL_HINT =
  'Install a JDK 17+ and Maven 3.8+ (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven), ' +
  'or point the services at an existing Neo4j with NEO4J_URI.';

/** Reads the major version from `java -version` output: `openjdk version "17.0.15"`, `"1.8.0_392"`. */
function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 && match[2] !== undefined ? Number(match[2]) : major;
}

/** Fails with NEO4J_JAVA_MISSING / NEO4J_JAVA_UNSUPPORTED unless `java` runs and is 17+. */
export async function assertJavaAvailable(java: string): Promise<number> {
  const result = await runCommand(java, ['-version']).catch((error: unknown) => {
    if (error instanceof CommandNotFoundError) {
      throw new Neo4jLaunchError(
        'NEO4J_JAVA_MISSING',
        `\`${java}\` is not on PATH. ${INSTALL_HINT}`,
      );
    }
    throw error;
  });
  const major = parseJavaMajor(result.tail.text());
  if (result.exitCode !== 0 || major === undefined) {
    throw new Neo4jLaunchError(
      'NEO4J_JAVA_MISSING',
      withOutputTail(
        `\`${java} -version\` did not report a version. ${INSTALL_HINT}`,
        result.tail.text(),
      ),
    );
  }
  if (major < MIN_JAVA_MAJOR) {
    throw new Neo4jLaunchError(
      'NEO4J_JAVA_UNSUPPORTED',
      `Java ${major} found, Neo4j 5.26 needs Java ${MIN_JAVA_MAJOR}+. ${INSTALL_HINT}`,
    );
  }
  return major;
}
