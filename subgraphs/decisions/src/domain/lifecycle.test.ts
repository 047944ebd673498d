import { anonymous, type Principal } from '@daena/platform/domain';
import { describe, expect, it } from 'vitest';
import {
  assertMayIntervene,
  assertMayWithdraw,
  assertTransition,
  roundDeadline,
  stepAfterRound,
} from './lifecycle.js';

const principal = (sub: string, roles: Principal['roles']): Principal => ({
  ...anonymous,
  sub,
  roles,
});

describe('the state machine', () => {
  it.each([
    ['DRAFT', 'OPEN'],
    ['DRAFT', 'WITHDRAWN'],
    ['OPEN', 'OPEN'],
    ['OPEN', 'ACCEPTED'],
    ['OPEN', 'ESCALATED'],
    ['OPEN', 'EXPIRED'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(() => assertTransition(from, to, 'p')).not.toThrow();
  });

  it.each([
    ['DRAFT', 'REJECTED', 'INVALID_TRANSITION'],
    ['DRAFT', 'ESCALATED', 'INVALID_TRANSITION'],
    ['ACCEPTED', 'REJECTED', 'PROPOSAL_CLOSED'],
    ['WITHDRAWN', 'OPEN', 'PROPOSAL_CLOSED'],
  ] as const)('refuses %s → %s with %s', (from, to, reason) => {
    expect(() => assertTransition(from, to, 'p')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason }),
    );
  });

  it.each([
    ['ACCEPTED', false, { next: 'CLOSE', status: 'ACCEPTED' }],
    ['REJECTED', true, { next: 'CLOSE', status: 'REJECTED' }],
    ['NEXT_ROUND', false, { next: 'ROUND' }],
    ['NEXT_ROUND', true, { next: 'CLOSE', status: 'EXPIRED' }],
    ['NO_CONSENSUS', false, { next: 'CLOSE', status: 'NO_CONSENSUS' }],
    ['NO_CONSENSUS', true, { next: 'CLOSE', status: 'EXPIRED' }],
  ] as const)('after a round decided %s (expired: %s) → %j', (decision, expired, step) => {
    expect(stepAfterRound(decision, expired)).toEqual(step);
  });

  it('ends a round at its length or at the proposal deadline, whichever is first', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(roundDeadline(now, 60, null).toISOString()).toBe('2026-01-01T00:01:00.000Z');
    const deadline = new Date('2026-01-01T00:00:30Z');
    expect(roundDeadline(now, 60, deadline)).toEqual(deadline);
  });
});

describe('who may intervene', () => {
  it('lets executives and admins veto or escalate, nobody else', () => {
    expect(() => assertMayIntervene(principal('e', ['executive']))).not.toThrow();
    expect(() => assertMayIntervene(principal('a', ['admin']))).not.toThrow();
    expect(() => assertMayIntervene(principal('l', ['department_lead']))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => assertMayIntervene(anonymous)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('lets the requester, the creator or an admin withdraw', () => {
    const requester = { subject: 'agent-1', agentId: 'agent-1', createdBy: 'lead-1' };
    expect(() => assertMayWithdraw(principal('agent-1', ['agent']), requester)).not.toThrow();
    expect(() =>
      assertMayWithdraw(principal('lead-1', ['department_lead']), requester),
    ).not.toThrow();
    expect(() => assertMayWithdraw(principal('root', ['admin']), requester)).not.toThrow();
    expect(() => assertMayWithdraw(principal('exec', ['executive']), requester)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_REQUESTER' }),
    );
  });
});
