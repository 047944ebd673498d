import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  AuditEntry,
  AuditEntryDraft,
  AuditOperationType,
  AuditOutcome,
} from '../domain/audit-entry.js';
import type { AuditLogFilter, AuditLogKey } from '../domain/audit-page.js';

const schema = 'metrics';
const table = 'audit_log';

/** A row as Postgres returns it; MikroORM's driver keeps timestamps as text. */
interface AuditRow {
  id: string;
  occurred_at: string | Date;
  recorded_at: string | Date;
  subject: string | null;
  roles: string[];
  department: string | null;
  client_ip: string | null;
  operation_type: AuditOperationType | null;
  operation_name: string | null;
  document_sha256: string | null;
  document: string | null;
  outcome: AuditOutcome;
  code: string | null;
  http_status: number | null;
  duration_ms: number | null;
  request_id: string | null;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    occurredAt: new Date(row.occurred_at),
    recordedAt: new Date(row.recorded_at),
    subject: row.subject,
    roles: row.roles,
    department: row.department,
    clientIp: row.client_ip,
    operationType: row.operation_type,
    operationName: row.operation_name,
    documentSha256: row.document_sha256,
    document: row.document,
    outcome: row.outcome,
    code: row.code,
    httpStatus: row.http_status,
    durationMs: row.duration_ms,
    requestId: row.request_id,
  };
}

function toRow(entry: AuditEntryDraft): Omit<AuditRow, 'recorded_at'> {
  return {
    id: entry.id,
    occurred_at: entry.occurredAt,
    subject: entry.subject,
    roles: [...entry.roles],
    department: entry.department,
    client_ip: entry.clientIp,
    operation_type: entry.operationType,
    operation_name: entry.operationName,
    document_sha256: entry.documentSha256,
    document: entry.document,
    outcome: entry.outcome,
    code: entry.code,
    http_status: entry.httpStatus,
    duration_ms: entry.durationMs,
    request_id: entry.requestId,
  };
}

/** The audit log in Postgres (append-only: the table's trigger refuses UPDATE and DELETE). */
export class AuditLogRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Inserts the entries in one statement; an entry whose id is already stored is skipped (ON
   * CONFLICT DO NOTHING), so a retried batch changes nothing. Returns how many rows were new.
   */
  async append(entries: readonly AuditEntryDraft[]): Promise<number> {
    if (entries.length === 0) return 0;
    const inserted: unknown[] = await this.em
      .getKnex()
      .withSchema(schema)
      .table(table)
      .insert(entries.map(toRow))
      .onConflict('id')
      .ignore()
      .returning('id');
    return inserted.length;
  }

  /**
   * Up to `limit` entries matching `filter`, newest first (occurredAt, then id), after `after`.
   * Keyset pagination: the row comparison starts an index range scan at the cursor, so a late
   * page costs what the first does.
   */
  async page(
    filter: AuditLogFilter,
    limit: number,
    after: AuditLogKey | null,
  ): Promise<AuditEntry[]> {
    const rows = await this.em
      .getKnex()
      .withSchema(schema)
      .from(table)
      .select<AuditRow[]>('*')
      .modify((query) => {
        if (filter.subject !== undefined) void query.where('subject', filter.subject);
        if (filter.outcome !== undefined) void query.where('outcome', filter.outcome);
        if (filter.code !== undefined) void query.where('code', filter.code);
        if (filter.operationType !== undefined) {
          void query.where('operation_type', filter.operationType);
        }
        if (filter.since) void query.where('occurred_at', '>=', filter.since);
        if (filter.until) void query.where('occurred_at', '<', filter.until);
        if (after) {
          void query.whereRaw('(occurred_at, id) < (?, ?::uuid)', [after.occurredAt, after.id]);
        }
      })
      .orderBy([
        { column: 'occurred_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(toEntry);
  }
}
