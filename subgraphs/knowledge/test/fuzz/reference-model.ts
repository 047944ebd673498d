/**
 * The permission fuzz's reference model: who may read what, written from ARCHITECTURE §6 and
 * nothing else (no code of the service), and what each fuzzed query must then answer.
 */
export type AccessLevel = 'PUBLIC' | 'RESTRICTED' | 'CONFIDENTIAL' | 'PERSONAL';

export interface Caller {
  /** null: anonymous. */
  sub: string | null;
  roles: string[];
  department: string | null;
  token?: string;
}

export interface ModelEntry {
  id: string;
  title: string;
  body: string;
  departmentSlug: string;
  accessLevel: AccessLevel;
  sharedWithDepartments: string[];
  ownerId: string;
  topicIds: string[];
  /** Earlier versions kept by updates. */
  versions: number;
  /** For a shared copy: the original it is DERIVED_FROM. */
  derivedFrom?: string;
}

/** A share the fuzz made: approved (its copy is in the graph) or revoked (its copy is gone). */
export interface ModelShare {
  id: string;
  entryId: string;
  fromDepartmentSlug: string;
  toDepartmentSlug: string;
  status: 'APPROVED' | 'REVOKED';
  copy: ModelEntry;
}

export interface ModelTopic {
  key: string;
  name: string;
  departmentSlug: string;
}

/** PUBLIC: everyone; RESTRICTED: own and listed departments; CONFIDENTIAL: own; PERSONAL: owner. */
export function mayRead(caller: Caller, entry: ModelEntry): boolean {
  if (caller.roles.includes('admin') || entry.accessLevel === 'PUBLIC') return true;
  if (caller.sub === null) return false;
  const inDepartment = caller.department !== null && caller.department === entry.departmentSlug;
  switch (entry.accessLevel) {
    case 'RESTRICTED':
      return (
        inDepartment ||
        (caller.department !== null && entry.sharedWithDepartments.includes(caller.department))
      );
    case 'CONFIDENTIAL':
      return inDepartment;
    case 'PERSONAL':
      return entry.ownerId === caller.sub;
  }
}

/**
 * The copy an approved share makes (issue 16 §6, the knowledge service's sharing rules): it
 * belongs to the target department at CONFIDENTIAL, so that department's members read it and
 * nobody else gains anything; it is shared with no one, owned by whoever approved, about no
 * topic, DERIVED_FROM the original. Its text is the original's with personal data removed (the
 * fuzz writes none, so the same words).
 */
export function sharedCopy(
  original: ModelEntry,
  copy: { id: string; toDepartmentSlug: string; approvedBy: string },
): ModelEntry {
  return {
    id: copy.id,
    title: original.title,
    body: original.body,
    departmentSlug: copy.toDepartmentSlug,
    accessLevel: 'CONFIDENTIAL',
    sharedWithDepartments: [],
    ownerId: copy.approvedBy,
    topicIds: [],
    versions: 0,
    derivedFrom: original.id,
  };
}

/** The copies whose share was revoked: gone from the graph, their change records left. */
export function revokedCopies(shares: readonly ModelShare[]): ModelEntry[] {
  return shares.filter((share) => share.status === 'REVOKED').map((share) => share.copy);
}

/** A share record: admins and the two departments it is between. */
export function mayReadShare(
  caller: Caller,
  share: { fromDepartmentSlug: string; toDepartmentSlug: string },
): boolean {
  if (caller.roles.includes('admin')) return true;
  if (caller.sub === null || caller.department === null) return false;
  return [share.fromDepartmentSlug, share.toDepartmentSlug].includes(caller.department);
}

/**
 * The change records (`knowledgeUpdates`) an entry leaves, each visible as the entry is: CREATED
 * and one UPDATED per revision for an entry written through the API; SHARED for a copy, and
 * REVOKED besides once it is withdrawn, when the copy itself is gone (`linked`: false).
 */
export function changeRecords(
  entry: ModelEntry,
  revoked: boolean,
): { kinds: string[]; linked: boolean } {
  const first = entry.derivedFrom === undefined ? 'CREATED' : 'SHARED';
  const updates = Array.from({ length: entry.versions }, () => 'UPDATED');
  return { kinds: [first, ...updates, ...(revoked ? ['REVOKED'] : [])], linked: !revoked };
}

/** A topic's name: its department, and whoever may read an entry about it. */
export function mayReadTopic(caller: Caller, topic: ModelTopic, entries: ModelEntry[]): boolean {
  if (caller.roles.includes('admin')) return true;
  if (caller.sub !== null && caller.department === topic.departmentSlug) return true;
  return entries.some((entry) => entry.topicIds.includes(topic.key) && mayRead(caller, entry));
}

/**
 * Entries `relatedKnowledge(start, depth)` may return: reachable over RELATED_TO (either
 * direction) in 1..depth hops through entries the caller may read, the start included.
 */
export function reachable(
  caller: Caller,
  start: string,
  depth: number,
  edges: Map<string, Set<string>>,
  byId: Map<string, ModelEntry>,
): Set<string> {
  const visible = (id: string) => {
    const entry = byId.get(id);
    return entry !== undefined && mayRead(caller, entry);
  };
  const found = new Set<string>();
  if (!visible(start)) return found;
  // Simple paths only, as Cypher's variable-length patterns (no relationship twice) allow.
  const walk = (id: string, hops: number, path: Set<string>) => {
    if (hops === depth) return;
    for (const next of edges.get(id) ?? []) {
      if (path.has(next) || !visible(next)) continue;
      if (next !== start) found.add(next);
      path.add(next);
      walk(next, hops + 1, path);
      path.delete(next);
    }
  };
  walk(start, 0, new Set([start]));
  return found;
}

/** A seeded PRNG (mulberry32): the same seed makes the same organization and queries. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

export function sample<T>(random: () => number, items: readonly T[], chance: number): T[] {
  return items.filter(() => random() < chance);
}
