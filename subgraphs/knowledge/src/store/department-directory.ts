import { NotFoundError } from '@daena/platform';
import { DepartmentByIdDocument } from '@daena/contracts/graphql/agents';
import { z } from 'zod';
import { agentsUnavailable, type AgentsClient } from './agents-client.js';

/**
 * Departments are the agents subgraph's (a federation entity keyed by id and by slug); knowledge
 * keys them by slug everywhere, so a department named by id is looked up there, through its API
 * (never its database).
 */
export interface DepartmentDirectory {
  /** The slug of the serving department `id`; NOT_FOUND for an unknown or retired one. */
  slugOf(id: string): Promise<string>;
}

const responseSchema = z.object({
  data: z
    .object({
      department: z
        .object({ id: z.string(), slug: z.string(), retiredAt: z.string().nullish() })
        .nullable(),
    })
    .nullish(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

/** Asks agents' `department(id:)` under a service token, once per share request. */
export class HttpDepartmentDirectory implements DepartmentDirectory {
  constructor(private readonly agents: AgentsClient) {}

  async slugOf(id: string): Promise<string> {
    const body = await this.agents.post({ document: DepartmentByIdDocument, variables: { id } });
    const parsed = responseSchema.safeParse(body);
    if (!parsed.success || parsed.data.errors?.length || !parsed.data.data) {
      this.agents.log.warn(
        { issues: parsed.success ? parsed.data.errors : parsed.error.issues },
        'agents answered the department lookup with no department',
      );
      throw agentsUnavailable();
    }
    const department = parsed.data.data.department;
    // A retired department's cell is empty: nothing can be shared with it.
    if (!department || department.retiredAt) throw new NotFoundError('Department', id);
    return department.slug;
  }
}
