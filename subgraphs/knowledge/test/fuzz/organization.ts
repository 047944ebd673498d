import { Role, type TokenClaims } from '@daena/platform';
import { testToken } from '@daena/testing';
import {
  mayRead,
  pick,
  sample,
  type AccessLevel,
  type Caller,
  type ModelEntry,
  type ModelShare,
  type ModelTopic,
} from './reference-model.js';

/** Anything that answers GraphQL as the knowledge subgraph (the service, or the gateway). */
export type Call = <T>(
  query: string,
  variables: Record<string, unknown>,
  token?: string,
) => Promise<{
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}>;

/** A random organization: its departments, callers of every role, entries and topics. */
export interface FuzzOrganization {
  departments: string[];
  callers: Caller[];
  entries: ModelEntry[];
  topics: ModelTopic[];
  /** Shares made after the entries (shares.ts): their copies are in `entries` until revoked. */
  shares: ModelShare[];
  /** Words the entries are written with, so searches and related links hit. */
  vocabulary: string[];
}

const levels: readonly AccessLevel[] = ['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL', 'PERSONAL'];

/** Plain words (no stop words, nothing a detector reads as personal data). */
const words = (
  'audit budget ledger invoice payroll forecast vendor contract hiring roadmap launch pricing ' +
  'churn renewal onboarding compliance tax treasury pipeline campaign brand release incident ' +
  'backlog quota margin refund policy training benefits review'
).split(' ');

const text = (random: () => number, count: number) =>
  Array.from({ length: count }, () => pick(random, words)).join(' ');

/** Callers of every role in each department, an admin, a caller with no department, anonymous. */
export async function fuzzCallers(departments: string[], prefix: string): Promise<Caller[]> {
  const callers: Caller[] = [
    { sub: null, roles: [], department: null },
    { sub: `${prefix}-admin`, roles: [Role.ADMIN], department: null },
    { sub: `${prefix}-exec`, roles: [Role.EXECUTIVE], department: null },
  ];
  for (const department of departments) {
    for (const role of [Role.DEPARTMENT_LEAD, Role.AGENT, Role.AGENT, Role.VIEWER]) {
      callers.push({ sub: `${prefix}-${department}-${callers.length}`, roles: [role], department });
    }
  }
  for (const caller of callers) {
    if (caller.sub !== null) {
      const claims = { sub: caller.sub, roles: caller.roles as TokenClaims['roles'] };
      caller.token = await testToken(
        caller.department ? { ...claims, department: caller.department } : claims,
      );
    }
  }
  return callers;
}

const createTopics = `mutation Topics($input: [TopicCreateInput!]!) {
  createTopics(input: $input) { topics { name } }
}`;

const createEntries = `mutation Create($input: [KnowledgeEntryCreateInput!]!) {
  createKnowledgeEntries(input: $input) { knowledgeEntries { id ownerId } }
}`;

/**
 * Entries written per mutation while seeding. One: Neo4j caches a plan per statement text and
 * parameter types, and a batch's generated UNION of creates (13 kB of Cypher for 5) is planned
 * again for every mix of empty and non-empty lists, seconds each on a loaded machine.
 */
const seedBatch = 1;

/**
 * Writes random entries through the API, in batches by a random member of their department, at
 * random levels, shared with random departments, about random topics of their department; then
 * revises some (versions, level changes). Returns the reference model of what was written.
 */
export async function seedOrganization(
  call: Call,
  random: () => number,
  options: { prefix: string; departments: number; entries: number; revisions: number },
): Promise<FuzzOrganization> {
  const departments = Array.from(
    { length: options.departments },
    (_, i) => `${options.prefix}-d${i}`,
  );
  const callers = await fuzzCallers(departments, options.prefix);
  const writers = (department: string) =>
    callers.filter((c) => c.department === department && c.roles[0] !== Role.VIEWER);
  const topics: ModelTopic[] = [];
  for (const departmentSlug of departments) {
    const mine = ['alpha', 'beta', 'gamma'].map((name) => ({ name, departmentSlug }));
    await mustWrite(call, createTopics, mine, pick(random, writers(departmentSlug)));
    topics.push(...mine.map((topic) => ({ ...topic, key: `${departmentSlug}/${topic.name}` })));
  }
  const entries: ModelEntry[] = [];
  for (let written = 0; written < options.entries; written += seedBatch) {
    const departmentSlug = pick(random, departments);
    const batch = Array.from({ length: Math.min(seedBatch, options.entries - written) }, () => {
      const about = sample(
        random,
        topics.filter((t) => t.departmentSlug === departmentSlug),
        0.3,
      );
      const fields = {
        title: text(random, 3),
        body: text(random, 12),
        departmentSlug,
        accessLevel: pick(random, levels),
        sharedWithDepartments: sample(random, departments, 0.3),
      };
      return { fields, about };
    });
    const input = batch.map(({ fields, about }) => ({
      ...fields,
      // One connect of the same shape for every entry: a batch is then one Cypher text, whose
      // plan Neo4j caches (a new shape per batch costs seconds of planning each).
      topics: {
        connect: [
          {
            where: {
              node: {
                name: { in: about.map((t) => t.name) },
                departmentSlug: { eq: departmentSlug },
              },
            },
          },
        ],
      },
    }));
    const data = await mustWrite<{
      createKnowledgeEntries: { knowledgeEntries: { id: string; ownerId: string }[] };
    }>(call, createEntries, input, pick(random, writers(departmentSlug)));
    data.createKnowledgeEntries.knowledgeEntries.forEach(({ id, ownerId }, i) => {
      const { fields, about } = batch[i] as (typeof batch)[number];
      entries.push({ ...fields, id, ownerId, topicIds: about.map((t) => t.key), versions: 0 });
    });
  }
  for (let i = 0; i < options.revisions; i += 1) {
    await revise(call, random, pick(random, entries), callers, departments);
  }
  return { departments, callers, entries, topics, shares: [], vocabulary: words };
}

async function mustWrite<T>(call: Call, mutation: string, input: unknown[], author: Caller) {
  const { body } = await call<T>(mutation, { input }, author.token);
  if (!body.data || body.errors?.length) {
    throw new Error(`fuzz seed failed: ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

const reviseMutation = `mutation Revise($id: ID!, $update: KnowledgeEntryUpdateInput!) {
  updateKnowledgeEntries(where: { id: { eq: $id } }, update: $update) { knowledgeEntries { id } }
}`;

/**
 * A new version by a member of the entry's department who may read it (so the update is made),
 * sometimes at another level.
 */
async function revise(
  call: Call,
  random: () => number,
  entry: ModelEntry,
  callers: Caller[],
  departments: string[],
) {
  const editors = callers.filter((c) => c.department === entry.departmentSlug && mayRead(c, entry));
  if (editors.length === 0) return;
  const editor = pick(random, editors);
  const accessLevel = random() < 0.5 ? pick(random, levels) : entry.accessLevel;
  const sharedWithDepartments = sample(random, departments, 0.3);
  const body = text(random, 12);
  const update = {
    body: { set: body },
    accessLevel: { set: accessLevel },
    sharedWithDepartments: { set: sharedWithDepartments },
  };
  const { body: response } = await call(reviseMutation, { id: entry.id, update }, editor.token);
  if (response.errors?.length)
    throw new Error(`fuzz revision failed: ${JSON.stringify(response.errors)}`);
  Object.assign(entry, { body, accessLevel, sharedWithDepartments, versions: entry.versions + 1 });
}
