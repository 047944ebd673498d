import { startFailureMessage } from '@daena/platform';
import { describe, expect, it } from 'vitest';
import { PortInUseError } from '../src/startup-error.js';

describe('what a failed start prints', () => {
  it('prints a start-up error that says what to do as its one line', () => {
    expect(
      startFailureMessage(new PortInUseError(54320, 'PostgreSQL', 'EMBEDDED_POSTGRES_PORT')),
    ).toBe(
      'Failed to start: port 54320 (PostgreSQL) is in use by another program: set EMBEDDED_POSTGRES_PORT to a free port, or stop that program\n',
    );
  });

  it('keeps an unexpected error to its first line and points at DEBUG=daena', () => {
    const error = new Error(
      'Neo4j launcher exited with code 1\n--- last output ---\nlots of JVM output',
    );
    expect(startFailureMessage(error)).toBe(
      'Failed to start: Neo4j launcher exited with code 1\n  (run with DEBUG=daena to see the whole error)\n',
    );
  });

  it('prints the whole error, stack and cause, with DEBUG=daena', () => {
    const error = new Error('outer', { cause: new Error('the real reason') });
    const printed = startFailureMessage(error, 'express,daena');
    expect(printed).toMatch(/^Failed to start: Error: outer\n\s+at /);
    expect(printed).toContain('caused by: Error: the real reason');
  });
});
