import {
  Arg,
  Ctx,
  Directive,
  Field,
  InputType,
  Mutation,
  ObjectType,
  Resolver,
} from 'type-graphql';
import { maxMessageBodyLength } from '../domain/message-plan.js';
import { maxRelayKeyLength } from '../domain/relay-key.js';
import { relayBorderMessage, type BorderRelay } from '../operations/relay-border-message.js';
import type { AgentsContext } from '../../request/context.js';
import { Department } from '../../organization/schema/types.js';
import { Message } from './message-types.js';

@InputType()
@Directive('@inaccessible')
export class BorderRelayInput {
  @Field(() => String, { description: "The sending department's slug" })
  fromDepartmentSlug!: string;

  @Field(() => String, { description: "The receiving department's slug" })
  toDepartmentSlug!: string;

  @Field(() => String, { description: `1–${maxMessageBodyLength} characters` })
  body!: string;

  @Field(() => String, {
    nullable: true,
    description: `The sender's id for this message (1–${maxRelayKeyLength} characters): a relay repeated under it returns the first message instead of sending a second`,
  })
  idempotencyKey?: string | null;
}

@ObjectType({ description: "A message handed from one department's Border Agent to another's" })
@Directive('@inaccessible')
export class BorderRelayResult {
  @Field(() => Message, { description: 'The DIRECT message, with its route and relays' })
  message!: Message;

  @Field(() => Department)
  from!: Department;

  @Field(() => Department)
  to!: Department;
}

/**
 * The service path into the message fabric (issue 16 §6): knowledge sends share requests and
 * shared copies as the Border Agents of the departments concerned. @inaccessible keeps it out of
 * the gateway's API; the service token keeps users, admins included, out of it.
 */
@Resolver()
export class BorderRelayResolver {
  @Mutation(() => BorderRelayResult, {
    description: "Sends from one department's Border Agent to another's; relay services only",
  })
  @Directive('@inaccessible')
  relayBorderMessage(
    @Ctx() ctx: AgentsContext,
    @Arg('input', () => BorderRelayInput) input: BorderRelayInput,
  ): Promise<BorderRelay> {
    return relayBorderMessage(ctx, input);
  }
}
