import type { OptionalProps } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { isUuid } from '../../organization/domain/ids.js';
import { MessageTopic, type DeliveryKind } from '../domain/message-plan.js';
import {
  MessageDeliveryEntity,
  MessageEntity,
  type MessageDeliveryRecord,
  type MessageRecord,
} from './message-entities.js';

export type MessageDraft = Omit<MessageRecord, 'seq' | typeof OptionalProps>;

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

/** Messages and inboxes; one instance per request, on that request's EntityManager fork. */
export class MessageRepository {
  constructor(private readonly em: EntityManager) {}

  /** Stores the message and its inbox entries in one transaction: all of it or nothing. */
  create(
    draft: MessageDraft,
    entries: readonly { agentId: string; kind: DeliveryKind }[],
  ): Promise<MessageRecord> {
    return this.em.transactional(async (tx) => {
      const seq = Number(await tx.insert<MessageRecord>(MessageEntity, draft));
      await tx.insertMany(
        MessageDeliveryEntity,
        entries.map((entry) => ({ ...entry, messageSeq: seq, topic: draft.topic })),
      );
      return { ...draft, seq };
    });
  }

  /** One agent's inbox entries of one kind, newest first: a range scan of its index. */
  async inbox(agentId: string, query: InboxQuery): Promise<MessageList> {
    const where: FilterQuery<MessageDeliveryRecord> = {
      agentId,
      kind: query.kind,
      ...(query.topic ? { topic: query.topic } : {}),
    };
    const entries = await this.em.find(
      MessageDeliveryEntity,
      { ...where, ...(query.beforeSeq === null ? {} : { messageSeq: { $lt: query.beforeSeq } }) },
      { orderBy: { messageSeq: 'desc' }, limit: query.limit, disableIdentityMap: true },
    );
    return {
      messages: await this.bySeqs(entries.map((entry) => entry.messageSeq)),
      totalCount: await this.em.count(MessageDeliveryEntity, where),
    };
  }

  /** What reached the hub: RADIAL messages, newest first (a partial index serves it). */
  async hubInbox(query: Omit<InboxQuery, 'kind' | 'topic'>): Promise<MessageList> {
    const where = { topic: MessageTopic.RADIAL };
    const messages = await this.em.find(
      MessageEntity,
      { ...where, ...(query.beforeSeq === null ? {} : { seq: { $lt: query.beforeSeq } }) },
      { orderBy: { seq: 'desc' }, limit: query.limit, disableIdentityMap: true },
    );
    return { messages, totalCount: await this.em.count(MessageEntity, where) };
  }

  /** The message `messageId` if `agentId` received it, or else the latest one it received. */
  async received(agentId: string, messageId: string | null): Promise<MessageRecord | null> {
    if (messageId !== null && !isUuid(messageId)) return null;
    const message =
      messageId === null
        ? null
        : await this.em.findOne(MessageEntity, { id: messageId }, { disableIdentityMap: true });
    if (messageId !== null && !message) return null;
    const [entry] = await this.em.find(
      MessageDeliveryEntity,
      { agentId, kind: 'RECEIVED', ...(message ? { messageSeq: message.seq } : {}) },
      { orderBy: { messageSeq: 'desc' }, limit: 1, disableIdentityMap: true },
    );
    if (!entry) return null;
    return message ?? (await this.bySeqs([entry.messageSeq]))[0] ?? null;
  }

  private bySeqs(seqs: readonly number[]): Promise<MessageRecord[]> {
    if (seqs.length === 0) return Promise.resolve([]);
    return this.em.find(
      MessageEntity,
      { seq: { $in: [...seqs] } },
      { orderBy: { seq: 'desc' }, disableIdentityMap: true },
    );
  }
}
