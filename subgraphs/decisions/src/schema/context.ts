import type { EntityManager } from '@mikro-orm/postgresql';
import {
  byIdLoader,
  groupLoader,
  type EventBus,
  type JobQueue,
  type Logger,
  type Principal,
} from '@daena/platform';
import type { ThresholdParams } from '../domain/cmp/threshold.js';
import type { AgentsDirectory } from '../store/agents-directory.js';
import { HistoryRepository } from '../store/history-repository.js';
import { ProposalRepository } from '../store/proposal-repository.js';
import { VoteRepository, roundKey } from '../store/vote-repository.js';

/** What the service gives every request: collaborators that outlive requests. */
export interface DecisionsRuntime {
  agents: AgentsDirectory;
  bus: EventBus;
  log: Logger;
  /** The durable queue for vote requests and round deadlines; without it rounds close on votes only. */
  jobs?: JobQueue | undefined;
  /** The clock, injected so the domain's time rules are testable. */
  now: () => Date;
  /** Round length when a proposal does not set one. */
  roundSeconds: number;
  /** Delay of the durable close of a completed round (config ROUND_CLOSE_BACKSTOP_SECONDS). */
  roundCloseBackstopSeconds: number;
  /** The prior accuracy an executive's vote carries (config EXECUTIVE_VOTE_ACCURACY). */
  executiveVoteAccuracy: number;
  threshold: Partial<ThresholdParams>;
}

export interface DecisionsContext {
  principal: Principal;
  em: EntityManager;
  proposals: ProposalRepository;
  votes: VoteRepository;
  history: HistoryRepository;
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
    /** The votes of one round of a proposal (key: `roundKey(proposalId, round)`), in order. */
    votesByRound: groupLoader((keys) => votes.ofRounds(keys), roundKey),
    stakeholdersByProposal: groupLoader(
      (ids) => proposals.stakeholdersOf(ids),
      (stakeholder) => stakeholder.proposalId,
    ),
    roundsByProposal: groupLoader(
      (ids) => proposals.roundsOf(ids),
      (round) => round.proposalId,
    ),
    transitionsByProposal: groupLoader(
      (ids) => proposals.transitionsOf(ids),
      (transition) => transition.proposalId,
    ),
    transition: byIdLoader((ids) => proposals.transitionsByIds(ids)),
    outcome: byIdLoader((ids) => proposals.outcomesOf(ids)),
    ledgerByProposal: groupLoader(
      (ids) => proposals.ledgersOf(ids),
      (entry) => entry.proposalId,
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
    history: new HistoryRepository((sql, bindings) => em.execute(sql, [...bindings])),
    loaders: createLoaders(proposals, votes),
    runtime,
    afterWrite: () => {
      context.loaders = createLoaders(proposals, votes);
    },
  };
  return context;
}
