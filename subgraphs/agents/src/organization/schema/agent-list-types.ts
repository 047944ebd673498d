import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AgentRole, AgentStatus } from '../domain/organization.js';
import { organizationCacheHint } from './cache-hints.js';
import { PageInfo } from './geometry-types.js';
import { Agent } from './types.js';

@InputType({ description: 'Which agents a list holds; all fields are optional and combine (AND)' })
export class AgentFilter {
  @Field(() => ID, { nullable: true })
  departmentId?: string | null;

  @Field(() => AgentRole, { nullable: true })
  role?: AgentRole | null;

  @Field(() => AgentStatus, { nullable: true })
  status?: AgentStatus | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Include retired agents' })
  includeRetired!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive text found in the name or slug (at most 100 characters)',
  })
  search?: string | null;
}

@ObjectType({ description: 'One page of agents, ordered by name (then id)' })
@Directive(organizationCacheHint)
export class AgentPage {
  @Field(() => [Agent])
  nodes!: Agent[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many agents match the filter, on all pages' })
  totalCount!: number;
}
