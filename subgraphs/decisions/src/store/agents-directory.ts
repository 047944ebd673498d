import { UnavailableError, type Logger } from '@daena/platform';
import { z } from 'zod';

/** What decisions needs to know about a department of the agents subgraph. */
export interface DirectoryDepartment {
  id: string;
  slug: string;
  agentIds: string[];
}

/**
 * The agents subgraph as decisions sees it. Behind an interface so the service can be given
 * another implementation; the integration tests use the HTTP one against the real agents service.
 */
export interface AgentsDirectory {
  /**
   * The department and its current agents, or null when it does not exist.
   * Throws UnavailableError when the agents subgraph cannot answer.
   */
  department(id: string, token: string | null): Promise<DirectoryDepartment | null>;
}

const departmentQuery = 'query ($id: ID!) { department(id: $id) { id slug agents { id } } }';

const responseSchema = z.object({
  data: z
    .object({
      department: z
        .object({
          id: z.string(),
          slug: z.string(),
          agents: z.array(z.object({ id: z.string() })),
        })
        .nullable(),
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

  async department(id: string, token: string | null): Promise<DirectoryDepartment | null> {
    const body = await this.post({ query: departmentQuery, variables: { id } }, token);
    const parsed = responseSchema.safeParse(body);
    if (!parsed.success || parsed.data.errors?.length || !parsed.data.data) {
      this.options.log.warn(
        { errors: parsed.success ? parsed.data.errors : parsed.error.issues },
        'agents subgraph answered with an error',
      );
      throw unavailable();
    }
    const department = parsed.data.data.department;
    if (!department) return null;
    return {
      id: department.id,
      slug: department.slug,
      agentIds: department.agents.map((agent) => agent.id),
    };
  }

  private async post(payload: unknown, token: string | null): Promise<unknown> {
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (!response.ok) {
        this.options.log.warn({ status: response.status }, 'agents subgraph refused the request');
        throw unavailable();
      }
      return await response.json();
    } catch (error) {
      if (error instanceof UnavailableError) throw error;
      this.options.log.warn(
        { err: error instanceof Error ? error.message : String(error), url: this.options.url },
        'agents subgraph is unreachable',
      );
      throw unavailable();
    }
  }
}

function unavailable(): UnavailableError {
  return new UnavailableError('The agents subgraph is unavailable', 'AGENTS_UNAVAILABLE');
}
