import {
  DaenaError,
  ErrorCode,
  postToSubgraph,
  UnavailableError,
  type GraphQLResponseBody,
  type Logger,
  type SubgraphOperation,
} from '@daena/platform';
import {
  AgentReadKnowledgeDocument,
  AgentSearchKnowledgeDocument,
  AgentWriteKnowledgeDocument,
  type KnowledgeEntryCreateInput,
} from '@daena/contracts/graphql/knowledge';
import { z } from 'zod';
import {
  readResult,
  snippetOf,
  type FoundEntry,
  type ReadEntry,
} from '../domain/knowledge-results.js';

/**
 * The knowledge subgraph as an agent's tools see it (issue 15 §3). Every call carries the agent's
 * own token, so knowledge's access rules decide what the agent finds and where it may write.
 */
export interface KnowledgeTools {
  /** Full-text search: at most `limit` entries the agent may read, best first. */
  search(query: string, limit: number, token: string): Promise<FoundEntry[]>;
  /** One entry, or null when it does not exist or the agent may not read it. */
  read(entryId: string, token: string): Promise<ReadEntry | null>;
  /**
   * Creates the entry under `idempotencyKey`: sent again with the same key (a resumed step), it
   * answers with the entry the first create made and writes nothing.
   */
  write(input: KnowledgeEntryCreateInput, token: string): Promise<{ entryId: string }>;
}

export interface KnowledgeHttpOptions {
  url: string;
  timeoutMs: number;
  log: Logger;
}

/** Knowledge refused the call for good (bad input, not allowed): the step is refused with it. */
export class KnowledgeRefusedError extends DaenaError {}

const entryShape = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  kind: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  departmentSlug: z.string(),
  accessLevel: z.string(),
  updatedAt: z.string().nullish(),
});
const searchShape = z.object({ edges: z.array(z.object({ node: entryShape })) });
const createdShape = z.object({ knowledgeEntries: z.array(z.object({ id: z.string() })).min(1) });

export class HttpKnowledgeTools implements KnowledgeTools {
  constructor(private readonly options: KnowledgeHttpOptions) {}

  async search(query: string, limit: number, token: string): Promise<FoundEntry[]> {
    const data = await this.call(
      'searchKnowledge',
      { document: AgentSearchKnowledgeDocument, variables: { phrase: query, first: limit } },
      token,
    );
    const found = this.parse('searchKnowledge', searchShape, data['searchKnowledge']);
    return found.edges.slice(0, limit).map(({ node }) => ({
      id: node.id,
      title: node.title,
      kind: node.kind ?? null,
      departmentSlug: node.departmentSlug,
      accessLevel: node.accessLevel,
      snippet: snippetOf(node.body, query),
    }));
  }

  async read(entryId: string, token: string): Promise<ReadEntry | null> {
    const data = await this.call(
      'knowledgeEntries',
      { document: AgentReadKnowledgeDocument, variables: { id: entryId } },
      token,
    );
    const [entry] = this.parse('knowledgeEntries', z.array(entryShape), data['knowledgeEntries']);
    if (!entry) return null;
    return readResult({
      ...entry,
      kind: entry.kind ?? null,
      tags: entry.tags ?? [],
      updatedAt: entry.updatedAt ?? null,
    });
  }

  async write(input: KnowledgeEntryCreateInput, token: string): Promise<{ entryId: string }> {
    const body = await postToSubgraph(
      this.endpoint(),
      { document: AgentWriteKnowledgeDocument, variables: { input } },
      token,
    );
    const [error] = body.errors ?? [];
    const first = (error?.extensions?.['details'] as { entryId?: unknown } | undefined)?.entryId;
    // The first create of this key committed (its worker died before recording it): that entry.
    if (error?.extensions?.['reason'] === 'IDEMPOTENCY_KEY_REPEATED' && typeof first === 'string') {
      return { entryId: first };
    }
    const data = this.dataOf('createKnowledgeEntries', body);
    const created = this.parse(
      'createKnowledgeEntries',
      createdShape,
      data['createKnowledgeEntries'],
    );
    return { entryId: created.knowledgeEntries[0]?.id ?? '' };
  }

  private endpoint() {
    return { ...this.options, name: 'knowledge', unavailable: () => knowledgeUnavailable() };
  }

  private async call<TResult, TVariables>(
    operation: string,
    request: SubgraphOperation<TResult, TVariables>,
    token: string,
  ): Promise<Record<string, unknown>> {
    this.options.log.debug({ operation }, 'asking the knowledge subgraph');
    return this.dataOf(operation, await postToSubgraph(this.endpoint(), request, token));
  }

  /**
   * The answer's data, or its first error as a refusal (the caller's input or rights: retrying
   * cannot help) or as unavailability (anything else: the step is tried again later).
   */
  private dataOf(operation: string, body: GraphQLResponseBody): Record<string, unknown> {
    const [error] = body.errors ?? [];
    if (!error) return body.data ?? {};
    const code = error.extensions?.code;
    const reason = error.extensions?.['reason'];
    switch (code) {
      case ErrorCode.BAD_USER_INPUT:
      case ErrorCode.FORBIDDEN:
      case ErrorCode.NOT_FOUND:
        throw new KnowledgeRefusedError(
          code,
          `knowledge refused ${operation}: ${error.message}`,
          typeof reason === 'string' ? reason : code,
        );
      default:
        this.options.log.warn({ operation, code, error: error.message }, 'knowledge call failed');
        throw knowledgeUnavailable(`The knowledge subgraph failed ${operation}: ${error.message}`);
    }
  }

  private parse<T>(operation: string, shape: z.ZodType<T>, value: unknown): T {
    const parsed = shape.safeParse(value);
    if (!parsed.success) {
      throw knowledgeUnavailable(`The knowledge subgraph answered ${operation} in another shape`);
    }
    return parsed.data;
  }
}

function knowledgeUnavailable(
  message = 'The knowledge subgraph is unavailable; nothing was changed',
): UnavailableError {
  return new UnavailableError(message, 'KNOWLEDGE_UNAVAILABLE');
}
