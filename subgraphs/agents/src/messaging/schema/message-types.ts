import {
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import { DeliveryKind, MessageTopic, maxMessageBodyLength } from '../domain/message-plan.js';
import { HopKind } from '../domain/message-route.js';
import { PageInfo } from '../../organization/schema/geometry-types.js';
import { Agent, Department } from '../../organization/schema/types.js';

registerEnumType(MessageTopic, {
  name: 'MessageTopic',
  description: 'Who hears a message',
  valuesConfig: {
    DIRECT: {
      description: 'One addressee, through the Border Agents of a shortest chain of cells',
    },
    CELL: { description: "Every other agent of the sender's department" },
    RING: { description: 'Every agent of the neighbouring departments' },
    RADIAL: { description: 'The hub (the Daena VP), out along the shortest spoke' },
    GLOBAL: { description: 'Every other agent of the organization' },
  },
});
registerEnumType(HopKind, { name: 'HopKind', description: 'The part one hop plays in a route' });
registerEnumType(DeliveryKind, {
  name: 'DeliveryKind',
  description: 'How a message concerns an agent',
});

@ObjectType({ description: 'One hand-off of a message; the hub hop has no agent or department' })
export class CommunicationHop {
  @Field(() => HopKind)
  kind!: HopKind;

  @Field(() => Agent, { nullable: true })
  agent!: Agent | null;

  @Field(() => Department, { nullable: true })
  department!: Department | null;
}

@ObjectType({ description: 'The route of a message: agent by agent, and cell by cell' })
export class CommunicationPath {
  @Field(() => [CommunicationHop])
  hops!: CommunicationHop[];

  @Field(() => [Department], { description: 'The cells crossed, in order' })
  departments!: Department[];

  @Field(() => Int, { description: 'Hand-offs between agents (hops − 1)' })
  length!: number;
}

@ObjectType({ description: 'A message between agents, stored as it was sent' })
export class Message {
  @Field(() => ID)
  id!: string;

  @Field(() => MessageTopic)
  topic!: MessageTopic;

  @Field(() => String)
  body!: string;

  @Field(() => GraphQLISODateTime, { name: 'sentAt' })
  createdAt!: Date;

  @Field(() => Int, { description: 'Agents whose inbox received it (0 for RADIAL: the hub did)' })
  recipientCount!: number;
}

@ObjectType({ description: 'One page of messages, newest first' })
export class MessagePage {
  @Field(() => [Message])
  nodes!: Message[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@InputType()
export class SendMessageInput {
  @Field(() => ID)
  fromAgentId!: string;

  @Field(() => MessageTopic)
  topic!: MessageTopic;

  @Field(() => ID, { nullable: true, description: 'The addressee: DIRECT messages only' })
  toAgentId?: string | null;

  @Field(() => String, { description: `1–${maxMessageBodyLength} characters` })
  body!: string;
}
