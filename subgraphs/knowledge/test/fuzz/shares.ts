import { randomUUID } from 'node:crypto';
import { Role, type Principal } from '@daena/platform';
import type { Driver } from 'neo4j-driver';
import { approveShare, revokeShare } from '../../src/operations/decide-share.js';
import { requestShare } from '../../src/operations/request-share.js';
import type { ShareRuntime } from '../../src/operations/share-runtime.js';
import { jwtFor } from '../../src/schema/context.js';
import type { BorderRelay } from '../../src/store/border-relay.js';
import type { FuzzOrganization } from './organization.js';
import { pick, sharedCopy, type Caller } from './reference-model.js';

/**
 * Stands in for the agents subgraph's `relayBorderMessage`, which the fuzz stack (Neo4j and the
 * knowledge service only) does not run: it answers as agents does, with a message and the Border
 * Agents that carried it. The shares are then made by the service's own operations, the ones the
 * share mutations call, so the graph holds exactly what an approved (or revoked) share leaves:
 * the share, the redacted copy with its DERIVED_FROM and RELATED_TO links, the change records.
 */
const loopbackRelay: BorderRelay = {
  send: async (message) => ({
    messageId: randomUUID(),
    fromAgentId: `${message.fromDepartmentSlug}-border`,
    toAgentId: `${message.toDepartmentSlug}-border`,
    relayAgentIds: [],
  }),
};

const principalOf = (caller: Caller): Principal => ({
  sub: caller.sub,
  roles: caller.roles as Role[],
  department: caller.department,
  token: caller.token ?? null,
});

/**
 * Makes `count` random shares of entries that may be shared (not PERSONAL, not a copy), each
 * asked by a member of the owning department for another department and approved by the owner's
 * lead; about `revokeChance` of them are then revoked. Adds the copies to `org.entries` (and
 * removes the revoked ones) and the shares to `org.shares`.
 */
export async function seedShares(
  driver: Driver,
  org: FuzzOrganization,
  random: () => number,
  options: { count: number; revokeChance: number },
): Promise<void> {
  const runtime: ShareRuntime = { driver, relay: loopbackRelay };
  const act = (caller: Caller) =>
    [principalOf(caller), jwtFor(principalOf(caller)) ?? null] as const;
  const shareable = org.entries.filter(
    (entry) => entry.accessLevel !== 'PERSONAL' && entry.derivedFrom === undefined,
  );
  const asked = new Set<string>();
  for (let made = 0, tries = 0; made < options.count && tries < options.count * 10; tries += 1) {
    const original = pick(random, shareable);
    const target = pick(
      random,
      org.departments.filter((d) => d !== original.departmentSlug),
    );
    if (asked.has(`${original.id}/${target}`)) continue;
    asked.add(`${original.id}/${target}`);
    const members = org.callers.filter((c) => c.department === original.departmentSlug);
    const lead = members.find((c) => c.roles.includes(Role.DEPARTMENT_LEAD)) as Caller;
    const pending = await requestShare(runtime, ...act(pick(random, members)), {
      entryId: original.id,
      department: { slug: target },
      reason: 'fuzz',
    });
    const approved = await approveShare(runtime, ...act(lead), pending.id);
    const copy = sharedCopy(original, {
      id: approved.copyId ?? '',
      toDepartmentSlug: target,
      approvedBy: lead.sub ?? '',
    });
    const revoked = random() < options.revokeChance;
    if (revoked) await revokeShare(runtime, ...act(lead), pending.id, 'fuzz');
    else org.entries.push(copy);
    org.shares.push({
      id: pending.id,
      entryId: original.id,
      fromDepartmentSlug: original.departmentSlug,
      toDepartmentSlug: target,
      status: revoked ? 'REVOKED' : 'APPROVED',
      copy,
    });
    made += 1;
  }
}
