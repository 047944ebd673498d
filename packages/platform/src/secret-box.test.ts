import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox('a deployment secret, long enough', 'router api keys');

  it('seals so the plaintext is not in the stored value, and opens it again', () => {
    const sealed = box.seal('sk-live-0123456789');
    expect(sealed).toMatch(/^enc:v1:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('sk-live');
    expect(box.seal('sk-live-0123456789')).not.toBe(sealed); // a fresh IV each time
    expect(box.open(sealed)).toBe('sk-live-0123456789');
  });

  it('returns a value stored before sealing began as it is', () => {
    expect(SecretBox.isSealed('sk-old')).toBe(false);
    expect(box.open('sk-old')).toBe('sk-old');
  });

  it('refuses a tampered value, another purpose’s key and another secret', () => {
    const sealed = box.seal('sk-live-0123456789');
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    for (const [opener, value] of [
      [box, flipped],
      [new SecretBox('a deployment secret, long enough', 'other purpose'), sealed],
      [new SecretBox('another deployment secret entirely', 'router api keys'), sealed],
    ] as const) {
      expect(() => opener.open(value)).toThrow(
        expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR', reason: 'SECRET_UNREADABLE' }),
      );
    }
    expect(() => new SecretBox('short', 'x')).toThrow(/at least 16/);
  });
});
