import { anonymous, type Principal } from '@daena/platform/domain';
import { describe, expect, it } from 'vitest';
import {
  assertMayVoteAs,
  assertRoundOpen,
  assertStakeholder,
  mayReadVote,
  validateVoteRequest,
} from './vote.js';

const request = { proposalId: 'p', agentId: 'a', choice: 'APPROVE' as const };
const caller = (sub: string, roles: Principal['roles']): Principal => ({
  ...anonymous,
  sub,
  roles,
});

describe('validateVoteRequest', () => {
  it('defaults confidence to 1, rationale to null and the round to the current one', () => {
    expect(validateVoteRequest(request)).toEqual({
      ...request,
      round: null,
      confidence: 1,
      rationale: null,
      personSubject: null,
    });
  });

  it.each([
    ['confidence 1.5', { confidence: 1.5 }, 'CONFIDENCE_OUT_OF_RANGE'],
    ['confidence -0.1', { confidence: -0.1 }, 'CONFIDENCE_OUT_OF_RANGE'],
    ['a 2001-character rationale', { rationale: 'x'.repeat(2001) }, 'RATIONALE_TOO_LONG'],
    ['round 0', { round: 0 }, 'ROUND_INVALID'],
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

describe('rounds and blindness', () => {
  it('takes votes for the open round only', () => {
    expect(() => assertRoundOpen(2, 2)).not.toThrow();
    expect(() => assertRoundOpen(2, 1)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'ROUND_CLOSED' }),
    );
    expect(() => assertRoundOpen(2, 3)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'ROUND_NOT_OPEN' }),
    );
  });

  it('seals a vote of open round 1 from all but its voter and admins', () => {
    const vote = { agentId: 'a', round: 1 };
    const open = { status: 'OPEN', currentRound: 1 };
    expect(mayReadVote(caller('b', ['agent']), vote, open)).toBe(false);
    expect(mayReadVote(anonymous, vote, open)).toBe(false);
    expect(mayReadVote(caller('a', ['agent']), vote, open)).toBe(true);
    expect(mayReadVote(caller('root', ['admin']), vote, open)).toBe(true);
    expect(mayReadVote(anonymous, vote, { status: 'OPEN', currentRound: 2 })).toBe(true);
    expect(mayReadVote(anonymous, vote, { status: 'ACCEPTED', currentRound: 1 })).toBe(true);
  });
});
