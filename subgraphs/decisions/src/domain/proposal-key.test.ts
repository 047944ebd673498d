import { describe, expect, it } from 'vitest';
import {
  assertSameRequest,
  checkIdempotencyKey,
  idempotencyKeyMax,
  requestFingerprint,
} from './proposal-key.js';

const departmentId = '6f1c1f4e-0c4b-4a4f-9a36-0a4c1f0e8b11';

describe('checkIdempotencyKey', () => {
  it.each([
    [undefined, null],
    [null, null],
    ['run-1:4', 'run-1:4'],
    ['k'.repeat(idempotencyKeyMax), 'k'.repeat(idempotencyKeyMax)],
    // Characters, not UTF-16 units: 200 emoji are 200 characters.
    ['🦉'.repeat(idempotencyKeyMax), '🦉'.repeat(idempotencyKeyMax)],
  ])('takes %j as %j', (key, expected) => {
    expect(checkIdempotencyKey(key)).toBe(expected);
  });

  it.each(['', '   ', 'k'.repeat(idempotencyKeyMax + 1)])('refuses %j', (key) => {
    expect(() => checkIdempotencyKey(key)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY' }),
    );
  });
});

describe('requestFingerprint', () => {
  const request = { title: 'Hire', departmentId, risk: 0.7 };

  it('is the same for the same request, and for an unset field sent as null', () => {
    expect(requestFingerprint({ ...request })).toBe(requestFingerprint(request));
    expect(requestFingerprint({ ...request, urgency: null, deadline: null })).toBe(
      requestFingerprint(request),
    );
  });

  it.each([
    { title: 'Hire two' },
    { risk: 0.5 },
    { description: '' },
    { deadline: new Date('2030-01-01T00:00:00Z') },
    { affectedDepartmentIds: [departmentId] },
  ])('differs when the request sets %j', (change) => {
    expect(requestFingerprint({ ...request, ...change })).not.toBe(requestFingerprint(request));
  });
});

describe('assertSameRequest', () => {
  it('passes the same request and names the first proposal for another', () => {
    const first = { proposalId: 'p-1', fingerprint: 'a' };
    expect(() => assertSameRequest(first, 'a')).not.toThrow();
    expect(() => assertSameRequest(first, 'b')).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        reason: 'IDEMPOTENCY_KEY_REPEATED',
        details: { proposalId: 'p-1' },
      }),
    );
  });
});
