import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { assertPageSize, decodeCursor, invalidCursor, paginate } from '../domain/cursor.js';
import { departmentHex, hubHex } from '../domain/honeycomb.js';
import { agentPosition, departmentPosition } from '../domain/sunflower.js';
import type { AgentsContext } from '../../request/context.js';
import {
  DepartmentPage,
  HexCoordinate,
  Organization,
  Point,
  SunflowerPosition,
} from './geometry-types.js';
import { Agent, Department } from './types.js';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, {
    description: 'The honeycomb: hub, departments, neighbours and agents, with positions',
  })
  async organization(@Ctx() ctx: AgentsContext): Promise<Organization> {
    return {
      hub: { name: 'Daena VP', position: { x: 0, y: 0 }, hex: hubHex },
      departments: await ctx.honeycomb.departments(),
    };
  }

  @FieldResolver(() => DepartmentPage, {
    description:
      'Current departments a page at a time (for large organizations); neighbours span pages',
  })
  async departmentPage(
    @Ctx() ctx: AgentsContext,
    @Arg('first', () => Int, { defaultValue: 50, description: '1 to 200' }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<DepartmentPage> {
    assertPageSize(first);
    const afterKey = after === undefined || after === null ? null : decodeCursor(after);
    if (after && afterKey === null) throw invalidCursor();
    const { nodes, totalCount, ...pageInfo } = paginate(
      await ctx.honeycomb.departments(),
      (department) => department.ordinal,
      first,
      afterKey,
    );
    return { nodes, pageInfo, totalCount };
  }
}

@Resolver(() => Department)
export class DepartmentGeometryResolver {
  @FieldResolver(() => HexCoordinate, { description: 'The cell in the honeycomb (never moves)' })
  hex(@Root() department: Department & { ordinal: number }): HexCoordinate {
    return departmentHex(department.ordinal);
  }

  @FieldResolver(() => SunflowerPosition, { description: 'Where to draw the department' })
  position(@Root() department: Department & { ordinal: number }): SunflowerPosition {
    return departmentPosition(department.ordinal);
  }

  @FieldResolver(() => [Department], {
    description: 'Departments whose cells share an edge with this one',
  })
  neighbors(@Root() department: Department, @Ctx() ctx: AgentsContext): Promise<Department[]> {
    return ctx.honeycomb.neighbors(department.id);
  }
}

@Resolver(() => Agent)
export class AgentGeometryResolver {
  @FieldResolver(() => Point, {
    description: 'Where to draw the agent: a sunflower around its department',
  })
  position(
    @Root() agent: Agent & { seat: number },
    @Ctx() ctx: AgentsContext,
  ): Point | Promise<Point> {
    const placed = ctx.loaders.placed.get(agent);
    if (placed) return pointOf(agentPosition(placed.departmentOrdinal, agent.seat));
    return ctx.loaders.department
      .load(agent.departmentId)
      .then((department) => pointOf(agentPosition(department?.ordinal ?? 0, agent.seat)));
  }
}

function pointOf({ x, y }: { x: number; y: number }): Point {
  return { x, y };
}
