import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { pageInfoType } from '@daena/platform';
import { organizationCacheHint } from './cache-hints.js';
import { Department } from './types.js';

@ObjectType({ description: 'A point in layout units (frontends scale it to their canvas)' })
@Directive(organizationCacheHint)
export class Point {
  @Field(() => Float)
  x!: number;

  @Field(() => Float)
  y!: number;
}

@ObjectType({ description: "A place on the sunflower (Vogel's model): polar and cartesian" })
@Directive(organizationCacheHint)
export class SunflowerPosition extends Point {
  @Field(() => Float, { description: 'Radians in [0, 2π)' })
  angle!: number;

  @Field(() => Float)
  radius!: number;
}

@ObjectType({ description: 'Axial hex coordinates; the hub holds (0, 0)' })
@Directive(organizationCacheHint)
export class HexCoordinate {
  @Field(() => Int)
  q!: number;

  @Field(() => Int)
  r!: number;
}

@ObjectType({ description: 'The Daena VP hub at the centre of the honeycomb' })
@Directive(organizationCacheHint)
export class Hub {
  @Field(() => String)
  name!: string;

  @Field(() => Point)
  position!: Point;

  @Field(() => HexCoordinate)
  hex!: HexCoordinate;
}

@ObjectType({ description: 'Everything a frontend needs to draw the honeycomb' })
@Directive(organizationCacheHint)
export class Organization {
  @Field(() => Hub)
  hub!: Hub;

  @Field(() => [Department], { description: 'Every department, in honeycomb (spiral) order' })
  departments!: Department[];
}

export const PageInfo = pageInfoType(organizationCacheHint);
export type PageInfo = InstanceType<typeof PageInfo>;

@ObjectType({ description: 'One page of departments, in honeycomb order' })
@Directive(organizationCacheHint)
export class DepartmentPage {
  @Field(() => [Department])
  nodes!: Department[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
