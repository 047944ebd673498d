import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Department } from './types.js';

@ObjectType({ description: 'A point in layout units (frontends scale it to their canvas)' })
export class Point {
  @Field(() => Float)
  x!: number;

  @Field(() => Float)
  y!: number;
}

@ObjectType({ description: "A place on the sunflower (Vogel's model): polar and cartesian" })
export class SunflowerPosition extends Point {
  @Field(() => Float, { description: 'Radians in [0, 2π)' })
  angle!: number;

  @Field(() => Float)
  radius!: number;
}

@ObjectType({ description: 'Axial hex coordinates; the hub holds (0, 0)' })
export class HexCoordinate {
  @Field(() => Int)
  q!: number;

  @Field(() => Int)
  r!: number;
}

@ObjectType({ description: 'The Daena VP hub at the centre of the honeycomb' })
export class Hub {
  @Field(() => String)
  name!: string;

  @Field(() => Point)
  position!: Point;

  @Field(() => HexCoordinate)
  hex!: HexCoordinate;
}

@ObjectType({ description: 'Everything a frontend needs to draw the honeycomb' })
export class Organization {
  @Field(() => Hub)
  hub!: Hub;

  @Field(() => [Department], { description: 'Every department, in honeycomb (spiral) order' })
  departments!: Department[];
}
