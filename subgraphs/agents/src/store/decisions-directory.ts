import { UnavailableError, type Logger } from '@daena/platform';
import { z } from 'zod';

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

const openProposalsQuery =
  'query ($departmentId: ID!) { proposals(status: OPEN, departmentId: $departmentId) { id } }';

const responseSchema = z.object({
  data: z.object({ proposals: z.array(z.object({ id: z.string() })) }).nullish(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

export interface HttpDecisionsDirectoryOptions {
  url: string;
  timeoutMs: number;
  log: Logger;
}

/** Asks the decisions subgraph over plain GraphQL-over-HTTP, forwarding the caller's token. */
export class HttpDecisionsDirectory implements DecisionsDirectory {
  constructor(private readonly options: HttpDecisionsDirectoryOptions) {}

  async openProposalIds(departmentId: string, token: string | null): Promise<string[]> {
    const body = await this.post({ query: openProposalsQuery, variables: { departmentId } }, token);
    const parsed = responseSchema.safeParse(body);
    if (!parsed.success || parsed.data.errors?.length || !parsed.data.data) {
      this.options.log.warn(
        { errors: parsed.success ? parsed.data.errors : parsed.error.issues },
        'decisions subgraph answered with an error',
      );
      throw unavailable();
    }
    return parsed.data.data.proposals.map((proposal) => proposal.id);
  }

  private async post(payload: unknown, token: string | null): Promise<unknown> {
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (!response.ok) {
        this.options.log.warn(
          { status: response.status },
          'decisions subgraph refused the request',
        );
        throw unavailable();
      }
      return await response.json();
    } catch (error) {
      if (error instanceof UnavailableError) throw error;
      this.options.log.warn(
        { err: error instanceof Error ? error.message : String(error), url: this.options.url },
        'decisions subgraph is unreachable',
      );
      throw unavailable();
    }
  }
}

function unavailable(): UnavailableError {
  return new UnavailableError(
    'The decisions subgraph is unavailable; nothing was changed',
    'DECISIONS_UNAVAILABLE',
  );
}
