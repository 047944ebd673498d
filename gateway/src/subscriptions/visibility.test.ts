import { Role, type Principal } from '@daena/platform';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { subscriptionRoutesFrom } from './supergraph-routes.js';
import { byDepartment, byRoles, sealedVotes, syntheticSubject } from './visibility.js';

function principal(sub: string | null, roles: Role[], department: string | null = null): Principal {
  return { sub, roles, department, token: sub ? `token-of-${sub}` : null };
}

const members: Record<string, Principal> = {
  anonymous: principal(null, []),
  'no roles': principal('person-0', []),
  viewer: principal('viewer-1', [Role.VIEWER]),
  'another viewer': principal('viewer-2', [Role.VIEWER]),
  'department lead': principal('lead-1', [Role.DEPARTMENT_LEAD], 'finance'),
  agent: principal('8f0c2a8e-agent', [Role.AGENT], 'finance'),
  executive: principal('exec-1', [Role.EXECUTIVE]),
  admin: principal('admin-1', [Role.ADMIN]),
  'admin and executive': principal('admin-2', [Role.ADMIN, Role.EXECUTIVE]),
};

const { bridged } = subscriptionRoutesFrom(
  readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8'),
);

describe('visibility classes', () => {
  // The safety argument of sharing: a class principal may see no more than any of its members.
  // Classes executed anonymously have no privileges at all; the others carry signed claims.
  const signedClasses = [...bridged.values()].flatMap((route) =>
    Object.entries(members).flatMap(([name, member]) => {
      const claims = route.visibility?.(member)?.claims;
      return claims ? [{ field: route.field, name, member, claims }] : [];
    }),
  );

  it.each(signedClasses)(
    '$field: the class of $name executes with no more than its own privileges',
    ({ member, claims }) => {
      expect(member.sub).not.toBeNull();
      expect(claims.roles.every((role) => member.roles.includes(role))).toBe(true);
      // A department only when it is the member's own.
      expect(claims.department === undefined || claims.department === member.department).toBe(true);
      // Its own subject, or a synthetic one that no token names.
      expect(claims.sub === member.sub || claims.sub.startsWith('visibility:')).toBe(true);
    },
  );

  it('puts every viewer, department lead and anonymous caller of a tally in one class', () => {
    const keys = ['anonymous', 'no roles', 'viewer', 'another viewer', 'department lead'].map(
      (name) => sealedVotes(members[name] as Principal),
    );
    expect(new Set(keys.map((c) => c?.key))).toEqual(new Set(['anonymous']));
    expect(keys[0]?.claims).toBeNull();
  });

  it('keeps each possible voter in a class of its own, executed as its sub without roles', () => {
    const agent = sealedVotes(members['agent'] as Principal);
    const executive = sealedVotes(members['executive'] as Principal);
    expect(agent).toEqual({
      key: 'voter:8f0c2a8e-agent',
      claims: { sub: '8f0c2a8e-agent', roles: [] },
    });
    expect(executive?.key).toBe('voter:exec-1');
  });

  it('shares one admin class whose subject matches no real token', () => {
    const one = sealedVotes(members['admin'] as Principal);
    const other = sealedVotes(members['admin and executive'] as Principal);
    expect(one).toEqual(other);
    expect(one?.claims).toEqual({ sub: syntheticSubject('admin'), roles: [Role.ADMIN] });
    expect(one?.claims?.sub).not.toBe('visibility:admin');
  });

  it('classes router readers by role set alone', () => {
    const lead = byRoles(members['department lead'] as Principal);
    const otherLead = byRoles(principal('lead-2', [Role.DEPARTMENT_LEAD], 'sales'));
    expect(lead).toEqual(otherLead);
    expect(lead?.claims).toMatchObject({ roles: [Role.DEPARTMENT_LEAD] });
    expect(byRoles(members['executive'] as Principal)?.key).not.toBe(lead?.key);
    expect(byRoles(members['anonymous'] as Principal)).toEqual({ key: 'anonymous', claims: null });
  });

  it('classes department readers by roles and token department, and keeps agents apart', () => {
    const lead = byDepartment(members['department lead'] as Principal);
    const otherFinanceLead = byDepartment(principal('lead-3', [Role.DEPARTMENT_LEAD], 'finance'));
    const salesLead = byDepartment(principal('lead-2', [Role.DEPARTMENT_LEAD], 'sales'));
    expect(lead).toEqual(otherFinanceLead);
    expect(lead?.key).not.toBe(salesLead?.key);
    expect(lead?.claims).toMatchObject({ roles: [Role.DEPARTMENT_LEAD], department: 'finance' });
    expect(lead?.claims?.sub.startsWith('visibility:')).toBe(true);
    // Same roles without a department: a class of their own, without a department claim.
    const viewer = byDepartment(members['viewer'] as Principal);
    expect(viewer).toEqual(byDepartment(members['another viewer'] as Principal));
    expect(viewer?.claims?.department).toBeUndefined();
    // An agent's scope comes from a lookup of its own sub: never shared.
    expect(byDepartment(members['agent'] as Principal)).toBeUndefined();
    expect(byDepartment(members['anonymous'] as Principal)).toEqual({
      key: 'anonymous',
      claims: null,
    });
  });
});
