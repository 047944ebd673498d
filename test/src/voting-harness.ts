import { Role, type EventBus, type Logger } from '@daena/platform';
import { graphql, silentLogger, testToken } from '@daena/testing';
import { startGatewayHarness, type GatewayHarness } from './gateway-harness.js';

export interface VotingHarness extends GatewayHarness {
  /** The decisions subgraph itself, reachable while the gateway is down. */
  decisionsUrl: string;
  /** Opens a cross-department proposal (blind round 1); returns its id and stakeholder agents. */
  openProposal(title: string): Promise<{ id: string; stakeholders: string[] }>;
}

/** The gateway harness with the decisions subgraph: live voting (voteTally, proposalUpdates). */
export async function startVotingHarness(
  name: string,
  log: Logger = silentLogger(),
  bus?: EventBus,
): Promise<VotingHarness> {
  const harness = await startGatewayHarness(name, {
    withDecisions: true,
    log,
    ...(bus ? { bus } : {}),
  });
  const decisionsUrl = harness.decisions?.url ?? '';
  return Object.assign(harness, {
    decisionsUrl,
    openProposal: (title: string) => openProposal(harness.gateway.url, title),
  });
}

async function openProposal(url: string, title: string) {
  const admin = await testToken({ sub: 'harness-admin', roles: [Role.ADMIN] });
  const org = await graphql<{ departments: { id: string }[] }>(url, '{ departments { id } }');
  const departments = org.body.data?.departments ?? [];
  const opened = await graphql<{
    openProposal: { id: string; stakeholders: { agent: { id: string } }[] };
  }>(
    url,
    'mutation ($input: OpenProposalInput!) { openProposal(input: $input) { id stakeholders { agent { id } } } }',
    {
      input: {
        title,
        departmentId: departments[0]?.id,
        affectedDepartmentIds: departments.map((department) => department.id),
        kind: 'CROSS_DEPARTMENT',
      },
    },
    admin,
  );
  const proposal = opened.body.data?.openProposal;
  if (!proposal) throw new Error(`openProposal failed: ${JSON.stringify(opened.body.errors)}`);
  return { id: proposal.id, stakeholders: proposal.stakeholders.map((s) => s.agent.id) };
}
