import {
  OpenProposalIdsDocument,
  type OpenProposalIdsQuery,
} from '@daena/contracts/graphql/decisions';
import { z } from 'zod';
import {
  decisionsUnavailable,
  postToDecisions,
  type DecisionsHttpOptions,
} from '../../voting/store/decisions-client.js';

/**
 * The decisions subgraph as the agents service sees it: whether a department still has open
 * proposals (which keep it from being retired). Behind an interface so the service can be given
 * another implementation; the integration tests use the HTTP one against the real decisions
 * service.
 */
export interface DecisionsDirectory {
  /**
   * Ids of the department's OPEN proposals (at most the decisions subgraph's list limit, 100:
   * enough to know there are some). Throws UnavailableError when decisions cannot answer.
   */
  openProposalIds(departmentId: string, token: string | null): Promise<string[]>;
}

const proposalsSchema: z.ZodType<OpenProposalIdsQuery['proposals']> = z.array(
  z.object({ id: z.string() }),
);

export type HttpDecisionsDirectoryOptions = DecisionsHttpOptions;

/** Asks the decisions subgraph over plain GraphQL-over-HTTP, forwarding the caller's token. */
export class HttpDecisionsDirectory implements DecisionsDirectory {
  constructor(private readonly options: HttpDecisionsDirectoryOptions) {}

  async openProposalIds(departmentId: string, token: string | null): Promise<string[]> {
    const body = await postToDecisions(
      this.options,
      { document: OpenProposalIdsDocument, variables: { departmentId } },
      token,
    );
    const proposals = proposalsSchema.safeParse(body.data?.['proposals']);
    if (body.errors?.length || !proposals.success) {
      this.options.log.warn(
        { errors: body.errors ?? proposals.error?.issues },
        'decisions subgraph answered with an error',
      );
      throw decisionsUnavailable();
    }
    return proposals.data.map((proposal) => proposal.id);
  }
}
