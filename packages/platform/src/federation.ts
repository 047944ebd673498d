import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import {
  buildSchema,
  createResolversMap,
  type BuildSchemaOptions,
  type PubSub,
} from 'type-graphql';
import {
  subscriptionDirectiveDefinitions,
  subscriptionDirectiveLink,
  subscriptionsSpec,
} from './subscription-directives.js';

/** The Federation 2 version every subgraph links. */
export const federationVersion = 'v2.7';

const federationImports = [
  '@key',
  '@shareable',
  '@external',
  '@requires',
  '@provides',
  '@inaccessible',
  '@tag',
];
const subscriptionDirectiveNames = [
  `@${subscriptionsSpec.busEvent}(`,
  `@${subscriptionsSpec.subgraphStream}`,
];

/**
 * Builds a Federation 2 subgraph schema from type-graphql resolvers. type-graphql writes the SDL
 * (with `@key` and friends from `@Directive`), @apollo/subgraph adds `_entities`/`_service`, and
 * `referenceResolvers` supply each entity's `__resolveReference`.
 *
 * Types in decorators must be explicit (`@Field(() => String)`): the dev runtime (esbuild) does
 * not emit decorator metadata.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: Record<string, { __resolveReference: (...args: never[]) => unknown }> = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true });
  const sdl = printSchemaWithDirectives(schema);
  const routesSubscriptions = subscriptionDirectiveNames.some((name) => sdl.includes(name));
  const imports = [...federationImports, ...(routesSubscriptions ? ['@composeDirective'] : [])];
  const typeDefs = parse(
    `extend schema @link(url: "https://specs.apollo.dev/federation/${federationVersion}", import: ${JSON.stringify(imports)})\n` +
      (routesSubscriptions ? subscriptionDirectiveLink + subscriptionDirectiveDefinitions : '') +
      (sdl.includes('@cacheControl') ? cacheControlDefinitions : '') +
      sdl,
  );
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> });
}

/**
 * Apollo's `@cacheControl` (Apollo Server computes each response's cache policy from it and sends
 * it to the gateway as `Cache-Control`). Types without a hint are never cached, so caching is
 * opt-in per type: `@Directive(cacheControl(10))`.
 */
const cacheControlDefinitions = `
enum CacheControlScope @inaccessible { PUBLIC PRIVATE }
directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
`;

/** The `@cacheControl` hint for a type-graphql `@Directive`. */
export function cacheControl(
  maxAgeSeconds: number,
  scope: 'PUBLIC' | 'PRIVATE' = 'PUBLIC',
): string {
  return `@cacheControl(maxAge: ${maxAgeSeconds}, scope: ${scope})`;
}

/**
 * Subgraphs never execute subscriptions: their `Subscription` fields exist so the contract is in
 * the composed supergraph, and the gateway's bridge serves them from the event bus (ARCHITECTURE
 * §3). type-graphql still wants a PubSub to build such a schema; this one delivers nothing.
 */
export const bridgedPubSub: PubSub = {
  publish: () => {},
  subscribe: () => (async function* () {})(),
};
