/** Human-readable start-up lines (stderr), separate from the services' structured JSON logs. */
export interface Reporter {
  line(message: string): void;
  /** Prints "… label", then "✓ label (1.2 s)", with a reminder every few seconds while waiting. */
  step<T>(label: string, work: Promise<T> | (() => Promise<T>)): Promise<T>;
}

export function createReporter(
  write: (text: string) => void = (text) => process.stderr.write(text),
): Reporter {
  return {
    line: (message) => write(`${message}\n`),
    async step(label, work) {
      const started = Date.now();
      const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
      write(`  … ${label}\n`);
      const reminder = setInterval(
        () => write(`  … still waiting for ${label} (${seconds()} s)\n`),
        5_000,
      );
      try {
        const result = await (typeof work === 'function' ? work() : work);
        write(`  ✓ ${label} (${seconds()} s)\n`);
        return result;
      } catch (error) {
        // The reason is printed once, by whoever reports the failure (runMain: one line).
        write(`  ✗ ${label} (${seconds()} s)\n`);
        throw error;
      } finally {
        clearInterval(reminder);
      }
    },
  };
}

export const silentReporter: Reporter = {
  line: () => {},
  step: (_label, work) => (typeof work === 'function' ? work() : work),
};
