import { anonymous, Role, type Principal } from '@daena/platform';
import { describe, expect, it } from 'vitest';
import { createKnowledgeContext, jwtFor } from './context.js';

const caller = (overrides: Partial<Principal>): Principal => ({
  sub: 'finance-lead',
  roles: [Role.DEPARTMENT_LEAD],
  department: 'finance',
  token: 'signed.jwt.token',
  ...overrides,
});

describe('the $jwt handed to @neo4j/graphql', () => {
  it('carries the verified subject, roles and department, never the raw token', () => {
    expect(jwtFor(caller({}))).toEqual({
      sub: 'finance-lead',
      roles: ['department_lead'],
      department: 'finance',
    });
  });

  it('leaves the department out when the token has none (an admin, say)', () => {
    expect(jwtFor(caller({ roles: [Role.ADMIN], department: null }))).toEqual({
      sub: 'finance-lead',
      roles: ['admin'],
    });
  });

  it('is absent for anonymous callers, so only rules without authentication match', () => {
    expect(jwtFor(anonymous)).toBeUndefined();
    expect(createKnowledgeContext(anonymous)).toEqual({ principal: anonymous });
    expect('jwt' in createKnowledgeContext(anonymous)).toBe(false);
  });
});
