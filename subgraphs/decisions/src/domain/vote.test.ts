import { anonymous, type Principal } from '@daena/platform';
import { describe, expect, it } from 'vitest';
import { assertMayVoteAs, assertStakeholder, validateVoteRequest } from './vote.js';

const request = { proposalId: 'p', agentId: 'a', choice: 'APPROVE' as const };
const caller = (sub: string, roles: Principal['roles']): Principal => ({
  ...anonymous,
  sub,
  roles,
});

describe('validateVoteRequest', () => {
  it('defaults confidence to 1 and rationale to null, in round 1', () => {
    expect(validateVoteRequest(request)).toEqual({
      ...request,
      round: 1,
      confidence: 1,
      rationale: null,
    });
  });

  it.each([
    ['confidence 1.5', { confidence: 1.5 }, 'CONFIDENCE_OUT_OF_RANGE'],
    ['confidence -0.1', { confidence: -0.1 }, 'CONFIDENCE_OUT_OF_RANGE'],
    ['a 2001-character rationale', { rationale: 'x'.repeat(2001) }, 'RATIONALE_TOO_LONG'],
  ])('rejects %s', (_name, change, reason) => {
    expect(() => validateVoteRequest({ ...request, ...change })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', reason }),
    );
  });
});

describe('assertMayVoteAs', () => {
  it('lets an agent vote as itself and an admin as anyone', () => {
    expect(() => assertMayVoteAs(caller('a', ['agent']), 'a')).not.toThrow();
    expect(() => assertMayVoteAs(caller('root', ['admin']), 'a')).not.toThrow();
  });

  it('refuses anonymous callers, other agents and other roles', () => {
    expect(() => assertMayVoteAs(anonymous, 'a')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    expect(() => assertMayVoteAs(caller('b', ['agent']), 'a')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_THIS_AGENT' }),
    );
    expect(() => assertMayVoteAs(caller('a', ['executive']), 'a')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('admits stakeholders only', () => {
    expect(() => assertStakeholder(['a'], 'a')).not.toThrow();
    expect(() => assertStakeholder(['a'], 'b')).toThrow(
      expect.objectContaining({ reason: 'NOT_A_STAKEHOLDER' }),
    );
  });
});
