import { requestConnection } from '@daena/platform';
import type { CreateProposalInput } from '@daena/contracts/graphql/decisions';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DecisionsEscalation } from '../store/decisions-escalation.js';
import { effectOnce } from '../store/run-repository.js';

/**
 * Opens a CMP proposal as the agent, once per step (escalations and the `open_proposal` tool):
 * the draft is created under the step's idempotency key and its id recorded under the same key in
 * one transaction, then the draft is opened. Decisions keeps one draft per agent and key (issue
 * 15), so a worker that dies after decisions' commit but before its own record leaves no stray
 * draft: the resumed step's create answers with the same draft. Either way the step opens it only
 * while it is still a draft.
 */
export async function openProposalOnce(
  em: EntityManager,
  escalation: DecisionsEscalation,
  key: string,
  proposal: CreateProposalInput,
  token: string,
): Promise<string> {
  // The status decisions answered this attempt's create with; a step that found its record asks.
  const drafted: { status?: string | null } = {};
  const { effect } = await em.transactional((tx) =>
    effectOnce(requestConnection(tx), key, 'open_proposal', proposal, async () => {
      const draft = await escalation.draft(proposal, `daena-run-step:${key}`, token);
      drafted.status = draft.status;
      return { proposalId: draft.id };
    }),
  );
  // Only a draft is opened: decisions takes OPEN → OPEN for a new round, so opening an open
  // proposal again (a step resumed after its open went through) is not refused there.
  const status = drafted.status ?? (await escalation.status(effect.proposalId, token));
  if (status === 'DRAFT') await escalation.open(effect.proposalId, token);
  return effect.proposalId;
}
