/** ANSI colour codes (Maven prints resets even under -B), built without a control-char literal. */
const ANSI_SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/**
 * Keeps the last lines a child process wrote (stdout and stderr interleaved), bounded in both
 * line count and line length, so errors can quote them without holding the whole log.
 */
export class OutputTail {
  private readonly lines: string[] = [];

  constructor(
    private readonly maxLines = 80,
    private readonly maxLineLength = 2_000,
  ) {}

  push(line: string): void {
    const clean = line.replace(ANSI_SGR, '').trimEnd();
    if (clean === '') return;
    this.lines.push(
      clean.length > this.maxLineLength ? `${clean.slice(0, this.maxLineLength)}…` : clean,
    );
    if (this.lines.length > this.maxLines) this.lines.splice(0, this.lines.length - this.maxLines);
  }

  text(): string {
    return this.lines.join('\n');
  }
}
