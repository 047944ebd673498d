import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { estimateCost } from './operation-cost.js';
import { LimitCode, limitCodes, limitError, type OperationLimits } from './operation-limits.js';
import { measureOperation } from './operation-shape.js';

/** The shape bounds (depth, aliases, root fields, directives) of one operation, worst first. */
export function shapeViolations(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  limits: OperationLimits,
): GraphQLError[] {
  const shape = measureOperation(operation, document);
  const name = operation.name ? `Operation ${operation.name.value}` : 'The operation';
  const errors: GraphQLError[] = [];
  if (shape.depth > limits.maxDepth) {
    errors.push(
      limitError(
        LimitCode.MAX_DEPTH_EXCEEDED,
        `${name} is ${shape.depth} levels deep; at most ${limits.maxDepth} are allowed`,
        shape.depth,
        limits.maxDepth,
        'maxDepth',
      ),
    );
  }
  if (shape.aliases > limits.maxAliases) {
    errors.push(
      limitError(
        LimitCode.MAX_ALIASES_EXCEEDED,
        `${name} uses ${shape.aliases} aliases; at most ${limits.maxAliases} are allowed`,
        shape.aliases,
        limits.maxAliases,
        'maxAliases',
      ),
    );
  }
  if (shape.rootFields > limits.maxRootFields) {
    errors.push(
      limitError(
        LimitCode.MAX_ROOT_FIELDS_EXCEEDED,
        `${name} selects ${shape.rootFields} root fields; at most ${limits.maxRootFields} are allowed`,
        shape.rootFields,
        limits.maxRootFields,
        'maxRootFields',
      ),
    );
  }
  if (shape.directives > limits.maxDirectives) {
    errors.push(
      limitError(
        LimitCode.MAX_DIRECTIVES_EXCEEDED,
        `${name} uses ${shape.directives} directives; at most ${limits.maxDirectives} are allowed`,
        shape.directives,
        limits.maxDirectives,
        'maxDirectives',
      ),
    );
  }
  return errors;
}

/**
 * A validation rule for the shape bounds. It needs no schema or variables, so it runs in the
 * validation phase, whose result Apollo Server caches per document: a repeated query pays nothing.
 */
export function operationShapeRule(limits: OperationLimits): ValidationRule {
  return (context) => ({
    Document: {
      leave(document) {
        for (const definition of document.definitions) {
          if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
          for (const error of shapeViolations(definition, document, limits)) {
            context.reportError(error);
          }
        }
      },
    },
  });
}

/** The cost bound, which needs the variables (a page argument may be one). */
export function costViolation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: OperationLimits,
): GraphQLError | undefined {
  const cost = estimateCost(schema, document, operation, variables, limits);
  if (cost <= limits.maxCost) return undefined;
  return limitError(
    LimitCode.COST_LIMIT_EXCEEDED,
    `The operation's estimated cost is ${Math.round(cost)}; at most ${limits.maxCost} is allowed ` +
      '(page arguments such as first: lower it)',
    Math.round(cost),
    limits.maxCost,
    'maxCost',
  );
}

/** Checks the estimated cost once the operation and its variables are known, before execution. */
export function costLimitPlugin<T extends BaseContext>(
  limits: OperationLimits,
): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const error = costViolation(schema, document, operation, request.variables ?? {}, limits);
          if (error) throw error;
        },
      };
    },
  };
}

// graphql-js 16 words it "more that"; accept the fixed spelling too.
const tooManyTokens = /Document contains more (?:than|that) (\d+) tokens/;

/**
 * The refusal a limit made, if `error` is one: limit errors reported by a validation rule reach
 * the formatter wrapped in Apollo's ValidationError; a parse stopped at `maxTokens` reaches it as
 * a syntax error, turned here into MAX_TOKENS_EXCEEDED.
 */
export function limitRefusal(error: unknown): GraphQLError | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  for (const candidate of [error, error.originalError]) {
    if (candidate instanceof GraphQLError) {
      const code = candidate.extensions['code'];
      if (typeof code === 'string' && limitCodes.has(code)) return candidate;
    }
  }
  const tokens = tooManyTokens.exec(error.message);
  if (!tokens?.[1]) return undefined;
  const allowed = Number(tokens[1]);
  return limitError(
    LimitCode.MAX_TOKENS_EXCEEDED,
    `The document has more than ${allowed} tokens; at most ${allowed} are allowed`,
    `> ${allowed}`,
    allowed,
    'maxTokens',
  );
}
