import { GraphQLError } from 'graphql';
import { z } from 'zod';

/**
 * Bounds on one GraphQL operation, checked before it is planned or executed (ARCHITECTURE §6).
 * One anonymous 50-level query through the departments ↔ agents cycle grows as 8^25 and ran the
 * whole embedded platform out of memory; these refuse it in about a millisecond.
 */
export interface OperationLimits {
  /** Nested field levels: `{ departments { id } }` is 2. */
  maxDepth: number;
  /** Aliased fields, counted through fragment spreads. */
  maxAliases: number;
  /** Fields at the root of one operation. */
  maxRootFields: number;
  /** Directives used in the operation, counted through fragment spreads. */
  maxDirectives: number;
  /** Lexical tokens in the document (graphql-js stops parsing past it). */
  maxTokens: number;
  /** Estimated cost (see operation-cost.ts). */
  maxCost: number;
  /** The size assumed for a list whose page argument is not given. */
  defaultListSize: number;
  /** Operations in one batched HTTP request; 1 turns batching off. */
  maxBatch: number;
  /** Bytes of one HTTP request body. */
  maxBodyBytes: number;
  /** Items any list field of a subgraph may return. */
  maxListRows: number;
}

/**
 * Defaults that let every query of the README, the SDK and the dashboard through (the deepest is
 * 6 levels; the standard introspection query is 13) and refuse the hostile ones in milliseconds.
 */
export const defaultOperationLimits: OperationLimits = {
  maxDepth: 15,
  maxAliases: 30,
  maxRootFields: 20,
  maxDirectives: 50,
  maxTokens: 5_000,
  maxCost: 20_000,
  defaultListSize: 10,
  maxBatch: 1,
  maxBodyBytes: 1024 * 1024,
  maxListRows: 5_000,
};

/** The codes of refused operations: each names the bound that was crossed. */
export const LimitCode = {
  MAX_DEPTH_EXCEEDED: 'MAX_DEPTH_EXCEEDED',
  MAX_ALIASES_EXCEEDED: 'MAX_ALIASES_EXCEEDED',
  MAX_ROOT_FIELDS_EXCEEDED: 'MAX_ROOT_FIELDS_EXCEEDED',
  MAX_DIRECTIVES_EXCEEDED: 'MAX_DIRECTIVES_EXCEEDED',
  MAX_TOKENS_EXCEEDED: 'MAX_TOKENS_EXCEEDED',
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  BATCH_LIMIT_EXCEEDED: 'BATCH_LIMIT_EXCEEDED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  DEADLINE_EXCEEDED: 'DEADLINE_EXCEEDED',
  ROW_LIMIT_EXCEEDED: 'ROW_LIMIT_EXCEEDED',
} as const;
export type LimitCode = (typeof LimitCode)[keyof typeof LimitCode];
export const limitCodes: ReadonlySet<string> = new Set(Object.values(LimitCode));

/** Which environment variable sets each bound (named in every refusal, so it can be raised). */
export const limitVariables: Record<keyof OperationLimits, string> = {
  maxDepth: 'GRAPHQL_MAX_DEPTH',
  maxAliases: 'GRAPHQL_MAX_ALIASES',
  maxRootFields: 'GRAPHQL_MAX_ROOT_FIELDS',
  maxDirectives: 'GRAPHQL_MAX_DIRECTIVES',
  maxTokens: 'GRAPHQL_MAX_TOKENS',
  maxCost: 'GRAPHQL_MAX_COST',
  defaultListSize: 'GRAPHQL_DEFAULT_LIST_SIZE',
  maxBatch: 'GRAPHQL_MAX_BATCH',
  maxBodyBytes: 'GRAPHQL_MAX_BODY_BYTES',
  maxListRows: 'GRAPHQL_MAX_LIST_ROWS',
};

/** A refusal: the code, the measured and the allowed value, and the setting that allows more. */
export function limitError(
  code: LimitCode,
  message: string,
  measured: number | string,
  allowed: number,
  setting: keyof OperationLimits,
  status = 400,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code,
      measured,
      allowed,
      setting: limitVariables[setting],
      http: { status },
    },
  });
}

const bound = (fallback: number, min = 1) =>
  z.coerce.number().int('expected an integer').min(min).default(fallback);

/** The limits' environment variables, for every service's config schema. */
export const operationLimitsEnv = {
  GRAPHQL_LIMITS: z
    .enum(['on', 'off'])
    .default('on')
    .describe('`off` turns every operation limit below off (for benchmarks; never in production).'),
  GRAPHQL_MAX_DEPTH: bound(defaultOperationLimits.maxDepth).describe(
    'Nested field levels of one operation (`{ departments { id } }` is 2).',
  ),
  GRAPHQL_MAX_ALIASES: bound(defaultOperationLimits.maxAliases, 0).describe(
    'Aliased fields of one operation, counted through fragment spreads.',
  ),
  GRAPHQL_MAX_ROOT_FIELDS: bound(defaultOperationLimits.maxRootFields).describe(
    'Fields at the root of one operation.',
  ),
  GRAPHQL_MAX_DIRECTIVES: bound(defaultOperationLimits.maxDirectives, 0).describe(
    'Directives of one operation, counted through fragment spreads.',
  ),
  GRAPHQL_MAX_TOKENS: bound(defaultOperationLimits.maxTokens, 100).describe(
    'Lexical tokens of one document; parsing stops past it.',
  ),
  GRAPHQL_MAX_COST: bound(defaultOperationLimits.maxCost).describe(
    "Estimated cost of one operation (a list multiplies its items' cost by its page size).",
  ),
  GRAPHQL_DEFAULT_LIST_SIZE: bound(defaultOperationLimits.defaultListSize).describe(
    'The size the cost estimate assumes for a list without a page argument.',
  ),
  GRAPHQL_MAX_BATCH: bound(defaultOperationLimits.maxBatch)
    .pipe(z.number().max(100))
    .describe('Operations in one batched HTTP request; 1 turns batching off.'),
  GRAPHQL_MAX_BODY_BYTES: bound(defaultOperationLimits.maxBodyBytes, 1024).describe(
    'Bytes of one HTTP request body (larger ones get HTTP 413).',
  ),
  GRAPHQL_MAX_LIST_ROWS: bound(defaultOperationLimits.maxListRows).describe(
    'Items any list field of a subgraph may return.',
  ),
};

export type OperationLimitsEnv = {
  [K in keyof typeof operationLimitsEnv]: z.infer<(typeof operationLimitsEnv)[K]>;
};

/** The limits a config asks for; `undefined` when GRAPHQL_LIMITS=off (benchmarks compare both). */
export function operationLimitsFrom(config: OperationLimitsEnv): OperationLimits | undefined {
  if (config.GRAPHQL_LIMITS === 'off') return undefined;
  return {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
    maxRootFields: config.GRAPHQL_MAX_ROOT_FIELDS,
    maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
    maxTokens: config.GRAPHQL_MAX_TOKENS,
    maxCost: config.GRAPHQL_MAX_COST,
    defaultListSize: config.GRAPHQL_DEFAULT_LIST_SIZE,
    maxBatch: config.GRAPHQL_MAX_BATCH,
    maxBodyBytes: config.GRAPHQL_MAX_BODY_BYTES,
    maxListRows: config.GRAPHQL_MAX_LIST_ROWS,
  };
}
