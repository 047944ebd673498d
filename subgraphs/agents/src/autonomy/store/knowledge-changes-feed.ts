import { postToSubgraph, UnavailableError, type Logger } from '@daena/platform';
import type { KnowledgeEntryCreated } from '@daena/contracts';
import { SweepCreatedEntriesDocument } from '@daena/contracts/graphql/knowledge';
import { z } from 'zod';

/** A page of new entries, oldest first, as knowledge's change records tell them. */
export interface CreatedEntriesPage {
  /** Each entry as its `knowledge.entry.created` event would have told it, with its time. */
  entries: (KnowledgeEntryCreated & { at: Date })[];
  /** Whether the page was full: more may follow its newest. */
  more: boolean;
}

/**
 * Knowledge's new entries as the sweep reads them (issue 15): what the bus may have lost of its
 * `knowledge.entry.created` events, from the change records knowledge keeps. Read under a token
 * that sees every department (the caller's), since a new entry of any department is work.
 */
export interface KnowledgeChangesFeed {
  createdSince(since: Date, limit: number, token: string): Promise<CreatedEntriesPage>;
}

const pageShape = z.array(
  z.object({
    entryId: z.string(),
    departmentSlug: z.string(),
    at: z.string(),
    entry: z.array(z.object({ authorAgentId: z.string().nullish() })),
  }),
);

export class HttpKnowledgeChangesFeed implements KnowledgeChangesFeed {
  constructor(private readonly options: { url: string; timeoutMs: number; log: Logger }) {}

  async createdSince(since: Date, limit: number, token: string): Promise<CreatedEntriesPage> {
    const unavailable = () =>
      new UnavailableError('The knowledge subgraph is unavailable', 'KNOWLEDGE_UNAVAILABLE');
    const body = await postToSubgraph(
      { ...this.options, name: 'knowledge', unavailable },
      {
        document: SweepCreatedEntriesDocument,
        variables: { since: since.toISOString(), limit },
      },
      token,
    );
    const page = pageShape.safeParse(body.data?.['knowledgeChanges']);
    if (body.errors?.length || !page.success) {
      this.options.log.warn(
        { errors: body.errors ?? page.error?.issues },
        'knowledge answered the sweep with an error',
      );
      throw unavailable();
    }
    return {
      // An entry gone since (its list is empty) is no longer there to review.
      entries: page.data.flatMap(({ entryId, departmentSlug, at, entry: [entry] }) =>
        entry
          ? [
              {
                entryId,
                departmentSlug,
                authorAgentId: entry.authorAgentId ?? null,
                at: new Date(at),
              },
            ]
          : [],
      ),
      more: page.data.length >= limit,
    };
  }
}
