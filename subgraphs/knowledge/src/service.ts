import {
  callerFromHeader,
  callerVerifiersFromConfig,
  eventBusStore,
  type EventBus,
  type Logger,
  type ServiceDefinition,
  type StoreConnector,
  graphqlOptions,
} from '@daena/platform';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import type { KnowledgeConfig } from './config.js';
import { batchEntryReferences } from './schema/batched-entities.js';
import { createKnowledgeContext, type KnowledgeContext } from './schema/context.js';
import { entryCallbacks } from './schema/entry-callbacks.js';
import { wrapEntryMutations, type EntryMutationRuntime } from './schema/entry-mutations.js';
import { wrapKnowledgeQueries } from './schema/knowledge-queries.js';
import { mapRootFieldErrors } from './schema/neo4j-errors.js';
import { knowledgeTypeDefs } from './schema/type-defs.js';
import { shareMutations } from './schema/share-mutations.js';
import { sweepQueries } from './schema/sweep-queries.js';
import { agentReference, departmentReference } from './schema/entity-references.js';
import { AgentsClient } from './store/agents-client.js';
import { HttpBorderRelay, type BorderRelay } from './store/border-relay.js';
import { HttpDepartmentDirectory, type DepartmentDirectory } from './store/department-directory.js';
import { DepartmentIds } from './store/department-ids.js';
import { createNeo4jStore } from './store/neo4j-store.js';
import { maintainKnowledge, MaintenanceSchedule } from './operations/maintenance.js';

export interface KnowledgeDependencies {
  config: KnowledgeConfig;
  jwtSecret: string;
  log: Logger;
  bus: EventBus;
}

/**
 * The subgraph schema. Building it does no I/O: composition calls it with no driver at all, and
 * the service with a driver that connects on the first request. Tokens are verified by the
 * platform and handed over as `context.jwt`, which @neo4j/graphql trusts and prefers over a raw
 * `token`; the service still configures its key (`jwtSecret`), so the library knows
 * authorization is set up and does not warn at every build.
 */
export async function buildKnowledgeSchema(
  driver?: Driver,
  runtime: EntryMutationRuntime & {
    jwtSecret?: string;
    relay?: BorderRelay;
    departments?: DepartmentDirectory;
    relayRetryMs?: number;
  } = {},
): Promise<GraphQLSchema> {
  const neo4jGraphQL = new Neo4jGraphQL({
    typeDefs: knowledgeTypeDefs,
    resolvers: {
      Query: sweepQueries({ driver }),
      Mutation: shareMutations({ ...runtime, driver }),
      KnowledgeEntry: { authorAgent: agentReference, department: departmentReference },
    },
    ...(driver ? { driver } : {}),
    features: {
      ...(runtime.jwtSecret ? { authorization: { key: runtime.jwtSecret } } : {}),
      populatedBy: { callbacks: entryCallbacks },
      excludeDeprecatedFields: {
        mutationOperations: true,
        aggregationFilters: true,
        aggregationFiltersOutsideConnection: true,
        relationshipFilters: true,
        attributeFilters: true,
      },
    },
  });
  const schema = await neo4jGraphQL.getSubgraphSchema();
  wrapEntryMutations(schema, { ...runtime, driver });
  wrapKnowledgeQueries(schema);
  batchEntryReferences(schema);
  mapRootFieldErrors(schema);
  return schema;
}

/** The knowledge subgraph: KnowledgeEntry on Neo4j through @neo4j/graphql. */
export function createKnowledgeService(
  deps: KnowledgeDependencies,
): ServiceDefinition<KnowledgeContext> {
  const { config, log, bus } = deps;
  // Verifies users' tokens again (ARCHITECTURE §6), and service tokens: agents' autonomy sweep
  // reads the entries created since its cursor with one.
  const verifiers = callerVerifiersFromConfig(config, deps.jwtSecret, log);
  const neo4j = createNeo4jStore({
    uri: config.NEO4J_URI,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    log,
  });
  // Shares travel as messages between Border Agents, which the agents subgraph carries; it also
  // knows departments by id.
  const agents = new AgentsClient({
    url: config.AGENTS_URL,
    timeoutMs: config.AGENTS_TIMEOUT_MS,
    secret: deps.jwtSecret,
    issuer: config.JWT_ISSUER,
    log,
  });
  const relay = new HttpBorderRelay(agents);
  const departments = new HttpDepartmentDirectory(agents);
  // Change events name their department's id too (knowledgeUpdates(departmentId:)); a slug
  // agents cannot name now is asked about again no sooner than a share message is resent.
  const departmentIds = new DepartmentIds({
    lookup: (slug) => departments.idOf(slug),
    retryAfterMs: config.KNOWLEDGE_RELAY_RETRY_MS,
    log,
  });
  const shares = {
    driver: neo4j.driver,
    relay,
    departmentIds,
    bus,
    log,
    relayRetryMs: config.KNOWLEDGE_RELAY_RETRY_MS,
  };
  // Share messages agents could not carry are sent again, and change records are kept bounded.
  const retention = {
    maxAgeDays: config.KNOWLEDGE_CHANGE_RETENTION_DAYS,
    maxCount: config.KNOWLEDGE_CHANGE_RETENTION_COUNT,
  };
  const maintenance = new MaintenanceSchedule(
    (now) => maintainKnowledge({ ...shares, retention }, now),
    config.KNOWLEDGE_MAINTENANCE_INTERVAL_MS,
    log,
  );
  return {
    name: 'knowledge',
    port: config.PORT,
    ...graphqlOptions(config),
    host: config.HOST,
    log,
    // Closed newest first: maintenance stops before the stores it writes to.
    stores: [neo4j, eventBusStore(bus), maintenanceStore(maintenance)],
    createSchema: () =>
      buildKnowledgeSchema(neo4j.driver, { ...shares, jwtSecret: deps.jwtSecret, departments }),
    context: async (req) => {
      const caller = await callerFromHeader(verifiers, req.headers.authorization);
      return createKnowledgeContext(caller.principal, caller.service);
    },
  };
}

/** The maintenance rounds, started once the stores are connected and stopped before they close. */
function maintenanceStore(schedule: MaintenanceSchedule): StoreConnector {
  return {
    name: 'knowledge-maintenance',
    connect: async () => schedule.start(),
    check: async () => undefined,
    close: () => schedule.stop(),
  };
}
