import { describe, expect, it } from 'vitest';
import { Role } from './auth.js';
import { DaenaError } from './domain-errors.js';
import { anonymous } from './principal.js';
import { requireServiceCaller, type Caller } from './service-token.js';

/** What `requireServiceCaller` threw: its code and reason, or null when it let the caller in. */
function outcome(caller: Caller, forbiddenCode?: string) {
  try {
    requireServiceCaller(caller, ['agents'], 'Only agents', forbiddenCode);
    return null;
  } catch (error) {
    if (!(error instanceof DaenaError)) throw error;
    return { code: error.code, reason: error.reason, message: error.message };
  }
}

const admin = { ...anonymous, sub: 'ada', roles: [Role.ADMIN], token: 'user-token' };

describe('requireServiceCaller', () => {
  it('lets in a service token of a named service only', () => {
    expect(outcome({ principal: anonymous, service: 'agents' })).toBeNull();
    expect(outcome({ principal: anonymous, service: 'gateway' })).toEqual({
      code: 'FORBIDDEN',
      reason: 'SERVICE_TOKEN_REQUIRED',
      message: 'Only agents',
    });
  });

  it('asks a caller without a token for one, and refuses users, admins included', () => {
    expect(outcome({ principal: anonymous, service: null })).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SERVICE_TOKEN_REQUIRED',
    });
    expect(outcome({ principal: admin, service: null }, 'AGENTS_SERVICE_ONLY')).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'AGENTS_SERVICE_ONLY',
    });
  });
});
