import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * Relay's `PageInfo`, a Federation value type: every subgraph that pages declares it with exactly
 * these fields and descriptions (`@shareable`), so it composes as one type. `directives` adds the
 * subgraph's own (a cache hint, for example).
 */
export function pageInfoType(...directives: string[]) {
  class PageInfo {
    @Field(() => String, { nullable: true })
    startCursor!: string | null;

    @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page' })
    endCursor!: string | null;

    @Field(() => Boolean)
    hasPreviousPage!: boolean;

    @Field(() => Boolean)
    hasNextPage!: boolean;
  }
  // Applied as stacked decorators would be (bottom up), so the SDL lists `@shareable` first.
  for (const directive of [...directives].reverse()) Directive(directive)(PageInfo);
  Directive('@shareable')(PageInfo);
  ObjectType('PageInfo', {
    description: 'Relay-style page information (shared with other subgraphs)',
  })(PageInfo);
  return PageInfo;
}
