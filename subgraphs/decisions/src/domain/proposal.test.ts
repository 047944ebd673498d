import { anonymous, type Principal } from '@daena/platform/domain';
import { describe, expect, it } from 'vitest';
import {
  assertMayOpenProposalIn,
  assertOpen,
  validateProposalRequest,
  validateReason,
} from './proposal.js';

const now = new Date('2026-01-01T00:00:00Z');
const departmentId = '6f1c1f4e-0c4b-4a4f-9a36-0a4c1f0e8b11';
const principal = (roles: Principal['roles'], department: string | null = null): Principal => ({
  ...anonymous,
  sub: 'someone',
  roles,
  department,
});

describe('validateProposalRequest', () => {
  it('trims the title and defaults the description, deadline, features and rounds', () => {
    expect(validateProposalRequest({ title: '  Hire  ', departmentId }, now, 600)).toEqual({
      title: 'Hire',
      description: '',
      departmentId,
      departmentIds: [departmentId],
      deadline: null,
      kind: 'STRATEGIC',
      risk: 0.5,
      stakeholderImpact: 0.5,
      urgency: 0.5,
      maxRounds: 3,
      roundSeconds: 600,
      requesterAgentId: null,
    });
  });

  it('puts the proposing department first and drops repeats', () => {
    const other = '7f1c1f4e-0c4b-4a4f-9a36-0a4c1f0e8b12';
    const request = { title: 'T', departmentId, affectedDepartmentIds: [other, departmentId] };
    expect(validateProposalRequest(request, now, 1).departmentIds).toEqual([departmentId, other]);
  });

  it.each([
    ['an empty title', { title: '   ' }, 'TITLE_LENGTH'],
    ['a 201-character title', { title: 'x'.repeat(201) }, 'TITLE_LENGTH'],
    ['a too long description', { description: 'x'.repeat(10_001) }, 'DESCRIPTION_TOO_LONG'],
    ['a deadline now', { deadline: now }, 'DEADLINE_NOT_IN_FUTURE'],
    ['a malformed department id', { departmentId: 'engineering' }, 'INVALID_ID'],
    ['a malformed affected department', { affectedDepartmentIds: ['x'] }, 'INVALID_ID'],
    ['risk 1.2', { risk: 1.2 }, 'FEATURE_OUT_OF_RANGE'],
    ['urgency -0.1', { urgency: -0.1 }, 'FEATURE_OUT_OF_RANGE'],
    ['11 rounds', { maxRounds: 11 }, 'OUT_OF_RANGE'],
    ['0-second rounds', { roundSeconds: 0 }, 'OUT_OF_RANGE'],
    ['a malformed requester', { requesterAgentId: 'bob' }, 'INVALID_ID'],
  ])('rejects %s', (_name, change, reason) => {
    expect(() => validateProposalRequest({ title: 'T', departmentId, ...change }, now, 60)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', reason }),
    );
  });

  it('counts characters, not UTF-16 units: 200 emoji are a valid title', () => {
    expect(
      validateProposalRequest({ title: '🐝'.repeat(200), departmentId }, now, 60).title,
    ).toHaveLength(400);
  });
});

describe('assertMayOpenProposalIn', () => {
  it('lets executives anywhere and leads only in their own department', () => {
    expect(() => assertMayOpenProposalIn(principal(['executive']), 'sales')).not.toThrow();
    expect(() =>
      assertMayOpenProposalIn(principal(['department_lead'], 'sales'), 'sales'),
    ).not.toThrow();
    expect(() => assertMayOpenProposalIn(principal(['department_lead'], 'hr'), 'sales')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', reason: 'OTHER_DEPARTMENT' }),
    );
  });
});

describe('assertOpen and validateReason', () => {
  it('tells a missing proposal from a draft and from a closed one', () => {
    expect(() => assertOpen(null, 'p')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', reason: 'PROPOSAL_NOT_FOUND' }),
    );
    expect(() => assertOpen({ status: 'DRAFT' }, 'p')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'PROPOSAL_NOT_OPEN' }),
    );
    expect(() => assertOpen({ status: 'ACCEPTED' }, 'p')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'PROPOSAL_CLOSED' }),
    );
  });

  it('requires a reason where one is due, and bounds it', () => {
    expect(validateReason('  why  ', true)).toBe('why');
    expect(validateReason(null, false)).toBe('');
    expect(() => validateReason(' ', true)).toThrow(
      expect.objectContaining({ reason: 'REASON_REQUIRED' }),
    );
    expect(() => validateReason('x'.repeat(2001), false)).toThrow(
      expect.objectContaining({ reason: 'REASON_TOO_LONG' }),
    );
  });
});
