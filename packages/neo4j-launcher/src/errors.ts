/** Stable codes for every way starting the embedded Neo4j can fail. */
export type Neo4jLaunchErrorCode =
  | 'NEO4J_JAVA_MISSING'
  | 'NEO4J_JAVA_UNSUPPORTED'
  | 'NEO4J_BUILD_FAILED'
  | 'NEO4J_BAD_OPTION'
  | 'NEO4J_PORT_IN_USE'
  | 'NEO4J_START_FAILED'
  | 'NEO4J_START_TIMEOUT'
  | 'NEO4J_APOC_MISSING';

/** A failure to build, start or reach the embedded Neo4j; `code` is stable, the message is for humans. */
export class Neo4jLaunchError extends Error {
  override readonly name = 'Neo4jLaunchError';

  constructor(
    readonly code: Neo4jLaunchErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Appends the tail of a process's output to a message, so a failure explains itself. */
export function withOutputTail(message: string, tail: string): string {
  return tail.trim() === '' ? message : `${message}\n--- last output ---\n${tail}`;
}
