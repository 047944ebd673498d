import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { z } from 'zod';
import type { UnavailableError } from './errors.js';
import type { Logger } from './logger.js';

/** Another subgraph, as one service calls it directly (not through the gateway). */
export interface SubgraphEndpoint {
  /** The subgraph's name, for logs: `agents`, `decisions`. */
  name: string;
  url: string;
  /** How long one call may take before the subgraph counts as unavailable. */
  timeoutMs: number;
  log: Logger;
  /** The error callers get when the subgraph cannot answer (each names its own reason). */
  unavailable: () => UnavailableError;
}

const graphqlResponse = z.object({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        extensions: z.object({ code: z.string().optional() }).loose().optional(),
      }),
    )
    .optional(),
});
export type GraphQLResponseBody = z.infer<typeof graphqlResponse>;

/** One operation for another subgraph: a document generated in @daena/contracts, its variables. */
export interface SubgraphOperation<TResult, TVariables> {
  document: TypedDocumentNode<TResult, TVariables>;
  /** Typed by the document alone, so a variable the operation does not declare is an error. */
  variables: NoInfer<TVariables>;
}

/**
 * An operation's result with every enum opened to `string`: what a service parses another's
 * answer into, so a value a newer version of the owner adds (a role, a kind) is still read, and
 * the caller decides what an unknown value means, rather than the call failing.
 */
export type OpenEnums<T> = T extends string
  ? string
  : T extends readonly (infer Item)[]
    ? OpenEnums<Item>[]
    : T extends object
      ? { [K in keyof T]: OpenEnums<T[K]> }
      : T;

/** Each generated document is a module constant: printed once, on its first call. */
const printed = new WeakMap<DocumentNode, string>();
function queryText(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/**
 * One GraphQL-over-HTTP call to another subgraph, forwarding the caller's token. Resolves to the
 * response body, which may carry errors (a 4xx answer with a GraphQL body is an answer); throws
 * the endpoint's UnavailableError when the subgraph cannot be reached in time, fails (5xx), or
 * answers with something that is not GraphQL. `data` is not checked against the operation's
 * result type: the caller parses what it reads (another version of the subgraph may answer).
 */
export async function postToSubgraph<TResult, TVariables>(
  endpoint: SubgraphEndpoint,
  operation: SubgraphOperation<TResult, TVariables>,
  token: string | null,
): Promise<GraphQLResponseBody> {
  const payload = { query: queryText(operation.document), variables: operation.variables };
  let status: number | undefined;
  try {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(endpoint.timeoutMs),
    });
    status = response.status;
    const body = graphqlResponse.safeParse(await response.json());
    if (response.status < 500 && body.success && (body.data.data || body.data.errors?.length)) {
      return body.data;
    }
    endpoint.log.warn({ status }, `${endpoint.name} subgraph refused the request`);
  } catch (error) {
    endpoint.log.warn(
      { err: error instanceof Error ? error.message : String(error), url: endpoint.url, status },
      status === undefined
        ? `${endpoint.name} subgraph is unreachable`
        : `${endpoint.name} answered no GraphQL`,
    );
  }
  throw endpoint.unavailable();
}
