import { BusSubscription, NotFoundError, requireAuthenticated } from '@daena/platform';
import { Events } from '@daena/contracts';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertMayReadHub, assertMayReadMessagesOf } from '../domain/message-access.js';
import { newestFirstPage } from '../domain/message-page.js';
import { DeliveryKind, directPath, MessageTopic } from '../domain/message-plan.js';
import type { AgentRecord } from '../../organization/store/records.js';
import type { MessageRecord } from '../store/message-records.js';
import { MessageRepository, type MessageList } from '../store/message-repository.js';
import type { AgentsContext } from '../../request/context.js';
import { loadFabric } from '../operations/load-fabric.js';
import { pageArguments, toCommunicationPath } from './message-fabric.js';
import { CommunicationPath, Message, MessagePage, SendMessageInput } from './message-types.js';
import { sendMessage } from '../operations/send-message.js';
import { Agent, Department } from '../../organization/schema/types.js';

/** The communication fabric of the hex mesh (issue 3): routes, sending, inboxes, live delivery. */
@Resolver(() => Message)
export class MessageResolver {
  @Query(() => CommunicationPath, {
    description: 'The route a DIRECT message between two agents takes now',
  })
  async communicationPath(
    @Ctx() ctx: AgentsContext,
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
  ): Promise<CommunicationPath> {
    const fabric = await loadFabric(ctx, [from, to]);
    return toCommunicationPath(ctx, directPath(fabric.mesh, fabric.agent(from), fabric.agent(to)));
  }

  @Mutation(() => Message, {
    description:
      'Send as an agent (admins, the agent itself, its department lead); stored and delivered along its route',
  })
  sendMessage(
    @Ctx() ctx: AgentsContext,
    @Arg('input', () => SendMessageInput) input: SendMessageInput,
  ): Promise<Message> {
    return sendMessage(ctx, input);
  }

  @Query(() => MessagePage, {
    description: "An agent's messages, newest first (admins, executives, the agent, its lead)",
  })
  async agentInbox(
    @Ctx() ctx: AgentsContext,
    @Arg('agentId', () => ID) agentId: string,
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 100' }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('topic', () => MessageTopic, { nullable: true }) topic?: MessageTopic,
    @Arg('kind', () => DeliveryKind, { defaultValue: DeliveryKind.RECEIVED }) kind?: DeliveryKind,
  ): Promise<MessagePage> {
    const page = pageArguments(first, after);
    await authorizeInbox(ctx, agentId);
    const list = await messages(ctx).inbox(agentId, {
      kind: kind ?? DeliveryKind.RECEIVED,
      topic: topic ?? null,
      limit: page.first + 1,
      beforeSeq: page.afterKey,
    });
    return toPage(list, page);
  }

  @Query(() => MessagePage, {
    description: 'What reached the hub (RADIAL messages), newest first; admins and executives',
  })
  async hubInbox(
    @Ctx() ctx: AgentsContext,
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 100' }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<MessagePage> {
    const page = pageArguments(first, after);
    assertMayReadHub(ctx.principal);
    const list = await messages(ctx).hubInbox({ limit: page.first + 1, beforeSeq: page.afterKey });
    return toPage(list, page);
  }

  @Query(() => Message, {
    nullable: true,
    description:
      'Query twin of Subscription.agentMessages: message `messageId` (else the latest) the agent received',
  })
  async agentMessages(
    @Ctx() ctx: AgentsContext,
    @Arg('agentId', () => ID) agentId: string,
    @Arg('messageId', () => ID, { nullable: true }) messageId?: string,
  ): Promise<Message | null> {
    await authorizeInbox(ctx, agentId);
    return messages(ctx).received(agentId, messageId ?? null);
  }

  @BusSubscription(() => Message, {
    name: 'agentMessages',
    description: 'Every message the agent receives, as it arrives; served by the gateway bridge',
    event: Events.agentMessageSent,
    twin: 'agentMessages',
    // Only the recipients' subscribers; relays and the sender have their inbox listings.
    filter: { agentId: 'recipientAgentIds' },
    twinArguments: { messageId: 'messageId' },
    // No visibility: who may read an inbox depends on the agent's department (a lookup:
    // assertMayReadMessagesOf), and an inbox has a handful of readers to share.
  })
  agentMessagesSubscription(
    @Root() message: Message,
    @Arg('agentId', () => ID) _agentId: string,
  ): Message {
    return message;
  }

  @FieldResolver(() => Agent)
  async from(@Root() message: MessageRecord, @Ctx() ctx: AgentsContext): Promise<Agent> {
    const agent = await ctx.loaders.agent.load(message.fromAgentId);
    if (!agent) throw new NotFoundError('Agent', message.fromAgentId);
    return agent;
  }

  @FieldResolver(() => Agent, { nullable: true, description: 'The addressee of a DIRECT message' })
  to(@Root() message: MessageRecord, @Ctx() ctx: AgentsContext): Promise<Agent | null> {
    return message.toAgentId === null
      ? Promise.resolve(null)
      : ctx.loaders.agent.load(message.toAgentId);
  }

  @FieldResolver(() => Department, { description: "The sender's department when it was sent" })
  async department(@Root() message: MessageRecord, @Ctx() ctx: AgentsContext): Promise<Department> {
    const department = await ctx.loaders.department.load(message.departmentId);
    if (!department) throw new NotFoundError('Department', message.departmentId);
    return department;
  }

  @FieldResolver(() => CommunicationPath, {
    nullable: true,
    description: 'The hops of a DIRECT or RADIAL message as it travelled (broadcasts: see relays)',
  })
  path(
    @Root() message: MessageRecord,
    @Ctx() ctx: AgentsContext,
  ): Promise<CommunicationPath> | null {
    return message.path === null ? null : toCommunicationPath(ctx, message.path);
  }

  @FieldResolver(() => [Agent], { description: 'The Border Agents that handed it on, in order' })
  async relays(@Root() message: MessageRecord, @Ctx() ctx: AgentsContext): Promise<Agent[]> {
    const agents = await ctx.loaders.agent.loadMany(message.relayAgentIds);
    return agents.filter(
      (agent): agent is AgentRecord => agent !== null && !(agent instanceof Error),
    );
  }
}

function messages(ctx: AgentsContext): MessageRepository {
  return new MessageRepository(ctx.em);
}

/** NOT_FOUND for an unknown agent, FORBIDDEN for a caller who may not read its messages. */
async function authorizeInbox(ctx: AgentsContext, agentId: string): Promise<void> {
  requireAuthenticated(ctx.principal);
  const agent = await ctx.loaders.agent.load(agentId);
  if (!agent) throw new NotFoundError('Agent', agentId);
  const department = await ctx.loaders.department.load(agent.departmentId);
  assertMayReadMessagesOf(ctx.principal, { id: agent.id, departmentSlug: department?.slug ?? '' });
}

function toPage(list: MessageList, page: { first: number; afterKey: number | null }): MessagePage {
  const { nodes, totalCount, ...pageInfo } = newestFirstPage(
    list.messages,
    (message) => message.seq,
    page.first,
    page.afterKey,
    list.totalCount,
  );
  return { nodes, pageInfo, totalCount };
}
