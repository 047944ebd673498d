import { randomUUID } from 'node:crypto';
import { requireAuthenticated } from '@daena/platform';
import { Events } from '@daena/contracts';
import { assertMaySendAs } from '../domain/message-access.js';
import {
  checkSendRequest,
  inboxEntries,
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
  const plan = planDelivery(fabric.mesh, request.topic, sender, addressee);
  const message = await new MessageRepository(ctx.em).create(
    {
      id: randomUUID(),
      topic: request.topic,
      fromAgentId: sender.id,
      toAgentId: addressee?.id ?? null,
      departmentId: sender.departmentId,
      body: request.body,
      path: plan.path,
      relayAgentIds: plan.relays,
      recipientCount: plan.recipients.length,
      createdAt: now,
    },
    inboxEntries(sender.id, plan),
  );
  await ctx.publish(
    Events.agentMessageSent.create({
      messageId: message.id,
      topic: message.topic,
      fromAgentId: sender.id,
      recipientAgentIds: plan.recipients,
      viaAgentIds: plan.relays,
    }),
  );
  return message;
}
