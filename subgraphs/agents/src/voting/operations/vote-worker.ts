import { Role, signToken, type JobHandler, type JobQueue, type Logger } from '@daena/platform';
import { Jobs, type VoteRequested } from '@daena/contracts';
import { ProposalStatus } from '@daena/contracts/graphql/decisions';
import type { EntityManager } from '@mikro-orm/postgresql';
import { adjacency, departmentHex } from '../../organization/domain/honeycomb.js';
import { AgentStatus, roleCapabilities } from '../../organization/domain/organization.js';
import type { Voter, VoteAdvisor } from '../domain/vote-policy.js';
import { VoteRefusedError, type DecisionsVoting } from '../store/decisions-client.js';
import { OrganizationRepository } from '../../organization/store/organization-repository.js';

export interface VoteWorkerDependencies {
  /** A fresh EntityManager per job. */
  fork(): EntityManager;
  decisions: DecisionsVoting;
  advisor: VoteAdvisor;
  /** Signs the agent's own token: decisions accepts a vote only from the agent (sub = agentId). */
  jwtSecret: string;
  log: Logger;
  now?: () => Date;
}

/** The agent token lives as long as one vote takes, retries of the HTTP calls included. */
const agentTokenLifetime = '5m';

/** Works vote requests in this process until the queue stops. */
export function startVoteWorker(jobs: JobQueue, deps: VoteWorkerDependencies): Promise<void> {
  return jobs.work(Jobs.voteRequested, voteRequestHandler(deps));
}

/**
 * One vote request: the agent reads the proposal, asks its advisor and casts its vote as itself.
 * Idempotent: the advice depends only on the request and the proposal, and castVote keeps one
 * vote per (proposal, round, agent), so a redelivered job casts the same vote again, which
 * changes nothing. Requests that can no longer be answered (paused or retired agent, closed or
 * later round, refused vote) complete without a vote; outages throw, so the job is retried.
 */
function voteRequestHandler(deps: VoteWorkerDependencies): JobHandler<VoteRequested> {
  const now = deps.now ?? (() => new Date());
  return async (request, job) => {
    const { proposalId, round, agentId } = request;
    const log = deps.log.child({ job: job.id, attempt: job.attempt, proposalId, round, agentId });
    if (now() >= new Date(request.deadline)) {
      log.info('vote request arrived after its round closed: not voting');
      return;
    }
    const loaded = await loadVoter(deps.fork(), agentId);
    if ('skip' in loaded) {
      log.info(`agent is ${loaded.skip}: not voting`);
      return;
    }
    const token = await signToken(
      deps.jwtSecret,
      { sub: agentId, roles: [Role.AGENT] },
      agentTokenLifetime,
    );
    const proposal = await deps.decisions.proposal(proposalId, token);
    if (!proposal || proposal.status !== ProposalStatus.OPEN || proposal.currentRound !== round) {
      log.info(
        { status: proposal?.status, currentRound: proposal?.currentRound },
        'the round asked about is not open: not voting',
      );
      return;
    }
    const previous = proposal.previousRound;
    const advice = await deps.advisor.advise({
      voter: loaded.voter,
      proposal: { ...proposal, departmentIds: [proposal.departmentId] },
      seed: `${proposalId}:${round}`,
      // A later round weighs what the earlier one showed (its distribution and rationales).
      ...(round > 1 && previous
        ? { previous: { round: previous, seed: `${proposalId}:${previous.round}` } }
        : {}),
    });
    try {
      const vote = await deps.decisions.castVote({ proposalId, agentId, round, ...advice }, token);
      log.info(
        {
          voteId: vote.id,
          choice: advice.choice,
          confidence: advice.confidence,
          advisor: deps.advisor.name,
        },
        'agent voted',
      );
    } catch (error) {
      if (!(error instanceof VoteRefusedError)) throw error;
      log.info(
        { code: error.code, reason: error.reason, err: error.message },
        'vote refused: not retrying',
      );
    }
  };
}

/** The agent as a voter: role, capability row, department and its honeycomb neighbours. */
async function loadVoter(
  em: EntityManager,
  agentId: string,
): Promise<{ voter: Voter } | { skip: string }> {
  const organization = new OrganizationRepository(em);
  const agent = await organization.agentById(agentId);
  if (!agent) return { skip: 'unknown' };
  if (agent.retiredAt) return { skip: 'retired' };
  // A paused agent does no work, voting included, until it is resumed.
  if (agent.status === AgentStatus.PAUSED) return { skip: 'paused' };
  const capability = roleCapabilities.find((row) => row.role === agent.role);
  if (!capability) return { skip: `of unknown role ${agent.role}` };
  const cells = (await organization.listDepartments()).map((department) => ({
    department,
    hex: departmentHex(department.ordinal),
  }));
  const own = cells.find((cell) => cell.department.id === agent.departmentId);
  const neighbours = own ? (adjacency(cells).get(own) ?? []) : [];
  return {
    voter: {
      agentId: agent.id,
      role: agent.role,
      departmentId: agent.departmentId,
      departmentName: own?.department.name ?? agent.departmentId,
      neighbourDepartmentIds: neighbours.map((cell) => cell.department.id),
      capability,
    },
  };
}
