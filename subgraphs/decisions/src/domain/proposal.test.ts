import { anonymous, type Principal } from '@daena/platform';
import { describe, expect, it } from 'vitest';
import {
  assertMayOpenProposalIn,
  assertOpen,
  selectStakeholders,
  validateProposalRequest,
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
  it('trims the title and defaults the description and deadline', () => {
    expect(validateProposalRequest({ title: '  Hire  ', departmentId }, now)).toEqual({
      title: 'Hire',
      description: '',
      departmentId,
      deadline: null,
    });
  });

  it.each([
    ['an empty title', { title: '   ' }, 'TITLE_LENGTH'],
    ['a 201-character title', { title: 'x'.repeat(201) }, 'TITLE_LENGTH'],
    ['a too long description', { description: 'x'.repeat(10_001) }, 'DESCRIPTION_TOO_LONG'],
    ['a deadline now', { deadline: now }, 'DEADLINE_NOT_IN_FUTURE'],
    ['a malformed department id', { departmentId: 'engineering' }, 'INVALID_ID'],
  ])('rejects %s', (_name, change, reason) => {
    expect(() => validateProposalRequest({ title: 'T', departmentId, ...change }, now)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', reason }),
    );
  });

  it('counts characters, not UTF-16 units: 200 emoji are a valid title', () => {
    expect(
      validateProposalRequest({ title: '🐝'.repeat(200), departmentId }, now).title,
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

describe('selectStakeholders and assertOpen', () => {
  it('needs at least one stakeholder and drops duplicates', () => {
    expect(selectStakeholders(['a', 'b', 'a'])).toEqual(['a', 'b']);
    expect(() => selectStakeholders([])).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'NO_STAKEHOLDERS' }),
    );
  });

  it('tells a missing proposal from a closed one', () => {
    expect(() => assertOpen(null, 'p')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', reason: 'PROPOSAL_NOT_FOUND' }),
    );
    expect(() => assertOpen({ status: 'ACCEPTED' }, 'p')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'PROPOSAL_CLOSED' }),
    );
  });
});
