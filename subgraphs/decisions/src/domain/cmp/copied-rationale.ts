import type { BiasParams } from './bias-params.js';
import type { Ballot, BiasFinding } from './contracts.js';
import { sequenceKey, shortSequenceKey, wordHashes } from './word-hashes.js';

/**
 * Copied rationales in one round: Jaccard similarity |A ∩ B| / |A ∪ B| of the sets of word
 * shingles (Broder 1997) after lower-casing and dropping punctuation; pairs at or above
 * `copiedSimilarity` are linked and linked rationales form a group. Identical normalised texts are
 * grouped by key (and compared word by word); near-copies are found through an inverted index of
 * shingles, so unrelated rationales cost nothing. Shingles are compared by 30-bit hashes
 * (`word-hashes.ts`): a collision can only add one shared shingle to a pair. Shingles found in
 * more than `boilerplateShare` of the round's distinct rationales are a template's, not a copy's
 * (the document-frequency cut of IR stop-word removal, e.g. Manning et al., "Introduction to
 * Information Retrieval", §2.2.2), and are left out of both sets before comparing. A copy says
 * nothing about independent judgement: ask for a re-vote.
 */
export function detectCopiedRationales(
  ballots: readonly Ballot[],
  params: BiasParams,
): BiasFinding[] {
  const distinct = distinctTexts(ballots, params);
  const shingles = distinct.map((t) => shingleKeys(t.words, params.shingleWords));
  const links = nearCopies(dropBoilerplate(shingles, params), params);
  return linkedGroups(distinct, links).map((g) => ({
    kind: 'COPIED_RATIONALE',
    agentIds: g.agentIds,
    evidence:
      `${g.agentIds.length} agents gave ${g.texts === 1 ? 'the same rationale' : `${g.texts} near-identical rationales`} ` +
      `(Jaccard similarity of ${params.shingleWords}-word shingles ${g.min.toFixed(2)}; cut-off ≥ ` +
      `${params.copiedSimilarity.toFixed(2)}). Ask each for an independent re-vote.`,
    mitigation: 'REVOTE',
  }));
}

interface Text {
  words: number[];
  agentIds: string[];
}

/** The round's rationales long enough to judge, identical ones merged (compared word by word). */
function distinctTexts(ballots: readonly Ballot[], params: BiasParams): Text[] {
  const byKey = new Map<number, Text[]>();
  const distinct: Text[] = [];
  for (const b of ballots) {
    if (!b.rationale) continue;
    const words = wordHashes(b.rationale);
    if (words.length < params.copiedMinWords) continue;
    const key = sequenceKey(words, 0, words.length);
    const bucket = byKey.get(key);
    const same = bucket?.find((t) => sameWords(t.words, words));
    if (same) {
      if (!same.agentIds.includes(b.agentId)) same.agentIds.push(b.agentId);
      continue;
    }
    const text = { words, agentIds: [b.agentId] };
    distinct.push(text);
    if (bucket) bucket.push(text);
    else byKey.set(key, [text]);
  }
  return distinct;
}

/** Groups of two or more agents: shared texts, joined through near-copy links (union–find). */
function linkedGroups(
  distinct: readonly Text[],
  links: readonly [number, number, number][],
): { agentIds: string[]; texts: number; min: number }[] {
  const parent = new Map<number, number>();
  const root = (i: number): number => {
    let r = i;
    for (let up = parent.get(r); up !== undefined && up !== r; up = parent.get(r)) r = up;
    for (let at = i; at !== r;) {
      const up = parent.get(at) ?? r;
      parent.set(at, r);
      at = up;
    }
    return r;
  };
  for (const [i, j] of links) {
    const a = root(i);
    const b = root(j);
    parent.set(a, b);
    parent.set(b, b);
  }
  const groups = new Map<number, { agentIds: string[]; texts: number; min: number }>();
  distinct.forEach((text, i) => {
    if (text.agentIds.length < 2 && !parent.has(i)) return;
    const r = root(i);
    const g = groups.get(r) ?? { agentIds: [], texts: 0, min: 1 };
    g.agentIds.push(...text.agentIds);
    g.texts++;
    groups.set(r, g);
  });
  for (const [i, , similarity] of links) {
    const g = groups.get(root(i));
    if (g) g.min = Math.min(g.min, similarity);
  }
  return [...groups.values()].filter((g) => g.agentIds.length > 1);
}

function sameWords(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/**
 * The shingle sets without the shingles more than `boilerplateShare` of them contain (once there
 * are `boilerplateMinTexts` sets to judge by): text every agent's template writes.
 */
function dropBoilerplate(sets: readonly Int32Array[], params: BiasParams): Int32Array[] {
  if (sets.length < params.boilerplateMinTexts) return [...sets];
  const frequency = new Map<number, number>();
  for (const set of sets) for (const key of set) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  const limit = params.boilerplateShare * sets.length;
  return sets.map((set) => set.filter((key) => (frequency.get(key) ?? 0) <= limit));
}

/** A text's distinct shingle keys, sorted. */
function shingleKeys(words: readonly number[], size: number): Int32Array {
  const keys = new Int32Array(Math.max(0, words.length - size + 1));
  for (let i = 0; i < keys.length; i++) keys[i] = shortSequenceKey(words, i, i + size);
  keys.sort();
  let unique = 0;
  for (let i = 0; i < keys.length; i++) {
    if (i === 0 || keys[i] !== keys[i - 1]) keys[unique++] = keys[i] ?? 0;
  }
  return keys.subarray(0, unique);
}

/**
 * Pairs of distinct texts at or above the cut-off, with their similarity. The inverted index is a
 * sorted array of (shingle, text) packed into one number each: runs of one shingle list the texts
 * sharing it, and nothing is allocated per shingle.
 */
function nearCopies(sets: readonly Int32Array[], params: BiasParams): [number, number, number][] {
  const n = sets.length;
  let total = 0;
  for (const set of sets) total += set.length;
  const entries = new Float64Array(total);
  let next = 0;
  sets.forEach((set, i) => {
    for (const shingle of set) entries[next++] = shingle * textSlots + i;
  });
  entries.sort();
  const shared = new Map<number, number>();
  for (let start = 0; start < total;) {
    const shingle = Math.floor((entries[start] ?? 0) / textSlots);
    let end = start + 1;
    while (end < total && Math.floor((entries[end] ?? 0) / textSlots) === shingle) end++;
    if (end - start > 1 && end - start <= params.maxShingleSharing) {
      for (let a = start; a < end; a++) {
        for (let b = a + 1; b < end; b++) {
          const key = ((entries[a] ?? 0) % textSlots) * n + ((entries[b] ?? 0) % textSlots);
          shared.set(key, (shared.get(key) ?? 0) + 1);
        }
      }
    }
    start = end;
  }
  const links: [number, number, number][] = [];
  for (const [key, common] of shared) {
    const i = Math.floor(key / n);
    const j = key % n;
    const similarity = common / ((sets[i]?.length ?? 0) + (sets[j]?.length ?? 0) - common);
    if (similarity >= params.copiedSimilarity) links.push([i, j, similarity]);
  }
  return links;
}

/** Texts per round the packed index can tell apart: 30-bit shingle × 2²² texts < 2⁵³. */
const textSlots = 4_194_304;
