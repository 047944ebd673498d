import { postToSubgraph, signServiceToken, UnavailableError, type Logger } from '@daena/platform';
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
 * `knowledge.entry.created` events, from the creations knowledge records. A new entry of any
 * department is work, so they are read through knowledge's service query, which answers the
 * agents service's token only.
 */
export interface KnowledgeChangesFeed {
  createdSince(since: Date, limit: number): Promise<CreatedEntriesPage>;
}

const pageShape = z.array(
  z.object({
    id: z.string(),
    departmentSlug: z.string(),
    authorAgentId: z.string().nullable(),
    createdAt: z.string(),
  }),
);

export interface KnowledgeChangesFeedOptions {
  url: string;
  timeoutMs: number;
  /** The HS256 secret service tokens are signed with (JWT_SECRET, which knowledge shares). */
  secret: string;
  issuer: string;
  log: Logger;
}

export class HttpKnowledgeChangesFeed implements KnowledgeChangesFeed {
  constructor(private readonly options: KnowledgeChangesFeedOptions) {}

  async createdSince(since: Date, limit: number): Promise<CreatedEntriesPage> {
    const unavailable = () =>
      new UnavailableError('The knowledge subgraph is unavailable', 'KNOWLEDGE_UNAVAILABLE');
    const body = await postToSubgraph(
      { ...this.options, name: 'knowledge', unavailable },
      {
        document: SweepCreatedEntriesDocument,
        variables: { since: since.toISOString(), limit },
      },
      // Signed per read: one short-lived token a sweep, naming agents as the caller.
      await signServiceToken(this.options.secret, 'agents', this.options.issuer),
    );
    const page = pageShape.safeParse(body.data?.['createdEntriesSince']);
    if (body.errors?.length || !page.success) {
      this.options.log.warn(
        { errors: body.errors ?? page.error?.issues },
        'knowledge answered the sweep with an error',
      );
      throw unavailable();
    }
    return {
      // Knowledge leaves out entries deleted since: they are no longer there to review.
      entries: page.data.map(({ id, departmentSlug, authorAgentId, createdAt }) => ({
        entryId: id,
        departmentSlug,
        authorAgentId,
        at: new Date(createdAt),
      })),
      more: page.data.length >= limit,
    };
  }
}
