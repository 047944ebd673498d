import { describe, expect, it } from 'vitest';
import { decodeAuditCursor, encodeAuditCursor, validateAuditPageSize } from './audit-page.js';

describe('validateAuditPageSize', () => {
  it.each([1, 50, 500])('accepts %i', (first) => {
    expect(validateAuditPageSize(first)).toBe(first);
  });

  it.each([0, -1, 501, 1.5])('refuses %d with BAD_USER_INPUT', (first) => {
    expect(() => validateAuditPageSize(first)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_OUT_OF_RANGE' }),
    );
  });
});

describe('audit cursors', () => {
  const key = {
    occurredAt: new Date('2026-11-24T10:00:00.123Z'),
    id: '7d1f3c0e-2b1a-4c7e-9f00-000000000001',
  };

  it('round-trips the (occurredAt, id) key', () => {
    expect(decodeAuditCursor(encodeAuditCursor(key))).toEqual(key);
  });

  const encode = (text: string) => Buffer.from(text).toString('base64url');
  it.each([
    ['garbage', 'not a cursor'],
    ['another list', encode('v1:agents:["a","7d1f3c0e-2b1a-4c7e-9f00-000000000001"]')],
    ['a bad time', encode('v1:audit:["yesterday","7d1f3c0e-2b1a-4c7e-9f00-000000000001"]')],
    ['a bad id', encode('v1:audit:["2026-11-24T10:00:00.000Z","1; drop table"]')],
    ['broken JSON', encode('v1:audit:["2026')],
    ['an overlong cursor', 'a'.repeat(201)],
  ])('refuses %s with INVALID_CURSOR', (_case, cursor) => {
    expect(() => decodeAuditCursor(cursor)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' }),
    );
  });
});
