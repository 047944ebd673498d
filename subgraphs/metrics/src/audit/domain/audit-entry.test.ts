import { describe, expect, it } from 'vitest';
import { auditBounds, validateAuditBatch, type AuditEntryDraft } from './audit-entry.js';

const valid: AuditEntryDraft = {
  id: '7d1f3c0e-2b1a-4c7e-9f00-000000000001',
  occurredAt: new Date('2026-11-24T10:00:00.000Z'),
  subject: 'ada',
  roles: ['admin'],
  department: null,
  clientIp: '10.0.0.1',
  operationType: 'MUTATION',
  operationName: 'Rename',
  documentSha256: 'a'.repeat(64),
  document: 'mutation Rename { x }',
  outcome: 'OK',
  code: null,
  httpStatus: 200,
  durationMs: 3,
  requestId: null,
};

describe('validateAuditBatch', () => {
  it('accepts entries within every bound, and an empty batch', () => {
    expect(() =>
      validateAuditBatch([valid, { ...valid, document: 'x'.repeat(4096) }]),
    ).not.toThrow();
    expect(() => validateAuditBatch([])).not.toThrow();
  });

  it(`refuses more than ${auditBounds.batch} entries`, () => {
    expect(() =>
      validateAuditBatch(Array.from({ length: auditBounds.batch + 1 }, () => valid)),
    ).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'AUDIT_BATCH_TOO_LARGE' }));
  });

  it.each([
    ['a non-UUID id', { id: 'x' }],
    ['an invalid time', { occurredAt: new Date(Number.NaN) }],
    ['an empty subject', { subject: '' }],
    ['a document over 4096 characters', { document: 'x'.repeat(4097) }],
    ['a code over 100 characters', { code: 'C'.repeat(101) }],
    ['too many roles', { roles: Array.from({ length: 17 }, () => 'viewer') }],
    ['an empty role', { roles: [''] }],
    ['an uppercase hash', { documentSha256: 'A'.repeat(64) }],
    ['an HTTP status of 99', { httpStatus: 99 }],
    ['a negative duration', { durationMs: -1 }],
  ])('refuses %s, naming the entry', (_case, change) => {
    expect(() => validateAuditBatch([valid, { ...valid, ...change }])).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_AUDIT_ENTRY',
        details: { index: 1 },
      }),
    );
  });
});
