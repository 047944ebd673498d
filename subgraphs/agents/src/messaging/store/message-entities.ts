import { BigIntType, EntitySchema, type OptionalProps } from '@mikro-orm/core';
import type { DeliveryKind, MessageTopic } from '../domain/message-plan.js';
import type { Hop } from '../domain/message-route.js';

export interface MessageRecord {
  /** Postgres assigns `seq` on insert. */
  [OptionalProps]?: 'seq';
  /** Order of sending; inbox cursors are built on it. */
  seq: number;
  id: string;
  topic: MessageTopic;
  fromAgentId: string;
  /** The addressee of a DIRECT message. */
  toAgentId: string | null;
  /** The sender's department when the message was sent. */
  departmentId: string;
  body: string;
  /** The hops of a DIRECT or RADIAL message, as it travelled. */
  path: Hop[] | null;
  relayAgentIds: string[];
  recipientCount: number;
  createdAt: Date;
}

/** One agent's inbox entry for one message. */
export interface MessageDeliveryRecord {
  agentId: string;
  kind: DeliveryKind;
  messageSeq: number;
  /** Copied from the message, so a topic filter is served by an index too. */
  topic: MessageTopic;
}

export const MessageEntity = new EntitySchema<MessageRecord>({
  name: 'Message',
  tableName: 'messages',
  properties: {
    // JS numbers hold sequence numbers exactly up to 2^53; cursors carry up to 9 digits.
    seq: { type: new BigIntType('number'), primary: true, autoincrement: true },
    id: { type: 'uuid', unique: true },
    topic: { type: 'text' },
    fromAgentId: { type: 'uuid', fieldName: 'from_agent_id' },
    toAgentId: { type: 'uuid', fieldName: 'to_agent_id', nullable: true },
    departmentId: { type: 'uuid', fieldName: 'department_id' },
    body: { type: 'text' },
    path: { type: 'json', nullable: true },
    relayAgentIds: { type: 'json', fieldName: 'relay_agent_ids' },
    recipientCount: { type: 'integer', fieldName: 'recipient_count' },
    createdAt: { type: 'Date', fieldName: 'created_at', defaultRaw: 'now()' },
  },
});

export const MessageDeliveryEntity = new EntitySchema<MessageDeliveryRecord>({
  name: 'MessageDelivery',
  tableName: 'message_deliveries',
  properties: {
    agentId: { type: 'uuid', fieldName: 'agent_id', primary: true },
    kind: { type: 'text', primary: true },
    messageSeq: { type: new BigIntType('number'), fieldName: 'message_seq', primary: true },
    topic: { type: 'text' },
  },
});
