import {
  canonicalJson,
  entryHash,
  genesisHash,
  type LedgerEntry,
  type LedgerKind,
} from '../domain/ledger.js';
import type { SqlConnection } from '@daena/platform';

/**
 * Appends to a proposal's chain (`domain/ledger.ts`) inside the caller's transaction, which holds
 * the proposal's lock (or created the proposal): entries of one proposal are written one at a
 * time, and the primary key (proposal, position) refuses a fork even if a writer forgot the lock.
 */
export class LedgerWrites {
  constructor(private readonly sql: SqlConnection) {}

  async append(
    proposalId: string,
    kind: LedgerKind,
    content: Record<string, unknown>,
  ): Promise<LedgerEntry> {
    // The database's clock, as the rows the entry covers are stamped by it (ISO-8601, µs, UTC).
    const [head] = await this.sql.rows<{
      position: number | null;
      hash: string | null;
      at: string;
    }>(
      `select h.position, h.hash,
              to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
         from (select 1) one
         left join lateral (
           select position, hash from decisions.ledger
            where proposal_id = ? order by position desc limit 1) h on true`,
      [proposalId],
    );
    const position = (head?.position ?? 0) + 1;
    const previousHash = head?.hash ?? genesisHash;
    const at = head?.at ?? new Date().toISOString();
    const payload = canonicalJson(content);
    const hash = entryHash(previousHash, position, kind, at, payload);
    await this.sql.rows(
      `insert into decisions.ledger (proposal_id, position, kind, at, payload, previous_hash, hash)
       values (?, ?, ?, ?, ?, ?, ?)`,
      [proposalId, position, kind, at, payload, previousHash, hash],
    );
    return { proposalId, position, kind, at, payload, previousHash, hash };
  }
}
