import { requestConnection } from '@daena/platform';
import type { CreateProposalInput } from '@daena/contracts/graphql/decisions';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DecisionsEscalation } from '../store/decisions-escalation.js';
import { effectOnce } from '../store/run-repository.js';

/**
 * Opens a CMP proposal as the agent, once per step (escalations and the `open_proposal` tool):
 * the draft is created and its id recorded under the step's key in one transaction, then the
 * draft is opened. A resumed step finds the draft recorded and opens it if it is still a draft.
 * A worker that dies between decisions' draft and the record leaves a draft nobody votes on
 * (decisions takes no idempotency key for drafts), never a second open proposal.
 */
export async function openProposalOnce(
  em: EntityManager,
  escalation: DecisionsEscalation,
  key: string,
  proposal: CreateProposalInput,
  token: string,
): Promise<string> {
  const { effect, repeated } = await em.transactional((tx) =>
    effectOnce(requestConnection(tx), key, 'open_proposal', proposal, async () => ({
      proposalId: await escalation.draft(proposal, token),
    })),
  );
  // A resumed step opens only a draft still closed: decisions takes OPEN → OPEN for a new round,
  // so opening an open proposal again is not refused there (it fails on its stakeholders).
  if (repeated && (await escalation.status(effect.proposalId, token)) !== 'DRAFT') {
    return effect.proposalId;
  }
  await escalation.open(effect.proposalId, token);
  return effect.proposalId;
}
