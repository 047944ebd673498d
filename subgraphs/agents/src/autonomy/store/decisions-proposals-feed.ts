import type { Logger } from '@daena/platform';
import type { ProposalChanged } from '@daena/contracts';
import { SweepAcceptedProposalsDocument } from '@daena/contracts/graphql/decisions';
import { z } from 'zod';
import { decisionsUnavailable, postToDecisions } from '../../voting/store/decisions-client.js';

/** A page of accepted proposals, in the order they closed. */
export interface AcceptedProposalsPage {
  /** Each as its `proposal.closed` event would have told it, with the time it closed. */
  proposals: (ProposalChanged & { closedAt: Date })[];
  /** Whether the page was full: more may follow its newest. */
  more: boolean;
}

/**
 * Decisions' accepted proposals as the sweep reads them (issue 15): what the bus may have lost of
 * its `proposal.closed` events, those that call for a follow-up task.
 */
export interface DecisionsProposalsFeed {
  acceptedSince(since: Date, token: string | null): Promise<AcceptedProposalsPage>;
}

/** How many proposals decisions lists at most (its `proposals` query has no page size). */
const decisionsListLimit = 100;

const pageShape = z.array(
  z.object({ id: z.string(), departmentId: z.string(), closedAt: z.string() }),
);

export class HttpDecisionsProposalsFeed implements DecisionsProposalsFeed {
  constructor(private readonly options: { url: string; timeoutMs: number; log: Logger }) {}

  async acceptedSince(since: Date, token: string | null): Promise<AcceptedProposalsPage> {
    const body = await postToDecisions(
      this.options,
      { document: SweepAcceptedProposalsDocument, variables: { since: since.toISOString() } },
      token,
    );
    const page = pageShape.safeParse(body.data?.['proposals']);
    if (body.errors?.length || !page.success) {
      this.options.log.warn(
        { errors: body.errors ?? page.error?.issues },
        'decisions answered the sweep with an error',
      );
      throw decisionsUnavailable();
    }
    return {
      proposals: page.data.map(({ id, departmentId, closedAt }) => ({
        proposalId: id,
        status: 'ACCEPTED',
        departmentId,
        closedAt: new Date(closedAt),
      })),
      more: page.data.length >= decisionsListLimit,
    };
  }
}
