import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCouncilProposal, voteAll } from './operations.js';
import { startStack, type Stack } from './stack.js';

/** ARCHITECTURE §1: a decided proposal's result goes into the tamper-evident decision ledger. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

const ledgerQuery = `
  query ($id: ID!) {
    proposal(id: $id) { status ledgerHead ledger { position kind at payload previousHash hash } }
    verifyLedger(proposalId: $id) { valid entries head brokenAt problem }
  }
`;

interface LedgerResult {
  proposal: {
    status: string;
    ledgerHead: string | null;
    ledger: {
      position: number;
      kind: string;
      at: string;
      payload: string;
      previousHash: string;
      hash: string;
    }[];
  };
  verifyLedger: {
    valid: boolean;
    entries: number;
    head: string | null;
    brokenAt: number | null;
    problem: string | null;
  };
}

async function ledgerOf(id: string): Promise<LedgerResult> {
  const result = await stack.call<LedgerResult>(ledgerQuery, { id }, stack.tokens.viewer);
  if (!result.body.data) throw new Error(JSON.stringify(result.body.errors));
  return result.body.data;
}

describe('the decision ledger', () => {
  it('chains every step of a decided proposal and detects edits made behind its back', async () => {
    const proposal = await openCouncilProposal(stack, 'Ledger of a decision');
    const votes = await voteAll(
      stack,
      proposal,
      () => 'APPROVE',
      () => ({ rationale: 'sound' }),
    );
    expect(votes.at(-1)?.proposal.status).toBe('ACCEPTED');
    const outcome = await stack.call(
      'mutation ($id: ID!) { recordOutcome(proposalId: $id, outcome: APPROVE) { id } }',
      { id: proposal.id },
      stack.tokens.executive,
    );
    expect(outcome.body.errors).toBeUndefined();

    const { proposal: stored, verifyLedger } = await ledgerOf(proposal.id);
    const n = proposal.stakeholders.length;
    expect(stored.ledger.map((e) => e.kind)).toEqual([
      'CREATED',
      'TRANSITION', // → DRAFT
      'OPENED',
      'TRANSITION', // DRAFT → OPEN
      ...Array.from({ length: n }, () => 'VOTE'),
      'ROUND_CLOSED',
      'TRANSITION', // OPEN → ACCEPTED
      'OUTCOME',
    ]);
    expect(stored.ledger.map((e) => e.position)).toEqual(stored.ledger.map((_, i) => i + 1));
    stored.ledger.slice(1).forEach((entry, i) => {
      expect(entry.previousHash).toBe(stored.ledger[i]?.hash);
    });
    expect(verifyLedger).toEqual({
      valid: true,
      entries: n + 7,
      head: stored.ledgerHead,
      brokenAt: null,
      problem: null,
    });
    // Every transition event carries the ledger head it left: anchors outside the database.
    const anchors = stack.events.proposalTransitioned
      .filter((event) => event.data.proposalId === proposal.id)
      .map((event) => event.data.ledgerHead);
    expect(anchors).toEqual(
      stored.ledger.filter((entry) => entry.kind === 'TRANSITION').map((entry) => entry.hash),
    );
    const closed = JSON.parse(stored.ledger.at(-3)?.payload ?? '{}') as Record<string, unknown>;
    expect(closed).toMatchObject({
      round: 1,
      decision: 'ACCEPTED',
      because: 'every stakeholder voted',
    });
    // A vote's entry commits to its ballot by digest: the ledger never shows a sealed choice.
    const voteEntry = JSON.parse(stored.ledger[4]?.payload ?? '{}') as Record<string, unknown>;
    expect(Object.keys(voteEntry).sort()).toEqual([
      'ballot',
      'executive',
      'round',
      'seq',
      'voteId',
      'voter',
    ]);

    // A vote changed in place, straight in the database.
    const voteId = votes[0]?.id as string;
    await stack.sql(`update decisions.votes set choice = 'REJECT' where id = $1`, [voteId]);
    const afterVoteEdit = (await ledgerOf(proposal.id)).verifyLedger;
    expect(afterVoteEdit).toMatchObject({
      valid: false,
      problem: `vote ${voteId} differs from its ledger entry`,
    });
    await stack.sql(`update decisions.votes set choice = 'APPROVE' where id = $1`, [voteId]);

    // The round's result changed in place.
    await stack.sql(
      'update decisions.voting_rounds set support = 0.2 where proposal_id = $1 and round = 1',
      [proposal.id],
    );
    expect((await ledgerOf(proposal.id)).verifyLedger).toMatchObject({
      valid: false,
      brokenAt: n + 5,
      problem: "round 1's result differs from its ledger entry",
    });
    const support = JSON.parse(stored.ledger.at(-3)?.payload ?? '{}').support as number;
    await stack.sql(
      'update decisions.voting_rounds set support = $2 where proposal_id = $1 and round = 1',
      [proposal.id, support],
    );
    expect((await ledgerOf(proposal.id)).verifyLedger.valid).toBe(true);

    // Cut back to an earlier head (the outcome's entry removed): the chain alone still verifies,
    // but not against the head recorded before the cut.
    const head = stored.ledgerHead as string;
    await stack.sql('delete from decisions.ledger where proposal_id = $1 and position = $2', [
      proposal.id,
      n + 7,
    ]);
    const cut = await stack.call<{ verifyLedger: LedgerResult['verifyLedger'] }>(
      'query ($id: ID!, $head: String) { verifyLedger(proposalId: $id, knownHead: $head) { valid entries brokenAt problem } }',
      { id: proposal.id, head },
      stack.tokens.viewer,
    );
    expect(cut.body.data?.verifyLedger).toMatchObject({ valid: false, entries: n + 6 });
    expect(cut.body.data?.verifyLedger.problem).toMatch(/no longer holds the recorded head/);
    expect((await ledgerOf(proposal.id)).verifyLedger.valid).toBe(true);

    // An entry rewritten, and one deleted.
    await stack.sql(
      `update decisions.ledger set payload = replace(payload, 'ACCEPTED', 'REJECTED')
        where proposal_id = $1 and kind = 'TRANSITION' and position = $2`,
      [proposal.id, n + 6],
    );
    expect((await ledgerOf(proposal.id)).verifyLedger).toMatchObject({
      valid: false,
      brokenAt: n + 6,
    });
    await stack.sql('delete from decisions.ledger where proposal_id = $1 and position = 3', [
      proposal.id,
    ]);
    expect((await ledgerOf(proposal.id)).verifyLedger).toMatchObject({ valid: false, brokenAt: 3 });
  });

  it('refuses to verify an unknown proposal', async () => {
    const result = await stack.call(
      'query { verifyLedger(proposalId: "00000000-0000-4000-8000-000000000000") { valid } }',
      {},
      stack.tokens.viewer,
    );
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});
