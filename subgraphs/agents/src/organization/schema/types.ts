import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { organizationCacheHint } from './cache-hints.js';
import { AgentRole, AgentStatus } from '../domain/organization.js';

registerEnumType(AgentRole, {
  name: 'AgentRole',
  description: 'The eight roles of every department',
});
registerEnumType(AgentStatus, { name: 'AgentStatus', description: 'What an agent is doing now' });

@ObjectType({ description: 'A department: one hexagonal cell of the honeycomb' })
@Directive('@key(fields: "id")')
// Knowledge keys its entries' departments by slug (issue 16).
@Directive('@key(fields: "slug")')
@Directive(organizationCacheHint)
export class Department {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Stable, URL-safe identifier, e.g. "customer-success"' })
  slug!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({ description: 'An AI agent with one role in one department' })
@Directive('@key(fields: "id")')
@Directive(organizationCacheHint)
export class Agent {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AgentRole)
  role!: AgentRole;

  // The hot-state fields are resolved by AgentStateResolver from the write-through cache.
  @Field(() => AgentStatus, { description: 'What the agent is doing now (PAUSED once paused)' })
  status!: AgentStatus;

  @Field(() => String, {
    nullable: true,
    description: 'The task the agent is working on, at most 500 characters',
  })
  currentTask!: string | null;

  @Field(() => Float, { description: 'The share of its capacity in use, from 0 to 1' })
  load!: number;

  @Field(() => Float, { description: 'US dollars the agent has spent so far' })
  budgetUsedUsd!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'When status, task, load or budget last changed (null: never reported)',
  })
  stateUpdatedAt!: Date | null;

  @Field(() => Int, { description: 'Changes with every update; pass it back to change the agent' })
  version!: number;

  departmentId!: string;
}

@ObjectType({ description: "A role's row of the capability matrix" })
@Directive(organizationCacheHint)
export class RoleCapability {
  @Field(() => AgentRole)
  role!: AgentRole;

  @Field(() => String)
  title!: string;

  @Field(() => [String])
  autonomousCapabilities!: string[];

  @Field(() => [String], { description: 'What makes this role call the consensus protocol' })
  cmpTriggers!: string[];

  @Field(() => Float, { description: 'Task complexity (0–1) above which the role asks CMP' })
  autonomyThreshold!: number;

  @Field(() => Float)
  defaultVotingWeight!: number;
}
