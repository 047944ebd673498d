import { BadInputError } from '@daena/platform/domain';
import type { GraphQLSchema } from 'graphql';
import { searchQuery } from '../domain/search-terms.js';
import { wrapRootField } from './resolver-wrapping.js';
import { relatedDepthMax } from './type-defs.js';

/**
 * Checks the arguments of the search, walk and change queries before any Cypher runs: the phrase
 * becomes a plain OR of terms (search-terms.ts), so no input can reach Lucene's syntax, and the
 * walk's depth is bounded (BAD_USER_INPUT otherwise).
 */
export function wrapKnowledgeQueries(schema: GraphQLSchema): void {
  wrapRootField(schema, 'Query', 'searchKnowledge', (resolve) => (source, args, context, info) => {
    const phrase = typeof args['phrase'] === 'string' ? args['phrase'] : '';
    return resolve(source, { ...args, phrase: searchQuery(phrase) }, context, info);
  });
  // The subscription's twin: arguments left out reach its Cypher as null, and a department
  // named both ways is refused here too, as the gateway refuses the subscription.
  wrapRootField(schema, 'Query', 'knowledgeUpdate', (resolve) => (source, args, context, info) => {
    const department = { departmentId: null, departmentSlug: null, ...args };
    if (department.departmentId !== null && department.departmentSlug !== null) {
      throw new BadInputError(
        'Name the department by departmentId or by departmentSlug, not both',
        'DEPARTMENT_NAMED_TWICE',
        { fields: ['departmentId', 'departmentSlug'] },
      );
    }
    return resolve(source, department, context, info);
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
