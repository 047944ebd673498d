import { Role, requireRole } from '@daena/platform';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { AgentRole } from '../domain/organization.js';
import * as agentAdmin from '../operations/agent-admin.js';
import * as departmentAdmin from '../operations/department-admin.js';
import type { AgentsContext } from '../../request/context.js';
import { Agent, Department } from './types.js';

@InputType({ description: 'A new department; it takes the next free cell of the honeycomb' })
export class CreateDepartmentInput {
  @Field(() => String, {
    description: 'Lowercase words of letters and digits joined by hyphens, ≤ 63; never changes',
  })
  slug!: string;

  @Field(() => String, { description: '1–100 characters (trimmed)' })
  name!: string;
}

@InputType({ description: 'A new agent; it takes the next free seat of its department' })
export class HireAgentInput {
  @Field(() => ID)
  departmentId!: string;

  @Field(() => AgentRole)
  role!: AgentRole;

  @Field(() => String, { description: '1–100 characters (trimmed)' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'As a department slug; derived from the name (made unique) when omitted',
  })
  slug?: string | null;
}

/** Organization admin (issue 3), admins only: authorize, then the use case in operations/. */
@Resolver()
export class OrganizationAdminResolver {
  @Mutation(() => Department, { description: 'Adds a department in the next cell (admins)' })
  async createDepartment(
    @Ctx() ctx: AgentsContext,
    @Arg('input', () => CreateDepartmentInput) input: CreateDepartmentInput,
  ): Promise<Department> {
    requireRole(ctx.principal, Role.ADMIN);
    return departmentAdmin.createDepartment(ctx, input);
  }

  @Mutation(() => Department, { description: 'Renames a department; its slug stays (admins)' })
  async renameDepartment(
    @Ctx() ctx: AgentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('name', () => String) name: string,
  ): Promise<Department> {
    requireRole(ctx.principal, Role.ADMIN);
    return departmentAdmin.renameDepartment(ctx, id, version, name);
  }

  @Mutation(() => Department, {
    description:
      'Retires a department with no open work; its agents retire with it and its cell stays empty (admins)',
  })
  async retireDepartment(
    @Ctx() ctx: AgentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
  ): Promise<Department> {
    requireRole(ctx.principal, Role.ADMIN);
    return departmentAdmin.retireDepartment(ctx, id, version);
  }

  @Mutation(() => Agent, { description: 'Hires an agent into a department (admins)' })
  async hireAgent(
    @Ctx() ctx: AgentsContext,
    @Arg('input', () => HireAgentInput) input: HireAgentInput,
  ): Promise<Agent> {
    requireRole(ctx.principal, Role.ADMIN);
    return agentAdmin.hireAgent(ctx, input);
  }

  /* jscpd:ignore-start: renaming an agent takes a department rename's arguments */
  @Mutation(() => Agent, { description: 'Renames an agent; its slug stays (admins)' })
  async renameAgent(
    @Ctx() ctx: AgentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('name', () => String) name: string,
  ): Promise<Agent> {
    requireRole(ctx.principal, Role.ADMIN);
    return agentAdmin.renameAgent(ctx, id, version, name);
  }
  /* jscpd:ignore-end */

  @Mutation(() => Agent, {
    description: 'Moves an agent with no open work to the next seat of another department (admins)',
  })
  async reassignAgent(
    @Ctx() ctx: AgentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('departmentId', () => ID) departmentId: string,
  ): Promise<Agent> {
    requireRole(ctx.principal, Role.ADMIN);
    return agentAdmin.reassignAgent(ctx, id, version, departmentId);
  }

  @Mutation(() => Agent, {
    description: 'Retires an agent with no open work; it keeps its row and seat (admins)',
  })
  async retireAgent(
    @Ctx() ctx: AgentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
  ): Promise<Agent> {
    requireRole(ctx.principal, Role.ADMIN);
    return agentAdmin.retireAgent(ctx, id, version);
  }
}
