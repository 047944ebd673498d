import { Directive, Field, ObjectType } from 'type-graphql';

// The same type as the agents and knowledge subgraphs' PageInfo (Federation value type): fields
// and descriptions must match theirs, so it composes as one shared type.
@ObjectType({ description: 'Relay-style page information (shared with other subgraphs)' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page' })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}
