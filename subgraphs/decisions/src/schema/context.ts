import type { EntityManager } from '@mikro-orm/postgresql';
import {
  byIdLoader,
  groupLoader,
  type EventBus,
  type Logger,
  type Principal,
} from '@daena/platform';
import { firstRound } from '../domain/vote.js';
import type { AgentsDirectory } from '../store/agents-directory.js';
import { ProposalRepository } from '../store/proposal-repository.js';
import { VoteRepository } from '../store/vote-repository.js';

/** What the service gives every request: collaborators that outlive requests. */
export interface DecisionsRuntime {
  agents: AgentsDirectory;
  bus: EventBus;
  log: Logger;
  /** The clock, injected so the domain's time rules are testable. */
  now: () => Date;
}

export interface DecisionsContext {
  principal: Principal;
  em: EntityManager;
  proposals: ProposalRepository;
  votes: VoteRepository;
  loaders: DecisionsLoaders;
  runtime: DecisionsRuntime;
  /** Drops this request's cached reads after a write, so later fields see the new state. */
  afterWrite(): void;
}

export type DecisionsLoaders = ReturnType<typeof createLoaders>;

/** Per-request loaders over a per-request EntityManager fork (STYLE habit 11). */
export function createLoaders(proposals: ProposalRepository, votes: VoteRepository) {
  return {
    proposal: byIdLoader((ids) => proposals.byIds(ids)),
    vote: byIdLoader((ids) => votes.byIds(ids)),
    votesByProposal: groupLoader(
      (ids) => votes.ofProposals(ids, firstRound),
      (vote) => vote.proposalId,
    ),
    stakeholdersByProposal: groupLoader(
      (ids) => proposals.stakeholdersOf(ids),
      (stakeholder) => stakeholder.proposalId,
    ),
  };
}

export function createDecisionsContext(
  principal: Principal,
  em: EntityManager,
  runtime: DecisionsRuntime,
): DecisionsContext {
  const proposals = new ProposalRepository(em);
  const votes = new VoteRepository(em);
  const context: DecisionsContext = {
    principal,
    em,
    proposals,
    votes,
    loaders: createLoaders(proposals, votes),
    runtime,
    afterWrite: () => {
      context.loaders = createLoaders(proposals, votes);
    },
  };
  return context;
}
