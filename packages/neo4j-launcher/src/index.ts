export { Neo4jLaunchError, type Neo4jLaunchErrorCode } from './errors.js';
export type { JvmExit } from './jvmProcess.js';
export {
  type EmbeddedNeo4j,
  type StartEmbeddedNeo4jOptions,
  PID_FILE,
  startEmbeddedNeo4j,
} from './launch.js';
export { stopLeftoverProcess, stopPid, type StopLeftoverOptions } from './leftoverProcess.js';
export { type EnsureNeo4jJarsOptions, type Log, ensureNeo4jJars } from './maven.js';
export {
  type FetchMavenArtifactOptions,
  type MavenArtifact,
  fetchMavenArtifact,
} from './mavenArtifact.js';
export { isProcessRunning, processCommandLine } from './processCommandLine.js';
