import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  anonymous,
  principalFromHeader,
  requireRole,
  Role,
  signToken,
  verifyToken,
} from './auth.js';
import { DaenaError } from './errors.js';

const secret = 'test-secret-that-is-long-enough';

describe('JWT auth', () => {
  it('round-trips claims through a signed token', async () => {
    const token = await signToken(secret, {
      sub: 'ada',
      roles: [Role.DEPARTMENT_LEAD],
      department: 'finance',
    });
    const principal = await verifyToken(secret, token);
    expect(principal).toMatchObject({
      sub: 'ada',
      roles: ['department_lead'],
      department: 'finance',
    });
  });

  it('treats a missing header as anonymous', async () => {
    expect(await principalFromHeader(secret, undefined)).toBe(anonymous);
  });

  it.each([
    [
      'a token signed with another secret',
      async () =>
        `Bearer ${await signToken('another-secret-long-enough', { sub: 'x', roles: [] })}`,
      'TOKEN_INVALID',
    ],
    [
      'an expired token',
      async () => `Bearer ${await signToken(secret, { sub: 'x', roles: [] }, '-1m')}`,
      'TOKEN_EXPIRED',
    ],
    ['a header without Bearer', async () => 'Basic abc', 'TOKEN_MALFORMED'],
    ['an unknown role', async () => `Bearer ${await unknownRoleToken()}`, 'TOKEN_INVALID'],
  ])('rejects %s with a reason', async (_name, header, reason) => {
    const error = await principalFromHeader(secret, await header()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DaenaError);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', reason });
  });

  it('lets admins through every role check and stops others', async () => {
    const admin = await verifyToken(
      secret,
      await signToken(secret, { sub: 'root', roles: [Role.ADMIN] }),
    );
    const viewer = await verifyToken(
      secret,
      await signToken(secret, { sub: 'v', roles: [Role.VIEWER] }),
    );
    expect(() => requireRole(admin, Role.EXECUTIVE)).not.toThrow();
    expect(() => requireRole(viewer, Role.EXECUTIVE)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => requireRole(anonymous, Role.VIEWER)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });
});

function unknownRoleToken(): Promise<string> {
  return new SignJWT({ roles: ['emperor'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('x')
    .setIssuer('daena')
    .setAudience('daena-api')
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}
