export { Neo4jLaunchError, type Neo4jLaunchErrorCode } from './errors.js';
export type { JvmExit } from './jvmProcess.js';
export {
  type EmbeddedNeo4j,
  type StartEmbeddedNeo4jOptions,
  startEmbeddedNeo4j,
} from './launch.js';
export { type EnsureNeo4jJarsOptions, type Log, ensureNeo4jJars } from './maven.js';
