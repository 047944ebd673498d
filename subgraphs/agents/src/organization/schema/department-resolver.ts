import {
  Arg,
  Ctx,
  FieldResolver,
  GraphQLISODateTime,
  ID,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { DepartmentRecord } from '../store/records.js';
import type { AgentsContext } from '../../request/context.js';
import { Agent, Department } from './types.js';

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], {
    description: 'Every current department, in honeycomb order (retired ones are left out)',
  })
  departments(@Ctx() ctx: AgentsContext): Promise<Department[]> {
    return ctx.honeycomb.departments();
  }

  @Query(() => Department, {
    nullable: true,
    description: 'One department by id or slug (retired ones too: see retiredAt)',
  })
  async department(
    @Ctx() ctx: AgentsContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('slug', () => String, { nullable: true }) slug?: string,
  ): Promise<Department | null> {
    if (id) return ctx.loaders.department.load(id);
    if (slug) return ctx.organization.departmentBySlug(slug);
    return null;
  }

  @FieldResolver(() => [Agent], { description: "The department's current agents, by name" })
  agents(@Root() department: Department, @Ctx() ctx: AgentsContext): Promise<Agent[]> {
    return ctx.loaders.agentsByDepartment.load(department.id);
  }

  @FieldResolver(() => Int, {
    description: 'Changes with every update; pass it back to rename or retire the department',
  })
  version(@Root() department: DepartmentRecord): number {
    return department.version;
  }

  @FieldResolver(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the department was retired (its cell stays empty); null while it serves',
  })
  retiredAt(@Root() department: DepartmentRecord): Date | null {
    return department.retiredAt;
  }
}

/** Federation: other subgraphs reference departments by id, knowledge by slug. */
export async function resolveDepartmentReference(
  reference: { id: string } | { slug: string },
  ctx: AgentsContext,
): Promise<Department | null> {
  // An unknown id resolves to null, as the federation spec expects of _entities. Retired
  // departments still resolve: proposals of the past refer to them.
  if ('id' in reference) return ctx.loaders.department.load(reference.id);
  // Active departments are one read per request however many slugs are asked for.
  const active = (await ctx.honeycomb.departments()).find((d) => d.slug === reference.slug);
  return active ?? ctx.organization.departmentBySlug(reference.slug);
}
