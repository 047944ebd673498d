import {
  bridgedPubSub,
  callerFromHeader,
  cacheStore,
  eventBusStore,
  buildFederatedSchema,
  createCache,
  createPostgresStore,
  jobQueueStore,
  principalFromHeader,
  callerVerifiersFromConfig,
  type EventBus,
  type JobQueue,
  type Logger,
  type Principal,
  type ServiceDefinition,
  graphqlOptions,
} from '@daena/platform';
import { Events } from '@daena/contracts';
import type { GraphQLSchema } from 'graphql';
import type { AgentsConfig } from './config.js';
import { createRouterService } from './router/operations/create-router-service.js';
import { routedVoteAdvisor } from './voting/operations/llm-vote-advisor.js';
import { RouterResolver } from './router/schema/router-resolver.js';
import {
  subscriptionStreamHandler,
  subscriptionStreamPath,
} from './subscriptions/serve-subscriptions.js';
import { defaultDepartments } from './organization/domain/organization.js';
import { offlineVoteAdvisor } from './voting/domain/vote-policy.js';
import { startVoteWorker } from './voting/operations/vote-worker.js';
import { OrganizationAdminResolver } from './organization/schema/admin-resolver.js';
// Imported before the control resolver: the order of Mutation's fields follows module order.
import { AgentStateResolver } from './state/schema/agent-state-resolver.js';
import { AgentControlResolver } from './state/schema/agent-control-resolver.js';
import { MessageResolver } from './messaging/schema/message-resolver.js';
import { BorderRelayResolver } from './messaging/schema/border-relay-resolver.js';
import { AgentResolver, resolveAgentReference } from './organization/schema/agent-resolver.js';
import { createAgentsContext, type AgentsContext } from './request/context.js';
import {
  DepartmentResolver,
  resolveDepartmentReference,
} from './organization/schema/department-resolver.js';
import {
  AgentGeometryResolver,
  DepartmentGeometryResolver,
  OrganizationResolver,
} from './organization/schema/organization-resolver.js';
import type { AgentHotState } from './state/store/agent-state-repository.js';
import { HttpDecisionsVoting } from './voting/store/decisions-client.js';
import {
  HttpDecisionsDirectory,
  type DecisionsDirectory,
} from './organization/store/decisions-directory.js';
import { migrations } from './store/migrations/index.js';
import { seedOrganization } from './organization/store/seed.js';
// Last: the autonomy slice's fields follow the others' in the SDL.
import { AgentRunResolver, TaskResolver } from './autonomy/schema/task-resolver.js';
import { ApprovalResolver } from './autonomy/schema/approval-resolver.js';
import { startTaskWorker } from './autonomy/operations/task-worker.js';
import { HttpDecisionsEscalation } from './autonomy/store/decisions-escalation.js';
import { HttpKnowledgeTools } from './autonomy/store/knowledge-tools.js';
import { HttpKnowledgeChangesFeed } from './autonomy/store/knowledge-changes-feed.js';
import { HttpMetricsAlertsFeed } from './autonomy/store/metrics-alerts-feed.js';
import { HttpDecisionsProposalsFeed } from './autonomy/store/decisions-proposals-feed.js';

export interface AgentsDependencies {
  config: AgentsConfig;
  jwtSecret: string;
  log: Logger;
  bus: EventBus;
  /** Where open proposals come from; defaults to the decisions subgraph at DECISIONS_URL. */
  decisions?: DecisionsDirectory;
  /** The durable job queue; with it, this service's agents answer vote requests and run tasks. */
  jobs?: JobQueue;
}

/** The schema alone, for composition and tests that need no store. */
export function buildAgentsSchema() {
  return buildFederatedSchema(
    {
      resolvers: [
        DepartmentResolver,
        AgentResolver,
        OrganizationResolver,
        AgentControlResolver,
        OrganizationAdminResolver,
        AgentStateResolver,
        MessageResolver,
        BorderRelayResolver,
        RouterResolver,
        DepartmentGeometryResolver,
        AgentGeometryResolver,
        TaskResolver,
        AgentRunResolver,
        ApprovalResolver,
      ],
      pubSub: bridgedPubSub,
    },
    {
      Department: { __resolveReference: resolveDepartmentReference },
      Agent: { __resolveReference: resolveAgentReference },
    },
  );
}

/**
 * The agents subgraph: Postgres (MikroORM, migrations, seeded organization) and the agents' hot
 * state written through to a cache (Redis when REDIS_URL is set, else in this process).
 */
export function createAgentsService(deps: AgentsDependencies): ServiceDefinition<AgentsContext> {
  const { config, log, bus, jobs } = deps;
  // Verifies tokens again (ARCHITECTURE §6), HS256 and JWKS_URL's keys as the gateway does, and
  // the service tokens other services call with.
  const verifiers = callerVerifiersFromConfig(config, deps.jwtSecret, log);
  const postgres = createPostgresStore({
    schema: 'agents',
    url: config.DATABASE_URL,
    migrations,
    log,
    afterMigrate: async (em) => {
      const seeded = await seedOrganization(em, defaultDepartments);
      if (seeded.agentsCreated > 0 || seeded.departmentsCreated > 0) {
        log.info(seeded, 'seeded the organization');
        await bus.publish(
          Events.agentsSeeded.create({
            departments: seeded.departmentsCreated,
            agents: seeded.agentsCreated,
          }),
        );
      }
    },
  });
  const agentStateCache = createCache<AgentHotState>(config.REDIS_URL, {
    prefix: config.AGENT_STATE_CACHE_PREFIX,
    ttlMs: config.AGENT_STATE_CACHE_TTL_SECONDS * 1_000,
    log,
  });
  const decisions =
    deps.decisions ??
    new HttpDecisionsDirectory({
      url: config.DECISIONS_URL,
      timeoutMs: config.DECISIONS_TIMEOUT_MS,
      log,
    });
  const router = createRouterService({
    config,
    log,
    bus,
    fork: () => postgres.fork(),
    jwtSecret: deps.jwtSecret,
  });
  const contextFor = (principal: Principal, em = postgres.fork()) =>
    createAgentsContext(principal, em, {
      bus,
      log,
      agentStateCache,
      decisions,
      router: router.service,
      jobs,
    });
  let schema: GraphQLSchema | undefined;
  const graphqlSettings = graphqlOptions(config);
  return {
    name: 'agents',
    port: config.PORT,
    ...graphqlSettings,
    host: config.HOST,
    log,
    // The in-process cache needs no readiness check and holds nothing worth closing.
    stores: [
      postgres,
      eventBusStore(bus),
      ...(config.REDIS_URL ? [cacheStore(agentStateCache), cacheStore(router.responseCache)] : []),
      ...(jobs ? [jobQueueStore(jobs)] : []),
      router.store,
    ],
    createSchema: async () => {
      await router.service.start();
      // Vote requests read the organization: the worker starts once every store is connected.
      if (jobs && config.AGENTS_ANSWER_VOTE_REQUESTS) {
        await startVoteWorker(jobs, {
          fork: () => postgres.fork(),
          decisions: new HttpDecisionsVoting({
            url: config.DECISIONS_URL,
            timeoutMs: config.DECISIONS_TIMEOUT_MS,
            log,
          }),
          advisor: router.votesByLlm
            ? routedVoteAdvisor(router.service, offlineVoteAdvisor, log)
            : offlineVoteAdvisor,
          jwtSecret: deps.jwtSecret,
          log,
        });
      }
      if (jobs && config.AGENTS_RUN_TASKS) {
        await startTaskWorker(jobs, {
          fork: () => postgres.fork(),
          contextFor,
          router: router.service,
          bus,
          log,
          leaseSeconds: config.AUTONOMY_LEASE_SECONDS,
          maxOutputTokens: config.AUTONOMY_MAX_OUTPUT_TOKENS,
          budgets: {
            runTokens: config.AUTONOMY_RUN_MAX_TOKENS,
            agentDailyTokens: config.AUTONOMY_AGENT_DAILY_TOKENS,
            agentDailyUsd: config.AUTONOMY_AGENT_DAILY_USD,
            departmentDailyTokens: config.AUTONOMY_DEPARTMENT_DAILY_TOKENS,
            departmentDailyUsd: config.AUTONOMY_DEPARTMENT_DAILY_USD,
          },
          sweep: {
            periodSeconds: config.AUTONOMY_SWEEP_SECONDS,
            staleSeconds: config.AUTONOMY_STALE_TASK_SECONDS,
          },
          scan: {
            lookbackSeconds: config.AUTONOMY_SCAN_LOOKBACK_SECONDS,
            taskBudgetUsd: config.AUTONOMY_SCAN_TASK_BUDGET_USD,
            alertDepartment: config.AUTONOMY_ALERT_DEPARTMENT,
          },
          escalation: new HttpDecisionsEscalation({
            url: config.DECISIONS_URL,
            timeoutMs: config.DECISIONS_TIMEOUT_MS,
            log,
          }),
          knowledge: config.AGENTS_KNOWLEDGE_TOOLS
            ? new HttpKnowledgeTools({
                url: config.KNOWLEDGE_URL,
                timeoutMs: config.KNOWLEDGE_TIMEOUT_MS,
                log,
              })
            : undefined,
          feeds: {
            knowledge: config.AGENTS_KNOWLEDGE_TOOLS
              ? new HttpKnowledgeChangesFeed({
                  url: config.KNOWLEDGE_URL,
                  timeoutMs: config.KNOWLEDGE_TIMEOUT_MS,
                  secret: deps.jwtSecret,
                  issuer: config.JWT_ISSUER,
                  log,
                })
              : undefined,
            alerts: new HttpMetricsAlertsFeed({
              url: config.METRICS_URL,
              timeoutMs: config.METRICS_TIMEOUT_MS,
              log,
            }),
            proposals: new HttpDecisionsProposalsFeed({
              url: config.DECISIONS_URL,
              timeoutMs: config.DECISIONS_TIMEOUT_MS,
              log,
            }),
          },
          jwtSecret: deps.jwtSecret,
        });
      }
      schema = await buildAgentsSchema();
      return schema;
    },
    configure: (app) => {
      app.post(
        subscriptionStreamPath,
        subscriptionStreamHandler({
          schema: () => schema,
          principal: (header) => principalFromHeader(verifiers.users, header),
          context: contextFor,
          checks: graphqlSettings,
          log,
        }),
      );
    },
    context: async (req) => {
      // Knowledge relays shares as Border Agents with a service token (issue 16 §6).
      const caller = await callerFromHeader(verifiers, req.headers.authorization);
      return { ...contextFor(caller.principal), service: caller.service };
    },
  };
}
