import { describe, expect, it } from 'vitest';
import { auditOutcome, codeForStatus, type OperationResult } from './audit-outcome.js';

describe('auditOutcome', () => {
  it.each<[string, OperationResult, ReturnType<typeof auditOutcome>]>([
    [
      'a mutation that succeeded',
      { executed: true, operationType: 'MUTATION', codes: [] },
      { outcome: 'OK', code: null },
    ],
    [
      'a mutation that failed',
      { executed: true, operationType: 'MUTATION', codes: ['NOT_FOUND', 'CONFLICT'] },
      { outcome: 'ERROR', code: 'NOT_FOUND' },
    ],
    [
      'a mutation denied while running',
      { executed: true, operationType: 'MUTATION', codes: ['FORBIDDEN'] },
      { outcome: 'REFUSED', code: 'FORBIDDEN' },
    ],
    ['a query that succeeded', { executed: true, operationType: 'QUERY', codes: [] }, null],
    ['a query that failed', { executed: true, operationType: 'QUERY', codes: ['NOT_FOUND'] }, null],
    [
      'a query denied in a field',
      { executed: true, operationType: 'QUERY', codes: ['NOT_FOUND', 'UNAUTHENTICATED'] },
      { outcome: 'REFUSED', code: 'UNAUTHENTICATED' },
    ],
    [
      'a document that did not parse',
      { executed: false, operationType: null, codes: ['GRAPHQL_PARSE_FAILED'] },
      { outcome: 'REFUSED', code: 'GRAPHQL_PARSE_FAILED' },
    ],
    [
      'a query over the depth limit',
      { executed: false, operationType: 'QUERY', codes: ['MAX_DEPTH_EXCEEDED'] },
      { outcome: 'REFUSED', code: 'MAX_DEPTH_EXCEEDED' },
    ],
    [
      'a query answered from the cache',
      { executed: false, operationType: 'QUERY', codes: [] },
      null,
    ],
    [
      'the first leg of a persisted query',
      { executed: false, operationType: null, codes: ['PERSISTED_QUERY_NOT_FOUND'] },
      null,
    ],
  ])('%s', (_case, result, expected) => {
    expect(auditOutcome(result)).toEqual(expected);
  });
});

describe('codeForStatus', () => {
  it.each([
    [401, 'UNAUTHENTICATED'],
    [413, 'PAYLOAD_TOO_LARGE'],
    [415, 'UNSUPPORTED_MEDIA_TYPE'],
    [429, 'RATE_LIMITED'],
    [400, 'BAD_REQUEST'],
    [502, 'INTERNAL_SERVER_ERROR'],
  ])('names %i %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });
});
