import { randomUUID } from 'node:crypto';
import { requireAuthenticated } from '@daena/platform';
import { Events } from '@daena/contracts';
import { assertMaySendAs } from '../domain/message-access.js';
import {
  checkSendRequest,
  inboxEntries,
  leavesCell,
  planDelivery,
  type MessageTopic,
} from '../domain/message-plan.js';
import type { MessageRecord } from '../store/message-records.js';
import { MessageRepository } from '../store/message-repository.js';
import type { AgentsContext } from '../../request/context.js';
import { loadFabric } from './load-fabric.js';

/** What a sender asks for; a broadcast when `toAgentId` is null or left out. */
export interface SendMessageRequest {
  fromAgentId: string;
  topic: MessageTopic;
  toAgentId?: string | null;
  body: string;
}

/**
 * Authorize → validate → plan → one transaction → event. Every check runs before the write, so a
 * refused message leaves nothing behind; the event goes out only after the commit.
 */
export async function sendMessage(
  ctx: AgentsContext,
  input: SendMessageRequest,
  now = new Date(),
): Promise<MessageRecord> {
  // Authenticate before looking anything up: anonymous callers learn nothing about ids.
  requireAuthenticated(ctx.principal);
  const request = { ...input, toAgentId: input.toAgentId ?? null };
  checkSendRequest(request);
  const fabric = await loadFabric(
    ctx,
    [request.fromAgentId, request.toAgentId].filter((id): id is string => id !== null),
  );
  const sender = fabric.agent(request.fromAgentId);
  const addressee = request.toAgentId === null ? null : fabric.agent(request.toAgentId);
  assertMaySendAs(ctx.principal, sender);
  return deliverMessage(
    ctx,
    fabric.mesh,
    { sender, addressee, topic: request.topic, body: request.body },
    now,
  );
}

type Mesh = Parameters<typeof planDelivery>[0];

/**
 * A checked message from `sender`, planned over the hex mesh, stored with its inbox entries in
 * one transaction, then announced: what a person's message and a Border Agent relay share. A
 * relay's `idempotencyKey` already stored returns that message, stored and announced once.
 */
export async function deliverMessage(
  ctx: AgentsContext,
  mesh: Mesh,
  message: {
    sender: Parameters<typeof planDelivery>[2];
    addressee: Parameters<typeof planDelivery>[3];
    topic: MessageTopic;
    body: string;
    idempotencyKey?: string | null;
  },
  now: Date,
): Promise<MessageRecord> {
  const { sender, addressee, topic, body } = message;
  const plan = planDelivery(mesh, topic, sender, addressee);
  const { message: stored, created } = await new MessageRepository(ctx.em).create(
    {
      id: randomUUID(),
      topic,
      fromAgentId: sender.id,
      toAgentId: addressee?.id ?? null,
      departmentId: sender.departmentId,
      body,
      path: plan.path,
      relayAgentIds: plan.relays,
      recipientCount: plan.recipients.length,
      createdAt: now,
      idempotencyKey: message.idempotencyKey ?? null,
    },
    inboxEntries(sender.id, plan),
  );
  if (!created) return stored;
  await ctx.publish(
    Events.agentMessageSent.create({
      messageId: stored.id,
      topic: stored.topic,
      fromAgentId: sender.id,
      fromDepartmentId: sender.departmentId,
      crossesCells: leavesCell(topic, sender, addressee),
      recipientAgentIds: plan.recipients,
      viaAgentIds: plan.relays,
    }),
  );
  return stored;
}
