import {
  defaultFieldResolver,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import { LimitCode } from './operation-limits.js';

const bounded = Symbol('daena.listRowsBounded');

/**
 * Bounds the items any list field of a subgraph's schema may return: a list longer than `maxRows`
 * fails with ROW_LIMIT_EXCEEDED (naming the field) instead of being serialized and resolved
 * further, so an unpaged list cannot grow a response without bound. Resolvers are wrapped in
 * place, as Apollo Server's own instrumentation does, so federation's reference resolvers and
 * type extensions stay as they are; a second call changes nothing.
 */
export function boundListRows(schema: GraphQLSchema, maxRows: number): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      // `_entities` answers the gateway's plan, one item per representation it sent (bounded by
      // the body size); the lists inside each entity are bounded like any other.
      if (!isListType(getNullableType(field.type)) || field.name === '_entities') continue;
      const marked = field as typeof field & { [bounded]?: true };
      if (marked[bounded]) continue;
      marked[bounded] = true;
      const resolve = field.resolve ?? defaultFieldResolver;
      const name = `${type.name}.${field.name}`;
      field.resolve = (source, args, context, info) => {
        const result: unknown = resolve(source, args, context, info);
        return result instanceof Promise
          ? result.then((value: unknown) => checkRows(value, name, maxRows))
          : checkRows(result, name, maxRows);
      };
    }
  }
}

function checkRows(value: unknown, field: string, maxRows: number): unknown {
  if (!Array.isArray(value) || value.length <= maxRows) return value;
  throw new GraphQLError(
    `${field} would return ${value.length} items; at most ${maxRows} are allowed per list ` +
      '(filter or page it, or raise GRAPHQL_MAX_LIST_ROWS)',
    {
      extensions: {
        code: LimitCode.ROW_LIMIT_EXCEEDED,
        measured: value.length,
        allowed: maxRows,
        setting: 'GRAPHQL_MAX_LIST_ROWS',
      },
    },
  );
}
