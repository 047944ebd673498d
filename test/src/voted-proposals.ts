import { Role, signToken } from '@daena/platform';
import { graphql, testJwtSecret } from '@daena/testing';

export type Choice = 'APPROVE' | 'REJECT';

/** A stakeholder agent's vote cast on an open proposal, as it stands (a write may change it). */
export interface CastBallot {
  proposalId: string;
  agentId: string;
  choice: Choice;
}

type Opened = { openProposal: { id: string; stakeholders: { agent: { id: string } }[] } };

/**
 * Opens `proposals` cross-department proposals through the gateway (16 stakeholders each) and
 * casts `votes` stakeholder votes spread evenly over them, as an admin. Every proposal keeps at
 * least one stakeholder without a vote, so its round stays open and its votes may change (the
 * agents must not answer vote requests themselves: AGENTS_ANSWER_VOTE_REQUESTS=false).
 */
export async function seedVotedProposals(
  gatewayUrl: string,
  proposals: number,
  votes: number,
): Promise<{ admin: string; ballots: CastBallot[] }> {
  const admin = await signToken(testJwtSecret, { sub: 'bench-admin', roles: [Role.ADMIN] });
  const org = await graphql<{ departments: { id: string }[] }>(
    gatewayUrl,
    '{ departments { id } }',
  );
  const departments = org.body.data?.departments ?? [];
  if (departments.length === 0) throw new Error(`no departments: ${JSON.stringify(org.body)}`);
  const ballots: CastBallot[] = [];
  for (let n = 0; n < proposals; n++) {
    const opened = await graphql<Opened>(
      gatewayUrl,
      'mutation ($input: OpenProposalInput!) { openProposal(input: $input) { id stakeholders { agent { id } } } }',
      {
        input: {
          title: `Read bench proposal ${n + 1}`,
          departmentId: departments[n % departments.length]?.id,
          affectedDepartmentIds: departments.map((department) => department.id),
          kind: 'CROSS_DEPARTMENT',
        },
      },
      admin,
    );
    const proposal = opened.body.data?.openProposal;
    if (!proposal) throw new Error(`openProposal failed: ${JSON.stringify(opened.body.errors)}`);
    const share = Math.floor(votes / proposals) + (n < votes % proposals ? 1 : 0);
    const voters = proposal.stakeholders.map((stakeholder) => stakeholder.agent.id);
    if (share >= voters.length)
      throw new Error(`${share} votes would close a round of ${voters.length} stakeholders`);
    for (const [index, agentId] of voters.slice(0, share).entries()) {
      const ballot: CastBallot = {
        proposalId: proposal.id,
        agentId,
        choice: index % 3 === 0 ? 'REJECT' : 'APPROVE',
      };
      await castVote(gatewayUrl, admin, ballot);
      ballots.push(ballot);
    }
  }
  return { admin, ballots };
}

const castVoteMutation =
  'mutation ($input: CastVoteInput!) { castVote(input: $input) { id choice } }';

function castVoteVariables({ proposalId, agentId, choice }: CastBallot) {
  return { input: { proposalId, agentId, choice, confidence: 0.8, rationale: `bench: ${choice}` } };
}

/** The castVote request body that records a ballot as it stands. */
export function castVoteBody(ballot: CastBallot): string {
  return JSON.stringify({ query: castVoteMutation, variables: castVoteVariables(ballot) });
}

async function castVote(url: string, token: string, ballot: CastBallot) {
  const response = await graphql(url, castVoteMutation, castVoteVariables(ballot), token);
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
}
