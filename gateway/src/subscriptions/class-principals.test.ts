import { createTokenVerifier, Role, type Principal } from '@daena/platform';
import { describe, expect, it } from 'vitest';
import { ClassPrincipals } from './class-principals.js';
import { sameForEveryone, sealedVotes } from './visibility.js';

const signing = { secret: 'class-principals-test-secret', issuer: 'daena', audience: 'daena-api' };
const viewer = (sub: string): Principal => ({
  sub,
  roles: [Role.VIEWER],
  department: null,
  token: `token-of-${sub}`,
});
const admin = (sub: string): Principal => ({ ...viewer(sub), roles: [Role.ADMIN] });

describe('class principals', () => {
  it('executes a class under a token it signs, which the platform verifier accepts', async () => {
    const classes = new ClassPrincipals(signing);
    const sharing = classes.sharingFor(sealedVotes, admin('admin-1'));
    const principal = await sharing.principal();
    const verifier = createTokenVerifier({ ...signing, clockToleranceSec: 0 });

    const verified = await verifier.verify(principal.token ?? '');

    expect(sharing.key).toBe('class:admin');
    expect(verified).toMatchObject({ sub: principal.sub, roles: [Role.ADMIN], department: null });
    expect(principal.sub).not.toBe('admin-1');
  });

  it('gives the members of a class one token until it nears its expiry', async () => {
    let now = 1_000_000;
    const classes = new ClassPrincipals(signing, () => now);
    const first = await classes.sharingFor(sealedVotes, admin('admin-1')).principal();
    const second = await classes.sharingFor(sealedVotes, admin('admin-2')).principal();
    now += 9 * 60_000;
    const renewed = await classes.sharingFor(sealedVotes, admin('admin-1')).principal();

    expect(second.token).toBe(first.token);
    expect(renewed.expiresAt).toBeGreaterThan(first.expiresAt ?? Infinity);
  });

  it('shares anonymous classes without a token, and nothing else, when it cannot sign', async () => {
    const classes = new ClassPrincipals(undefined);
    const one = classes.sharingFor(sealedVotes, viewer('viewer-1'));
    const other = classes.sharingFor(sealedVotes, viewer('viewer-2'));
    const adminSharing = classes.sharingFor(sealedVotes, admin('admin-1'));

    expect(one.key).toBe(other.key);
    expect(await one.principal()).toMatchObject({ sub: null, token: null });
    expect(adminSharing.key).toMatch(/^identity:/);
    expect((await adminSharing.principal()).token).toBe('token-of-admin-1');
  });

  it('keeps subscribers of a route without visibility apart by identity', () => {
    const classes = new ClassPrincipals(signing);
    const keys = ['viewer-1', 'viewer-2'].map((sub) => classes.sharingFor(undefined, viewer(sub)));

    expect(keys[0]?.key).not.toBe(keys[1]?.key);
    expect(classes.sharingFor(sameForEveryone, viewer('viewer-1')).key).toBe('class:anonymous');
  });
});
