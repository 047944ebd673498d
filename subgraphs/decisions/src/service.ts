import {
  bridgedPubSub,
  eventBusStore,
  buildFederatedSchema,
  createPostgresStore,
  principalFromHeader,
  type EventBus,
  type Logger,
  type ServiceDefinition,
} from '@daena/platform';
import type { DecisionsConfig } from './config.js';
import { createDecisionsContext, type DecisionsContext } from './schema/context.js';
import { ProposalResolver, resolveProposalReference } from './schema/proposal-resolver.js';
import { resolveVoteReference, VoteResolver } from './schema/vote-resolver.js';
import { VoteTallyResolver } from './schema/vote-tally-resolver.js';
import { VoteTallySubscriptionResolver } from './schema/vote-tally-subscription.js';
import { HttpAgentsDirectory, type AgentsDirectory } from './store/agents-directory.js';
import { entities } from './store/entities.js';
import { migrations } from './store/migrations/index.js';

export interface DecisionsDependencies {
  config: DecisionsConfig;
  jwtSecret: string;
  log: Logger;
  bus: EventBus;
  /** Where department agents come from; defaults to the agents subgraph at AGENTS_URL. */
  agents?: AgentsDirectory;
  now?: () => Date;
}

/** The schema alone, for composition and tests that need no store. */
export function buildDecisionsSchema() {
  return buildFederatedSchema(
    {
      resolvers: [ProposalResolver, VoteResolver, VoteTallyResolver, VoteTallySubscriptionResolver],
      pubSub: bridgedPubSub,
    },
    {
      Proposal: { __resolveReference: resolveProposalReference },
      Vote: { __resolveReference: resolveVoteReference },
    },
  );
}

/** The decisions subgraph: proposals and votes on Postgres (MikroORM, migrations). */
export function createDecisionsService(
  deps: DecisionsDependencies,
): ServiceDefinition<DecisionsContext> {
  const { config, log, bus } = deps;
  const postgres = createPostgresStore({
    schema: 'decisions',
    url: config.DATABASE_URL,
    entities,
    migrations,
    log,
  });
  const runtime = {
    agents:
      deps.agents ??
      new HttpAgentsDirectory({
        url: config.AGENTS_URL,
        timeoutMs: config.AGENTS_TIMEOUT_MS,
        log,
      }),
    bus,
    log,
    now: deps.now ?? (() => new Date()),
  };
  return {
    name: 'decisions',
    port: config.PORT,
    host: config.HOST,
    log,
    stores: [postgres, eventBusStore(bus)],
    createSchema: buildDecisionsSchema,
    context: async (req) =>
      createDecisionsContext(
        await principalFromHeader(deps.jwtSecret, req.headers.authorization),
        postgres.fork(),
        runtime,
      ),
  };
}
