import { DaenaError, ErrorCode, type GraphQLResponseBody } from '@daena/platform';
import {
  AgentDraftProposalDocument,
  AgentOpenDraftDocument,
  AgentProposalOutcomeDocument,
  type CreateProposalInput,
} from '@daena/contracts/graphql/decisions';
import {
  decisionsUnavailable,
  postToDecisions,
  type DecisionsHttpOptions,
} from '../../voting/store/decisions-client.js';

/** A draft as decisions answered its create: a repeated create answers with the first draft. */
export interface DraftedProposal {
  id: string;
  /** Its status now: DRAFT unless it was opened (or closed) since the first create. */
  status: string | null;
}

/** The decisions subgraph as the autonomy engine sees it: where escalated tasks go. */
export interface DecisionsEscalation {
  /**
   * Creates the proposal as a draft (the agent's own request) under `idempotencyKey`: sent again
   * with the key (a resumed step), it answers with the draft the first create made.
   */
  draft(
    input: CreateProposalInput,
    idempotencyKey: string,
    token: string,
  ): Promise<DraftedProposal>;
  /** Opens the draft; opening one already open (a resumed step) changes nothing. */
  open(proposalId: string, token: string): Promise<void>;
  /** The proposal's status, or null when decisions does not know it. */
  status(proposalId: string, token: string): Promise<string | null>;
}

/** Decisions refused the escalation for good (bad input, not allowed): the run fails with it. */
export class EscalationRefusedError extends DaenaError {}

const refusals: ReadonlySet<string> = new Set([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
]);

export class HttpDecisionsEscalation implements DecisionsEscalation {
  constructor(private readonly options: DecisionsHttpOptions) {}

  async draft(
    input: CreateProposalInput,
    idempotencyKey: string,
    token: string,
  ): Promise<DraftedProposal> {
    const body = await postToDecisions(
      this.options,
      { document: AgentDraftProposalDocument, variables: { input: { ...input, idempotencyKey } } },
      token,
    );
    const [error] = body.errors ?? [];
    const first = (error?.extensions?.['details'] as { proposalId?: unknown } | undefined)
      ?.proposalId;
    // The key made a draft from another request (the task changed before the step was resumed):
    // that draft is the step's one effect, so the step takes it rather than leave it unopened.
    if (error?.extensions?.['reason'] === 'IDEMPOTENCY_KEY_REPEATED' && typeof first === 'string') {
      return { id: first, status: await this.status(first, token) };
    }
    refuseOrFail('createProposal', body);
    const created = body.data?.['createProposal'] as { id?: unknown; status?: unknown } | undefined;
    if (typeof created?.id !== 'string') {
      throw decisionsUnavailable('createProposal answered without an id');
    }
    return { id: created.id, status: typeof created.status === 'string' ? created.status : null };
  }

  async open(proposalId: string, token: string): Promise<void> {
    const body = await postToDecisions(
      this.options,
      { document: AgentOpenDraftDocument, variables: { id: proposalId } },
      token,
    );
    // CONFLICT: it is open (or closed) already: a step resumed after the first open.
    if (body.errors?.every((error) => error.extensions?.code === ErrorCode.CONFLICT)) return;
    refuseOrFail('openProposal', body);
  }

  async status(proposalId: string, token: string): Promise<string | null> {
    const body = await postToDecisions(
      this.options,
      { document: AgentProposalOutcomeDocument, variables: { id: proposalId } },
      token,
    );
    refuseOrFail('proposal', body);
    const proposal = body.data?.['proposal'] as { status?: unknown } | null | undefined;
    return typeof proposal?.status === 'string' ? proposal.status : null;
  }
}

function refuseOrFail(operation: string, body: GraphQLResponseBody): void {
  const [error] = body.errors ?? [];
  if (!error) return;
  const code = error.extensions?.code;
  const reason = error.extensions?.['reason'];
  if (typeof code === 'string' && refusals.has(code)) {
    throw new EscalationRefusedError(
      code as ErrorCode,
      `decisions refused ${operation}: ${error.message}`,
      typeof reason === 'string' ? reason : code,
    );
  }
  throw decisionsUnavailable(`The decisions subgraph failed ${operation}: ${error.message}`);
}
