import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '@daena/platform';
import { GraphQLError } from 'graphql';
import { z } from 'zod';

/**
 * Trusted documents: the operations `npm run codegen` finds in `clients/` and writes, by SHA-256,
 * to `clients/sdk/src/gql/persisted-documents.json` (GraphQL Code Generator's persisted documents
 * format). `allow` serves a document by its hash and any other query as usual; `only` serves the
 * manifest's documents and refuses everything else, so a production API runs no operation its
 * own clients did not ship.
 */
export type PersistedDocumentsMode = 'off' | 'allow' | 'only';

/** A GraphQL request as it arrives: a query, or a document's hash instead of one. */
export interface IncomingOperation {
  query?: unknown;
  /** GraphQL over HTTP's persisted documents: `"sha256:<hex>"` or the bare hex. */
  documentId?: unknown;
  /** Apollo's format: `{ persistedQuery: { version: 1, sha256Hash } }`. */
  extensions?: unknown;
}

export interface PersistedDocuments {
  readonly mode: PersistedDocumentsMode;
  readonly size: number;
  /**
   * Puts the document's text in `operation.query` when it names a hash (and removes the hash, so
   * Apollo's own APQ does not check it against the text); returns the refusal otherwise.
   */
  resolve(operation: IncomingOperation): GraphQLError | undefined;
}

const manifestSchema = z.record(z.string().regex(/^[0-9a-f]{64}$/), z.string().min(1));
const persistedQuerySchema = z.object({
  persistedQuery: z.object({ sha256Hash: z.string() }).loose(),
});

export function loadPersistedDocuments(
  mode: PersistedDocumentsMode,
  path: string,
): PersistedDocuments | undefined {
  if (mode === 'off') return undefined;
  let manifest: Record<string, string>;
  try {
    manifest = manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    const why =
      error instanceof SyntaxError || error instanceof z.ZodError
        ? 'is not a manifest'
        : 'cannot be read';
    throw new ConfigError(
      'PERSISTED_DOCUMENTS_PATH',
      `PERSISTED_DOCUMENTS_PATH: ${path} ${why} (run npm run codegen)`,
    );
  }
  const documents = new Map(Object.entries(manifest));
  const known = new Set(documents.keys());
  return {
    mode,
    size: documents.size,
    resolve(operation) {
      const hash = requestedHash(operation);
      if (hash !== undefined) {
        const text = documents.get(hash);
        if (!text) {
          return refusal(
            'PERSISTED_DOCUMENT_NOT_FOUND',
            `No trusted document has the hash ${hash}; regenerate the client (npm run codegen)`,
          );
        }
        operation.query = text;
        delete operation.documentId;
        dropPersistedQuery(operation);
        return undefined;
      }
      if (
        mode === 'only' &&
        !(typeof operation.query === 'string' && known.has(sha256(operation.query)))
      ) {
        return refusal(
          'PERSISTED_DOCUMENT_REQUIRED',
          'This API runs trusted documents only: send the documentId of an operation from the client manifest',
        );
      }
      return undefined;
    },
  };
}

function requestedHash(operation: IncomingOperation): string | undefined {
  if (typeof operation.documentId === 'string') {
    return operation.documentId.replace(/^sha256:/, '').toLowerCase();
  }
  const apq = persistedQuerySchema.safeParse(operation.extensions);
  return apq.success ? apq.data.persistedQuery.sha256Hash.toLowerCase() : undefined;
}

function dropPersistedQuery(operation: IncomingOperation): void {
  if (typeof operation.extensions !== 'object' || operation.extensions === null) return;
  const { persistedQuery: _drop, ...rest } = operation.extensions as Record<string, unknown>;
  operation.extensions = rest;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function refusal(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}
