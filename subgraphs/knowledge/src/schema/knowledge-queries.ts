import { BadInputError } from '@daena/platform/domain';
import type { GraphQLSchema } from 'graphql';
import { searchQuery } from '../domain/search-terms.js';
import { wrapRootField } from './resolver-wrapping.js';
import { relatedDepthMax } from './type-defs.js';

/**
 * Checks the arguments of the search and walk queries before any Cypher runs: the phrase
 * becomes a plain OR of terms (search-terms.ts), so no input can reach Lucene's syntax, and the
 * walk's depth is bounded (BAD_USER_INPUT otherwise).
 */
export function wrapKnowledgeQueries(schema: GraphQLSchema): void {
  wrapRootField(schema, 'Query', 'searchKnowledge', (resolve) => (source, args, context, info) => {
    const phrase = typeof args['phrase'] === 'string' ? args['phrase'] : '';
    return resolve(source, { ...args, phrase: searchQuery(phrase) }, context, info);
  });
  wrapRootField(schema, 'Query', 'relatedKnowledge', (resolve) => (source, args, context, info) => {
    const depth = args['depth'];
    if (typeof depth !== 'number' || depth < 1 || depth > relatedDepthMax) {
      throw new BadInputError(`depth must be 1 to ${relatedDepthMax}`, 'DEPTH', {
        field: 'depth',
        max: relatedDepthMax,
      });
    }
    return resolve(source, args, context, info);
  });
}
