import {
  ConflictError,
  DaenaError,
  ForbiddenError,
  UnauthenticatedError,
  UnavailableError,
} from '@daena/platform';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { Neo4jError, error as neo4jErrorCodes } from 'neo4j-driver';

/**
 * Maps what @neo4j/graphql 7.6 throws to our error vocabulary. Its error classes are not
 * exported and carry no `extensions.code`, so they are told apart by `name`; the
 * `@authentication` check throws a plain Neo4jGraphQLError whose message is "Unauthenticated".
 * Anything else is returned unchanged (and reported as an internal error by the platform).
 */
export function toDaenaError(error: unknown): unknown {
  if (error instanceof DaenaError || !(error instanceof Error)) return error;
  if (error instanceof Neo4jError) {
    const unreachable = [neo4jErrorCodes.SERVICE_UNAVAILABLE, neo4jErrorCodes.SESSION_EXPIRED];
    return unreachable.includes(error.code)
      ? new UnavailableError('The knowledge store is not reachable', 'NEO4J_UNAVAILABLE')
      : error;
  }
  switch (error.name) {
    case 'Neo4jGraphQLForbiddenError':
      return new ForbiddenError(
        'Knowledge entries can only be written in your own department',
        'KNOWLEDGE_WRITE_DENIED',
      );
    case 'Neo4jGraphQLAuthenticationError':
      return new UnauthenticatedError();
    case 'Neo4jGraphQLConstraintValidationError':
      return new ConflictError('A knowledge entry with this id already exists', 'ENTRY_EXISTS');
  }
  return error.message === 'Unauthenticated' ? new UnauthenticatedError() : error;
}

/** Makes every Query and Mutation field throw mapped errors (see {@link toDaenaError}). */
export function mapRootFieldErrors(schema: GraphQLSchema): void {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const resolve: GraphQLFieldResolver<unknown, unknown> | undefined = field.resolve;
      if (!resolve) continue;
      field.resolve = async (source, args, context, info) => {
        try {
          return await resolve(source, args, context, info);
        } catch (error) {
          throw toDaenaError(error);
        }
      };
    }
  }
}
