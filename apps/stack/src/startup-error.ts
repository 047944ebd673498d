/**
 * A start-up failure the user can act on: its message is one line that says what to do, printed
 * as is by `runMain` (which prints only the first line of any other error, the rest with
 * DEBUG=daena). Matched by name there, since @daena/platform cannot import this package.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/** A port an embedded store needs is taken by a program that is not one of our leftovers. */
export class PortInUseError extends StartupError {
  constructor(
    readonly port: number,
    what: string,
    variable: string,
  ) {
    super(
      `port ${port} (${what}) is in use by another program: set ${variable} to a free port, or stop that program`,
    );
  }
}
