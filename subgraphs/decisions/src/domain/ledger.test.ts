import { describe, expect, it } from 'vitest';
import {
  ballotDigest,
  canonicalJson,
  entryHash,
  genesisHash,
  verifyLedger,
  type LedgerEntry,
  type LedgerKind,
} from './ledger.js';

const proposalId = '00000000-0000-4000-8000-000000000001';

function chain(contents: [LedgerKind, Record<string, unknown>][]): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  let previousHash = genesisHash;
  contents.forEach(([kind, content], i) => {
    const at = new Date(Date.UTC(2026, 11, 3, 6, 0, i)).toISOString();
    const payload = canonicalJson(content);
    const hash = entryHash(previousHash, i + 1, kind, at, payload);
    entries.push({ proposalId, position: i + 1, kind, at, payload, previousHash, hash });
    previousHash = hash;
  });
  return entries;
}

const ballot = { choice: 'APPROVE', confidence: 0.8, rationale: 'good for the team' };
const vote = { id: 'v1', ...ballot, updatedAt: new Date(Date.UTC(2026, 11, 3, 6, 0, 5)) };
const round = {
  round: 1,
  support: 0.91,
  intervalLow: 0.8,
  intervalHigh: 0.97,
  margin: 0.21,
  participation: 1,
  decision: 'ACCEPTED',
  closedAt: new Date(Date.UTC(2026, 11, 3, 6, 0, 6)),
};
const entries = chain([
  ['CREATED', { title: 'Four-day week' }],
  ['OPENED', { threshold: 0.7 }],
  ['VOTE', { voteId: 'v1', ballot: ballotDigest(ballot) }],
  ['ROUND_CLOSED', { ...round, closedAt: undefined, because: 'every stakeholder voted' }],
  ['TRANSITION', { from: 'OPEN', to: 'ACCEPTED' }],
]);
const records = { votes: [vote], rounds: [round] };

describe('canonicalJson', () => {
  it('writes one text per value: keys sorted at every depth, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: null, e: 'x' }], c: true } })).toBe(
      '{"a":{"c":true,"d":[2,{"e":"x","f":null}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson({ a: undefined, b: Number.NaN })).toBe('{"b":null}');
  });
});

describe('verifyLedger', () => {
  it('accepts an intact chain whose votes and rounds match their entries', () => {
    expect(verifyLedger(entries, records)).toEqual({
      valid: true,
      entries: 5,
      head: entries[4]?.hash,
      brokenAt: null,
      problem: null,
    });
  });

  it('finds an edited entry, a removed one and a reordered pair', () => {
    const edited = entries.map((e, i) =>
      i === 1 ? { ...e, payload: canonicalJson({ threshold: 0.6 }) } : e,
    );
    expect(verifyLedger(edited, records)).toMatchObject({ valid: false, brokenAt: 2 });
    const removed = [...entries.slice(0, 2), ...entries.slice(3)];
    expect(verifyLedger(removed, records)).toMatchObject({ valid: false, brokenAt: 3 });
    const swapped = [entries[0], entries[2], entries[1], entries[3], entries[4]] as LedgerEntry[];
    expect(verifyLedger(swapped, records)).toMatchObject({ valid: false, brokenAt: 2 });
    // Rehashing an edit does not help: the next entry still names the old hash.
    const rehashed = entries.map((e, i) => {
      if (i !== 1) return e;
      const payload = canonicalJson({ threshold: 0.6 });
      return { ...e, payload, hash: entryHash(e.previousHash, 2, e.kind, e.at, payload) };
    });
    expect(verifyLedger(rehashed, records)).toMatchObject({ valid: false, brokenAt: 3 });
  });

  it('finds a vote or a round result changed in place, and a vote the ledger never saw', () => {
    const changedVote = { votes: [{ ...vote, choice: 'REJECT' }], rounds: [round] };
    expect(verifyLedger(entries, changedVote)).toMatchObject({
      valid: false,
      brokenAt: 3,
      problem: 'vote v1 differs from its ledger entry',
    });
    const changedRound = { votes: [vote], rounds: [{ ...round, support: 0.99 }] };
    expect(verifyLedger(entries, changedRound)).toMatchObject({ valid: false, brokenAt: 4 });
    const unseen = { votes: [vote, { ...vote, id: 'v2' }], rounds: [round] };
    expect(verifyLedger(entries, unseen)).toMatchObject({
      valid: false,
      problem: 'vote v2 has no ledger entry',
    });
  });

  it('does not hold records older than the chain against it', () => {
    const old = { ...vote, id: 'v0', updatedAt: new Date(Date.UTC(2026, 0, 1)) };
    expect(verifyLedger(entries, { votes: [old, vote], rounds: [round] }).valid).toBe(true);
    expect(verifyLedger([], { votes: [old], rounds: [] })).toMatchObject({
      valid: true,
      entries: 0,
    });
  });
});
