import type { GraphQLField, GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import type { KnowledgeContext } from './context.js';

export type Resolver = GraphQLFieldResolver<unknown, KnowledgeContext, Record<string, unknown>>;

/** Replaces a generated root field's resolver by `wrapper(generated)`. */
export function wrapRootField(
  schema: GraphQLSchema,
  root: 'Query' | 'Mutation',
  name: string,
  wrapper: (next: Resolver) => Resolver,
): void {
  const type = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
  const field: GraphQLField<unknown, unknown> | undefined = type?.getFields()[name];
  if (!field?.resolve) throw new Error(`the generated schema lacks ${root}.${name}`);
  field.resolve = wrapper(field.resolve as Resolver) as GraphQLFieldResolver<unknown, unknown>;
}

export { requireDriver } from '../store/knowledge-graph.js';

export function asRecords(value: unknown): Record<string, unknown>[] {
  const items = Array.isArray(value) ? value : value == null ? [] : [value];
  return items.filter(
    (item): item is Record<string, unknown> => typeof item === 'object' && item !== null,
  );
}

export function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function stringsOrUndefined(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : undefined;
}

/** `{ set: value }` of an update input field, as @neo4j/graphql 7 spells a replacement. */
export function setValueOf(update: Record<string, unknown>, field: string): unknown {
  return asRecords(update[field])[0]?.['set'];
}
