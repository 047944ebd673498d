import { randomUUID } from 'node:crypto';
import { Role, requestConnection, requireRole, type Principal } from '@daena/platform';
import { authorizeRequest } from '../domain/proposal-request.js';
import {
  assertSameRequest,
  checkIdempotencyKey,
  requestFingerprint,
  type ProposalKey,
} from '../domain/proposal-key.js';
import {
  ProposalStatus,
  validateProposalRequest,
  type ProposalDraft,
  type ProposalRequest,
} from '../domain/proposal.js';
import type { OrganizationCell } from '../domain/electorate.js';
import type { DecisionsContext } from '../request/context.js';
import { runInTransaction, type DecisionTransaction } from '../store/decision-transaction.js';
import { isKeyTaken, ProposalKeys } from '../store/proposal-keys.js';
import type { ProposalRecord } from '../store/records.js';
import { announce, noEffects, type Effects } from './effects.js';

/** A checked request, with the organization it was checked against. */
export interface AuthorizedRequest {
  draft: ProposalDraft;
  organization: OrganizationCell[];
  requester: { subject: string; agentId: string | null };
  by: string;
}

/** A `createProposal` request: the proposal, and the creator's key for sending it again. */
export interface CreateProposalRequest extends ProposalRequest {
  idempotencyKey?: string | null | undefined;
}

/** The caller, if they may propose at all (executives, department leads and agents). */
function proposer(ctx: DecisionsContext): Principal & { sub: string } {
  requireRole(ctx.principal, Role.EXECUTIVE, Role.DEPARTMENT_LEAD, Role.AGENT);
  return ctx.principal as Principal & { sub: string };
}

/** Checks role, input, departments and requester: everything before anything is written. */
export async function authorizeProposal(
  ctx: DecisionsContext,
  request: ProposalRequest,
): Promise<AuthorizedRequest> {
  const { principal, runtime } = ctx;
  const caller = proposer(ctx);
  const draft = validateProposalRequest(request, runtime.now(), runtime.roundSeconds);
  const organization = await runtime.agents.organization(principal.token);
  const requester = authorizeRequest(caller, organization, draft);
  return { draft, organization, requester, by: caller.sub };
}

/** Inserts the draft and its first transition (none → DRAFT), under the creator's key if any. */
export async function insertDraft(
  tx: DecisionTransaction,
  request: AuthorizedRequest,
  effects: Effects,
  key: ProposalKey | null = null,
): Promise<ProposalRecord> {
  const proposal = await tx.proposals.insertDraft({
    ...request.draft,
    id: randomUUID(),
    createdBy: request.by,
    requesterSubject: request.requester.subject,
    requesterAgentId: request.requester.agentId,
    key,
  });
  const transition = await tx.transitions.record(proposal.id, randomUUID(), {
    from: null,
    to: ProposalStatus.DRAFT,
    round: 0,
    by: request.by,
    reason: null,
  });
  effects.transitions.push({ proposal, transition });
  return proposal;
}

/**
 * Creates a DRAFT proposal: nobody votes until it is opened. Under an idempotency key it does so
 * once per creator (issue 15: a caller that lost the answer, e.g. an agent's worker killed before
 * its checkpoint, sends the create again): the same request again answers with the first proposal,
 * whatever its status now, and writes nothing; a different request under the key is CONFLICT
 * `IDEMPOTENCY_KEY_REPEATED` naming that proposal (`details.proposalId`).
 */
export async function createProposal(
  ctx: DecisionsContext,
  request: CreateProposalRequest,
): Promise<ProposalRecord> {
  const by = proposer(ctx).sub;
  const key = keyOf(request);
  const first = key && (await createdUnder(ctx, by, key));
  if (first) return first;
  const authorized = await authorizeProposal(ctx, request);
  const effects = noEffects();
  let proposal: ProposalRecord;
  try {
    proposal = await runInTransaction(ctx.em, ctx.runtime.jobs, (tx) =>
      insertDraft(tx, authorized, effects, key),
    );
  } catch (error) {
    // Creates under one key raced past the read above: the constraint let the first commit, and
    // this one rolled back whole (its insert is its first write). The first answers it.
    const winner = key && isKeyTaken(error) ? await createdUnder(ctx, by, key) : null;
    if (winner) return winner;
    throw error;
  }
  ctx.afterWrite();
  await announce(ctx.runtime, effects);
  return proposal;
}

/** The request's key and fingerprint; null without a key, BAD_USER_INPUT for a malformed one. */
function keyOf(request: CreateProposalRequest): ProposalKey | null {
  const key = checkIdempotencyKey(request.idempotencyKey);
  return key === null ? null : { key, fingerprint: requestFingerprint(request) };
}

/** The proposal `by` created under the key for this same request, null if none (else CONFLICT). */
async function createdUnder(
  ctx: DecisionsContext,
  by: string,
  key: ProposalKey,
): Promise<ProposalRecord | null> {
  const first = await new ProposalKeys(requestConnection(ctx.em)).byKey(by, key.key);
  if (!first) return null;
  assertSameRequest(
    { proposalId: first.proposal.id, fingerprint: first.fingerprint },
    key.fingerprint,
  );
  return first.proposal;
}
