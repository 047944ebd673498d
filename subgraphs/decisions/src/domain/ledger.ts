import { createHash } from 'node:crypto';

/**
 * The tamper-evident decision ledger (ARCHITECTURE §1): every proposal keeps an append-only chain
 * of entries — its creation, opening (threshold and weighted stakeholders), every accepted vote,
 * every round's result, every transition and its recorded outcome — each entry hashing the one
 * before it:
 *
 *   hash_n = SHA-256(hash_{n−1} ‖ "\n" ‖ n ‖ "\n" ‖ kind ‖ "\n" ‖ at ‖ "\n" ‖ payload)
 *
 * with hash_0 = 64 zeros and `payload` canonical JSON (keys sorted, no whitespace), stored as the
 * exact text that was hashed. Changing, removing or reordering any entry breaks every hash after
 * it; `verifyLedger` also checks the stored votes and round results against their entries, so an
 * edit to a vote or a result in place is caught too. The chain head (`Proposal.ledgerHead`) is
 * the value to record elsewhere (transition events carry it too): a chain cut back to an earlier
 * head verifies on its own, but not against a head recorded after it (`knownHead`).
 * A vote's entry holds a digest of its ballot, not the ballot, so the ledger never unseals a
 * blind round.
 */
export const LedgerKind = {
  CREATED: 'CREATED',
  OPENED: 'OPENED',
  VOTE: 'VOTE',
  ROUND_CLOSED: 'ROUND_CLOSED',
  TRANSITION: 'TRANSITION',
  OUTCOME: 'OUTCOME',
} as const;
export type LedgerKind = (typeof LedgerKind)[keyof typeof LedgerKind];

export const genesisHash = '0'.repeat(64);

export interface LedgerEntry {
  proposalId: string;
  /** 1, 2, … within the proposal's chain. */
  position: number;
  kind: LedgerKind;
  /** ISO-8601 instant the entry was written (hashed as this exact text). */
  at: string;
  /** Canonical JSON of the entry's content. */
  payload: string;
  previousHash: string;
  hash: string;
}

/** JSON with object keys sorted at every depth and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function entryHash(
  previousHash: string,
  position: number,
  kind: string,
  at: string,
  payload: string,
): string {
  return sha256(`${previousHash}\n${position}\n${kind}\n${at}\n${payload}`);
}

/** What a vote entry commits to: a digest of the ballot (choice, confidence, rationale). */
export function ballotDigest(ballot: {
  choice: string;
  confidence: number;
  rationale: string | null;
}): string {
  return sha256(
    canonicalJson({
      choice: ballot.choice,
      confidence: ballot.confidence,
      rationale: ballot.rationale,
    }),
  );
}

/** A closed round's stored figures, as its ROUND_CLOSED entry records them. */
export interface RoundFigures {
  round: number;
  support: number | null;
  intervalLow: number | null;
  intervalHigh: number | null;
  margin: number | null;
  participation: number | null;
  decision: string | null;
}

export interface LedgerVerification {
  valid: boolean;
  entries: number;
  /** The last entry's hash (the chain head); null for an empty ledger. */
  head: string | null;
  /** The first position whose entry (or the record it covers) fails the check. */
  brokenAt: number | null;
  problem: string | null;
}

/**
 * Recomputes the chain and compares the stored records with the entries covering them: each
 * current vote with the digest of its latest VOTE entry, each closed round with its ROUND_CLOSED
 * entry.
 */
export function verifyLedger(
  entries: readonly LedgerEntry[],
  records: {
    votes: readonly {
      id: string;
      choice: string;
      confidence: number;
      rationale: string | null;
      /** When the vote was last accepted. */
      updatedAt: Date;
    }[];
    rounds: readonly (RoundFigures & { closedAt: Date | null })[];
    /** A head recorded elsewhere earlier: the chain must still hold it (not be cut back). */
    knownHead?: string | null | undefined;
  } = { votes: [], rounds: [] },
): LedgerVerification {
  const broken = (position: number, problem: string): LedgerVerification => ({
    valid: false,
    entries: entries.length,
    head: entries.at(-1)?.hash ?? null,
    brokenAt: position,
    problem,
  });
  let previous = genesisHash;
  const lastVote = new Map<string, { position: number; digest: string }>();
  const roundEntries = new Map<number, { position: number; payload: Record<string, unknown> }>();
  for (const [index, entry] of entries.entries()) {
    const position = index + 1;
    if (entry.position !== position) {
      return broken(position, `entry ${entry.position} stands where entry ${position} belongs`);
    }
    if (entry.previousHash !== previous) {
      return broken(position, `entry ${position} does not follow the hash of entry ${index}`);
    }
    if (entryHash(previous, position, entry.kind, entry.at, entry.payload) !== entry.hash) {
      return broken(position, `entry ${position}'s content does not match its hash`);
    }
    previous = entry.hash;
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(entry.payload) as Record<string, unknown>;
    } catch {
      return broken(position, `entry ${position}'s payload is not JSON`);
    }
    if (entry.kind === LedgerKind.VOTE && typeof payload['voteId'] === 'string') {
      lastVote.set(payload['voteId'], { position, digest: String(payload['ballot']) });
    }
    if (entry.kind === LedgerKind.ROUND_CLOSED && typeof payload['round'] === 'number') {
      roundEntries.set(payload['round'], { position, payload });
    }
  }
  if (records.knownHead && !entries.some((entry) => entry.hash === records.knownHead)) {
    return broken(
      entries.length + 1,
      `the chain no longer holds the recorded head ${records.knownHead.slice(0, 12)}…`,
    );
  }
  // Records written before the proposal's chain began (a proposal older than the ledger) have no
  // entry to compare with; everything after the first entry must have one.
  const since = entries[0] ? Date.parse(entries[0].at) : Number.POSITIVE_INFINITY;
  for (const vote of records.votes) {
    if (vote.updatedAt.getTime() < since) continue;
    const entry = lastVote.get(vote.id);
    if (!entry) return broken(entries.length + 1, `vote ${vote.id} has no ledger entry`);
    if (entry.digest !== ballotDigest(vote)) {
      return broken(entry.position, `vote ${vote.id} differs from its ledger entry`);
    }
  }
  for (const round of records.rounds) {
    if (!round.closedAt || round.closedAt.getTime() < since) continue;
    const entry = roundEntries.get(round.round);
    if (!entry) return broken(entries.length + 1, `round ${round.round} has no ledger entry`);
    const stored = roundPayload(round);
    const recorded = Object.fromEntries(
      Object.keys(stored).map((key) => [key, entry.payload[key] ?? null]),
    );
    if (canonicalJson(recorded) !== canonicalJson(stored)) {
      return broken(entry.position, `round ${round.round}'s result differs from its ledger entry`);
    }
  }
  return {
    valid: true,
    entries: entries.length,
    head: entries.at(-1)?.hash ?? null,
    brokenAt: null,
    problem: null,
  };
}

/** The figures of a closed round an entry records (and verification compares). */
export function roundPayload(round: RoundFigures): Record<string, unknown> {
  return {
    round: round.round,
    support: round.support,
    intervalLow: round.intervalLow,
    intervalHigh: round.intervalHigh,
    margin: round.margin,
    participation: round.participation,
    decision: round.decision,
  };
}
