import type { EntityManager } from '@mikro-orm/postgresql';
import {
  dateOf,
  isUuid,
  requestConnection,
  runSqlTransaction,
  uuidArrayLiteral,
  type ParseDate,
  type SqlConnection,
} from '@daena/platform';
import { MessageTopic, type DeliveryKind } from '../domain/message-plan.js';
import type { MessageRecord } from './message-records.js';

export type MessageDraft = Omit<MessageRecord, 'seq'> & {
  /** A relay's key (knowledge's outbox record): at most one message is stored per key. */
  idempotencyKey?: string | null;
};

/** A stored message, and whether this call stored it or found it stored under its key. */
export interface StoredMessage {
  message: MessageRecord;
  created: boolean;
}

export interface InboxQuery {
  kind: DeliveryKind;
  topic: MessageTopic | null;
  /** Rows to read: one more than the page size tells whether a next page exists. */
  limit: number;
  /** Only messages older than this sequence number (the cursor of the page before). */
  beforeSeq: number | null;
}

export interface MessageList {
  messages: MessageRecord[];
  totalCount: number;
}

const messageColumns = `m.seq, m.id, m.topic, m.from_agent_id, m.to_agent_id, m.department_id,
  m.body, m.path, m.relay_agent_ids, m.recipient_count, m.created_at`;

interface MessageRow {
  /** bigint: the driver returns a string. */
  seq: string;
  id: string;
  topic: MessageTopic;
  from_agent_id: string;
  to_agent_id: string | null;
  department_id: string;
  body: string;
  path: MessageRecord['path'];
  relay_agent_ids: string[];
  recipient_count: number;
  created_at: Date | string;
}

/** Messages and inboxes; one instance per request, on that request's EntityManager fork. */
export class MessageRepository {
  private readonly sql: SqlConnection;

  constructor(private readonly em: EntityManager) {
    this.sql = requestConnection(em);
  }

  /**
   * Stores the message and its inbox entries in one transaction: all of it or nothing. A draft
   * whose key is already stored (a relay sent again, or two sends racing: the unique index makes
   * the second wait for the first) stores nothing and gets the stored message back.
   */
  create(
    draft: MessageDraft,
    entries: readonly { agentId: string; kind: DeliveryKind }[],
  ): Promise<StoredMessage> {
    const { idempotencyKey = null, ...record } = draft;
    return runSqlTransaction(this.em, async (sql) => {
      const [inserted] = await sql.rows<{ seq: string }>(
        `insert into agents.messages (id, topic, from_agent_id, to_agent_id, department_id, body,
           path, relay_agent_ids, recipient_count, created_at, idempotency_key)
         values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)
         on conflict (idempotency_key) where idempotency_key is not null do nothing
         returning seq`,
        [
          draft.id,
          draft.topic,
          draft.fromAgentId,
          draft.toAgentId,
          draft.departmentId,
          draft.body,
          draft.path === null ? null : JSON.stringify(draft.path),
          JSON.stringify(draft.relayAgentIds),
          draft.recipientCount,
          draft.createdAt,
          idempotencyKey,
        ],
      );
      if (!inserted) {
        // Only a set key conflicts, and the row holding it is committed by now.
        const stored = await messageByKey(sql, idempotencyKey ?? '');
        if (!stored) throw new Error('A message conflicted on a key that no message holds');
        return { message: stored, created: false };
      }
      const seq = Number(inserted.seq);
      if (entries.length > 0) {
        // Two arrays bound as two parameters, however many recipients (one statement).
        await sql.rows(
          `insert into agents.message_deliveries (agent_id, kind, message_seq, topic)
           select entry.agent_id, entry.kind, ?, ? from unnest(?::uuid[], ?::text[])
             as entry (agent_id, kind)`,
          [
            seq,
            draft.topic,
            uuidArrayLiteral(entries.map((entry) => entry.agentId)),
            `{${entries.map((entry) => entry.kind).join(',')}}`,
          ],
        );
      }
      return { message: { ...record, seq }, created: true };
    });
  }

  /** The message stored under a relay's key, if any. */
  byIdempotencyKey(key: string): Promise<MessageRecord | null> {
    return messageByKey(this.sql, key);
  }

  /** One agent's inbox entries of one kind, newest first: a range scan of its index. */
  async inbox(agentId: string, query: InboxQuery): Promise<MessageList> {
    const where = ['d.agent_id = ?', 'd.kind = ?'];
    const bindings: unknown[] = [agentId, query.kind];
    if (query.topic) {
      where.push('d.topic = ?');
      bindings.push(query.topic);
    }
    const before = query.beforeSeq === null ? [] : [query.beforeSeq];
    const [rows, totalCount] = await Promise.all([
      this.sql.rows<MessageRow>(
        `select ${messageColumns} from agents.message_deliveries d
           join agents.messages m on m.seq = d.message_seq
          where ${where.join(' and ')} ${before.length ? 'and d.message_seq < ?' : ''}
          order by d.message_seq desc limit ?`,
        [...bindings, ...before, query.limit],
      ),
      this.count(`agents.message_deliveries d where ${where.join(' and ')}`, bindings),
    ]);
    return { messages: this.records(rows), totalCount };
  }

  /** What reached the hub: RADIAL messages, newest first (a partial index serves it). */
  async hubInbox(query: Omit<InboxQuery, 'kind' | 'topic'>): Promise<MessageList> {
    const radial = `m.topic = '${MessageTopic.RADIAL}'`;
    const before = query.beforeSeq === null ? [] : [query.beforeSeq];
    const [rows, totalCount] = await Promise.all([
      this.sql.rows<MessageRow>(
        `select ${messageColumns} from agents.messages m
          where ${radial} ${before.length ? 'and m.seq < ?' : ''}
          order by m.seq desc limit ?`,
        [...before, query.limit],
      ),
      this.count(`agents.messages m where ${radial}`, []),
    ]);
    return { messages: this.records(rows), totalCount };
  }

  /** The message `messageId` if `agentId` received it, or else the latest one it received. */
  async received(agentId: string, messageId: string | null): Promise<MessageRecord | null> {
    if (messageId !== null && !isUuid(messageId)) return null;
    const byId = messageId === null ? [] : [messageId];
    const rows = await this.sql.rows<MessageRow>(
      `select ${messageColumns} from agents.message_deliveries d
         join agents.messages m on m.seq = d.message_seq
        where d.agent_id = ? and d.kind = 'RECEIVED' ${byId.length ? 'and m.id = ?' : ''}
        order by d.message_seq desc limit 1`,
      [agentId, ...byId],
    );
    return this.records(rows)[0] ?? null;
  }

  private async count(from: string, bindings: unknown[]): Promise<number> {
    const [row] = await this.sql.rows<{ count: string }>(
      `select count(*) as count from ${from}`,
      bindings,
    );
    return Number(row?.count ?? 0);
  }

  private records(rows: readonly MessageRow[]): MessageRecord[] {
    return rows.map((row) => messageFromRow(row, this.sql.parseDate));
  }
}

async function messageByKey(sql: SqlConnection, key: string): Promise<MessageRecord | null> {
  const [row] = await sql.rows<MessageRow>(
    `select ${messageColumns} from agents.messages m where m.idempotency_key = ?`,
    [key],
  );
  return row ? messageFromRow(row, sql.parseDate) : null;
}

function messageFromRow(row: MessageRow, parseDate: ParseDate): MessageRecord {
  return {
    seq: Number(row.seq),
    id: row.id,
    topic: row.topic,
    fromAgentId: row.from_agent_id,
    toAgentId: row.to_agent_id,
    departmentId: row.department_id,
    body: row.body,
    path: row.path,
    relayAgentIds: row.relay_agent_ids,
    recipientCount: row.recipient_count,
    createdAt: dateOf(parseDate, row.created_at),
  };
}
