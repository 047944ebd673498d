import { postToSubgraph, UnavailableError, type Logger, type OpenEnums } from '@daena/platform';
import {
  StakeholderDirectoryDocument,
  type StakeholderDirectoryQuery,
} from '@daena/contracts/graphql/agents';
import { z } from 'zod';

type Organization = OpenEnums<StakeholderDirectoryQuery>['organization'];

/**
 * An agent as decisions needs it: who may vote, in which role and department. Role and status are
 * read as strings: a role a newer agents adds weighs nothing, a new status is not PAUSED.
 */
export type DirectoryAgent = Organization['departments'][number]['agents'][number];

/** What decisions needs to know about a department of the agents subgraph. */
export interface DirectoryDepartment {
  id: string;
  slug: string;
  /** Departments whose honeycomb cells share an edge with this one. */
  neighborIds: string[];
  /** Its current agents (retired ones are not listed by the agents subgraph). */
  agents: DirectoryAgent[];
}

/**
 * The agents subgraph as decisions sees it. Behind an interface so the service can be given
 * another implementation; the integration tests use the HTTP one against the real agents service.
 */
export interface AgentsDirectory {
  /**
   * Every current department with its neighbours and agents, in one request: what the stakeholder
   * selection of a proposal needs. Throws UnavailableError when the agents subgraph cannot answer.
   */
  organization(token: string | null): Promise<DirectoryDepartment[]>;
}

const responseSchema = z.object({
  data: z
    .object({
      organization: z.object({
        departments: z.array(
          z.object({
            id: z.string(),
            slug: z.string(),
            retiredAt: z.string().nullish(),
            neighbors: z.array(z.object({ id: z.string() })),
            agents: z.array(z.object({ id: z.string(), role: z.string(), status: z.string() })),
          }),
        ),
      }) satisfies z.ZodType<Organization>,
    })
    .nullish(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

export interface HttpAgentsDirectoryOptions {
  url: string;
  timeoutMs: number;
  log: Logger;
}

/** Asks the agents subgraph over plain GraphQL-over-HTTP, forwarding the caller's token. */
export class HttpAgentsDirectory implements AgentsDirectory {
  constructor(private readonly options: HttpAgentsDirectoryOptions) {}

  async organization(token: string | null): Promise<DirectoryDepartment[]> {
    const endpoint = { ...this.options, name: 'agents', unavailable };
    const body = await postToSubgraph(
      endpoint,
      { document: StakeholderDirectoryDocument, variables: {} },
      token,
    );
    const parsed = responseSchema.safeParse(body);
    if (!parsed.success || parsed.data.errors?.length || !parsed.data.data) {
      this.options.log.warn(
        { errors: parsed.success ? parsed.data.errors : parsed.error.issues },
        'agents subgraph answered with an error',
      );
      throw unavailable();
    }
    return parsed.data.data.organization.departments
      .filter((department) => !department.retiredAt)
      .map((department) => ({
        id: department.id,
        slug: department.slug,
        neighborIds: department.neighbors.map((neighbor) => neighbor.id),
        agents: department.agents,
      }));
  }
}

function unavailable(): UnavailableError {
  return new UnavailableError('The agents subgraph is unavailable', 'AGENTS_UNAVAILABLE');
}
