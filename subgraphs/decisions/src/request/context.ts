import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type EventBus,
  type JobQueue,
  type Logger,
  type Principal,
  requestConnection,
} from '@daena/platform';
import type { StoppingRules } from '../domain/cmp/stopping-rule.js';
import type { ThresholdParams } from '../domain/cmp/threshold.js';
import type { AgentsDirectory } from '../store/agents-directory.js';
import { HistoryRepository } from '../store/history-repository.js';
import { ProposalRepository } from '../store/proposal-repository.js';
import { VoteRepository } from '../store/vote-repository.js';
import { createLoaders, type DecisionsLoaders } from './loaders.js';

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
  /** The stopping rule's overrides by proposal kind (config CMP_STOPPING_RULES); unset: defaults. */
  stoppingRules?: StoppingRules;
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

export function createDecisionsContext(
  principal: Principal,
  em: EntityManager,
  runtime: DecisionsRuntime,
): DecisionsContext {
  const sql = requestConnection(em);
  const proposals = new ProposalRepository(sql);
  const votes = new VoteRepository(sql);
  const context: DecisionsContext = {
    principal,
    em,
    proposals,
    votes,
    history: new HistoryRepository(sql),
    loaders: createLoaders(proposals, votes),
    runtime,
    afterWrite: () => {
      context.loaders = createLoaders(proposals, votes);
    },
  };
  return context;
}
