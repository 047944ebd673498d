import {
  bridgedPubSub,
  eventBusStore,
  buildFederatedSchema,
  createPostgresStore,
  Events,
  principalFromHeader,
  type EventBus,
  type Logger,
  type ServiceDefinition,
} from '@daena/platform';
import type { AgentsConfig } from './config.js';
import { defaultDepartments } from './domain/organization.js';
import { AgentControlResolver } from './schema/agent-control-resolver.js';
import { AgentResolver, resolveAgentReference } from './schema/agent-resolver.js';
import { createAgentsContext, type AgentsContext } from './schema/context.js';
import { DepartmentResolver, resolveDepartmentReference } from './schema/department-resolver.js';
import {
  AgentGeometryResolver,
  DepartmentGeometryResolver,
  OrganizationResolver,
} from './schema/organization-resolver.js';
import { entities } from './store/entities.js';
import { migrations } from './store/migrations/index.js';
import { seedOrganization } from './store/seed.js';

export interface AgentsDependencies {
  config: AgentsConfig;
  jwtSecret: string;
  log: Logger;
  bus: EventBus;
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
        DepartmentGeometryResolver,
        AgentGeometryResolver,
      ],
      pubSub: bridgedPubSub,
    },
    {
      Department: { __resolveReference: resolveDepartmentReference },
      Agent: { __resolveReference: resolveAgentReference },
    },
  );
}

/** The agents subgraph: Postgres (MikroORM, migrations, seeded organization). */
export function createAgentsService(deps: AgentsDependencies): ServiceDefinition<AgentsContext> {
  const { config, log, bus } = deps;
  const postgres = createPostgresStore({
    schema: 'agents',
    url: config.DATABASE_URL,
    entities,
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
  return {
    name: 'agents',
    port: config.PORT,
    host: config.HOST,
    log,
    stores: [postgres, eventBusStore(bus)],
    createSchema: buildAgentsSchema,
    context: async (req) =>
      createAgentsContext(
        await principalFromHeader(deps.jwtSecret, req.headers.authorization),
        postgres.fork(),
        { bus, log },
      ),
  };
}
