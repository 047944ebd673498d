import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function logged(write: (log: ReturnType<typeof createLogger>) => void): Record<string, unknown> {
  const lines: string[] = [];
  const log = createLogger('test', 'info', { write: (line: string) => void lines.push(line) });
  write(log);
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] as string) as Record<string, unknown>;
}

describe('createLogger', () => {
  it('never writes a secret field, at the top or nested up to three levels', () => {
    const line = logged((log) =>
      log.info(
        {
          apiKey: 'sk-top',
          model: {
            name: 'gpt-4o',
            apiKey: 'sk-one',
            endpoint: { headers: { authorization: 'Bearer x' } },
          },
          request: { body: { credentials: { password: 'hunter2' } } },
          token: 'jwt',
        },
        'configured',
      ),
    );
    const text = JSON.stringify(line);
    for (const secret of ['sk-top', 'sk-one', 'Bearer x', 'hunter2', 'jwt']) {
      expect(text).not.toContain(secret);
    }
    expect(line).toMatchObject({
      apiKey: '***',
      model: { name: 'gpt-4o', apiKey: '***' },
      msg: 'configured',
    });
  });
});
