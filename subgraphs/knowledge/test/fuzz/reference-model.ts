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
