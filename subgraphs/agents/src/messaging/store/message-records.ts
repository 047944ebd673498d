import type { MessageTopic } from '../domain/message-plan.js';
import type { Hop } from '../domain/message-route.js';

export interface MessageRecord {
  /** Order of sending, assigned by Postgres on insert; inbox cursors are built on it. */
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
