import {
  bridgedPubSub,
  eventBusStore,
  buildFederatedSchema,
  jobQueueStore,
  principalFromHeader,
  tokenVerifierFromConfig,
  type EventBus,
  type JobQueue,
  type Logger,
  type PostgresStore,
  type ServiceDefinition,
  type StoreConnector,
  graphqlOptions,
} from '@daena/platform';
import { Jobs } from '@daena/contracts';
import type { DecisionsConfig } from './config.js';
import { parseStoppingRules } from './domain/cmp/stopping-rule.js';
import type { ThresholdParams } from './domain/cmp/threshold.js';
import { roundCompleteHandler } from './operations/round-complete.js';
import { roundDeadlineHandler } from './operations/round-deadline.js';
import {
  createDecisionsContext,
  type DecisionsContext,
  type DecisionsRuntime,
} from './request/context.js';
import { LedgerResolver } from './schema/ledger-resolver.js';
import { ProposalFieldsResolver } from './schema/proposal-fields-resolver.js';
import { ProposalResolver, resolveProposalReference } from './schema/proposal-resolver.js';
import { ProposalUpdatesResolver } from './schema/proposal-updates-resolver.js';
import { resolveVoteReference, VoteResolver } from './schema/vote-resolver.js';
import { VoteTallyResolver } from './schema/vote-tally-resolver.js';
import { VoteTallySubscriptionResolver } from './schema/vote-tally-subscription.js';
import { HttpAgentsDirectory, type AgentsDirectory } from './store/agents-directory.js';
import { createDecisionsStore } from './store/decisions-store.js';

export interface DecisionsDependencies {
  config: DecisionsConfig;
  jwtSecret: string;
  log: Logger;
  bus: EventBus;
  /** Where the organization comes from; defaults to the agents subgraph at AGENTS_URL. */
  agents?: AgentsDirectory;
  /**
   * The durable queue: vote requests go out through it and round deadlines come back through it
   * (this service works `Jobs.roundDeadline`, and `Jobs.roundComplete`, the durable close of a
   * round every stakeholder voted in). Without it, a round closes only once every stakeholder
   * voted, by the completing vote's process, and nobody is asked to vote.
   */
  jobs?: JobQueue;
  now?: () => Date;
}

/** The schema alone, for composition and tests that need no store. */
export function buildDecisionsSchema() {
  return buildFederatedSchema(
    {
      resolvers: [
        ProposalResolver,
        ProposalFieldsResolver,
        LedgerResolver,
        ProposalUpdatesResolver,
        VoteResolver,
        VoteTallyResolver,
        VoteTallySubscriptionResolver,
      ],
      pubSub: bridgedPubSub,
    },
    {
      Proposal: { __resolveReference: resolveProposalReference },
      Vote: { __resolveReference: resolveVoteReference },
    },
  );
}

function thresholdParams(config: DecisionsConfig): Partial<ThresholdParams> {
  const params: Partial<ThresholdParams> = {};
  if (config.THRESHOLD_BASE !== undefined) params.base = config.THRESHOLD_BASE;
  if (config.THRESHOLD_RISK_WEIGHT !== undefined) params.riskWeight = config.THRESHOLD_RISK_WEIGHT;
  if (config.THRESHOLD_IMPACT_WEIGHT !== undefined) {
    params.impactWeight = config.THRESHOLD_IMPACT_WEIGHT;
  }
  if (config.THRESHOLD_URGENCY_WEIGHT !== undefined) {
    params.urgencyWeight = config.THRESHOLD_URGENCY_WEIGHT;
  }
  if (config.THRESHOLD_REGRET_WEIGHT !== undefined) {
    params.regretWeight = config.THRESHOLD_REGRET_WEIGHT;
  }
  return params;
}

/**
 * Works the round-deadline and round-complete queues once Postgres is up (a handler needs it);
 * registered once, so a retried connect does not add workers.
 */
function roundWorkers(
  jobs: JobQueue,
  postgres: PostgresStore,
  runtime: DecisionsRuntime,
): StoreConnector {
  const fork = () => postgres.fork();
  const deadlines = registeredOnce(() =>
    jobs.work(Jobs.roundDeadline, roundDeadlineHandler(fork, runtime)),
  );
  const completions = registeredOnce(() =>
    jobs.work(Jobs.roundComplete, roundCompleteHandler(fork, runtime)),
  );
  return {
    name: 'round workers',
    async connect() {
      await postgres.check();
      await Promise.all([deadlines(), completions()]);
    },
    check: async () => {},
    // The queue's own store stops its workers.
    close: async () => {},
  };
}

/** Runs `register` until it succeeds once; later calls reuse that success. */
function registeredOnce(register: () => Promise<void>): () => Promise<void> {
  let registered: Promise<void> | undefined;
  return () =>
    (registered ??= register().catch((error: unknown) => {
      registered = undefined;
      throw error;
    }));
}

/** The decisions subgraph: proposals, rounds and votes on Postgres (`createDecisionsStore`). */
export function createDecisionsService(
  deps: DecisionsDependencies,
): ServiceDefinition<DecisionsContext> {
  const { config, log, bus, jobs } = deps;
  // Verifies tokens again (ARCHITECTURE §6), HS256 and JWKS_URL's keys as the gateway does.
  const tokens = tokenVerifierFromConfig(config, deps.jwtSecret, log);
  const postgres = createDecisionsStore({ url: config.DATABASE_URL, log });
  const runtime: DecisionsRuntime = {
    agents:
      deps.agents ??
      new HttpAgentsDirectory({
        url: config.AGENTS_URL,
        timeoutMs: config.AGENTS_TIMEOUT_MS,
        log,
      }),
    bus,
    log,
    jobs,
    now: deps.now ?? (() => new Date()),
    roundSeconds: config.ROUND_SECONDS,
    roundCloseBackstopSeconds: config.ROUND_CLOSE_BACKSTOP_SECONDS,
    executiveVoteAccuracy: config.EXECUTIVE_VOTE_ACCURACY,
    threshold: thresholdParams(config),
    stoppingRules: parseStoppingRules(config.CMP_STOPPING_RULES ?? ''),
  };
  const jobStores = jobs ? [jobQueueStore(jobs), roundWorkers(jobs, postgres, runtime)] : [];
  return {
    name: 'decisions',
    port: config.PORT,
    ...graphqlOptions(config),
    host: config.HOST,
    log,
    stores: [postgres, eventBusStore(bus), ...jobStores],
    createSchema: buildDecisionsSchema,
    context: async (req) =>
      createDecisionsContext(
        await principalFromHeader(tokens, req.headers.authorization),
        postgres.fork(),
        runtime,
      ),
  };
}
