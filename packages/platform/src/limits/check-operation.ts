import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { costViolation, limitRefusal, operationShapeRule } from './apollo-limits.js';
import type { OperationLimits } from './operation-limits.js';

export interface OperationCheckOptions {
  limits?: OperationLimits | undefined;
  /** Production mode: validation messages carry no "Did you mean" suggestions. */
  production?: boolean | undefined;
}

/**
 * Parse, validation and the operation limits for transports outside Apollo Server's HTTP
 * pipeline (graphql-ws at the gateway, a subgraph's SSE stream), with the codes HTTP requests get:
 * GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED or the limit's own.
 */
export function checkOperation(
  schema: GraphQLSchema,
  query: string,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  options: OperationCheckOptions = {},
): { document: DocumentNode; errors?: undefined } | { errors: GraphQLError[] } {
  const { limits, production } = options;
  let document: DocumentNode;
  try {
    document = parse(query, limits ? { maxTokens: limits.maxTokens } : {});
  } catch (error) {
    return { errors: [withCode(limitRefusal(error) ?? error, 'GRAPHQL_PARSE_FAILED')] };
  }
  const rules = limits ? [...specifiedRules, operationShapeRule(limits)] : specifiedRules;
  const invalid = validate(schema, document, rules);
  if (invalid.length > 0) {
    return {
      errors: invalid.map((error) =>
        hideSuggestions(withCode(error, 'GRAPHQL_VALIDATION_FAILED'), production),
      ),
    };
  }
  const operation = getOperationAST(document, operationName);
  const tooCostly =
    limits && operation && costViolation(schema, document, operation, variables, limits);
  if (tooCostly) return { errors: [withCode(tooCostly, 'COST_LIMIT_EXCEEDED')] };
  return { document };
}

/** The error with its own code kept (a limit's measured and allowed values too), else `code`. */
export function withCode(error: unknown, code: string): GraphQLError {
  const message = error instanceof Error ? error.message : String(error);
  const { http: _status, ...extensions } =
    error instanceof GraphQLError ? error.extensions : ({} as Record<string, unknown>);
  return new GraphQLError(message, {
    ...(error instanceof GraphQLError && error.nodes ? { nodes: error.nodes } : {}),
    extensions: { ...extensions, code: extensions['code'] ?? code },
  });
}

/** What Apollo's hideSchemaDetailsFromClientErrors does to HTTP validation errors. */
function hideSuggestions(error: GraphQLError, production: boolean | undefined): GraphQLError {
  if (!production) return error;
  const message = error.message.replace(/ ?Did you mean(.+?)\?$/, '');
  return new GraphQLError(message, { extensions: error.extensions });
}
