import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { AgentsContext } from './context.js';
import { Agent, Department } from './types.js';

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], { description: 'Every department, in honeycomb order' })
  departments(@Ctx() ctx: AgentsContext): Promise<Department[]> {
    return ctx.honeycomb.departments();
  }

  @Query(() => Department, { nullable: true, description: 'One department by id or slug' })
  async department(
    @Ctx() ctx: AgentsContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('slug', () => String, { nullable: true }) slug?: string,
  ): Promise<Department | null> {
    if (id) return ctx.loaders.department.load(id);
    if (slug) return ctx.organization.departmentBySlug(slug);
    return null;
  }

  @FieldResolver(() => [Agent], { description: "The department's agents, by name" })
  agents(@Root() department: Department, @Ctx() ctx: AgentsContext): Promise<Agent[]> {
    return ctx.loaders.agentsByDepartment.load(department.id);
  }
}

/** Federation: other subgraphs reference departments by id. */
export function resolveDepartmentReference(
  reference: { id: string },
  ctx: AgentsContext,
): Promise<Department | null> {
  // An unknown id resolves to null, as the federation spec expects of _entities.
  return ctx.loaders.department.load(reference.id);
}
