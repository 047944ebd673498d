import { DaenaError, ForbiddenError } from '@daena/platform';
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toDaenaError } from './neo4j-errors.js';

/** @neo4j/graphql does not export its error classes; they differ only by `name`. */
function libraryError(name: string, message: string): GraphQLError {
  const error = new GraphQLError(message);
  if (name !== 'GraphQLError') Object.defineProperty(error, 'name', { value: name });
  return error;
}

const codeOf = (error: unknown) => (error instanceof DaenaError ? error.code : null);

describe('@neo4j/graphql errors in our vocabulary', () => {
  it.each([
    [
      'a failed validate rule',
      libraryError('Neo4jGraphQLForbiddenError', 'Forbidden'),
      'FORBIDDEN',
    ],
    [
      'an unauthenticated rule in Cypher',
      libraryError('Neo4jGraphQLAuthenticationError', 'Unauthenticated'),
      'UNAUTHENTICATED',
    ],
    [
      'an @authentication check',
      libraryError('GraphQLError', 'Unauthenticated'),
      'UNAUTHENTICATED',
    ],
    [
      'a unique constraint',
      libraryError('Neo4jGraphQLConstraintValidationError', 'Constraint validation failed'),
      'CONFLICT',
    ],
    [
      'an unreachable database',
      new Neo4jError('no route', 'ServiceUnavailable', '08000', 'unavailable'),
      'UNAVAILABLE',
    ],
  ])('maps %s', (_case, error, code) => {
    expect(codeOf(toDaenaError(error))).toBe(code);
  });

  it('leaves our own and unknown errors alone', () => {
    const ours = new ForbiddenError('no');
    const unknown = new Error('boom');
    const cypher = new Neo4jError('syntax', 'Neo.ClientError.Statement.SyntaxError', '42000', 'x');
    expect(toDaenaError(ours)).toBe(ours);
    expect(toDaenaError(unknown)).toBe(unknown);
    expect(toDaenaError(cypher)).toBe(cypher);
    expect(toDaenaError('a string')).toBe('a string');
  });
});
