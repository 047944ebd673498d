import { NotFoundError } from '@daena/platform';
import { DepartmentByIdDocument, DepartmentBySlugDocument } from '@daena/contracts/graphql/agents';
import { z } from 'zod';
import { agentsUnavailable, type AgentsClient } from './agents-client.js';

/**
 * Departments are the agents subgraph's (a federation entity keyed by id and by slug); knowledge
 * keys them by slug everywhere, so a department named by id, or the id of one knowledge knows by
 * slug, is looked up there, through its API (never its database).
 */
export interface DepartmentDirectory {
  /** The slug of the serving department `id`; NOT_FOUND for an unknown or retired one. */
  slugOf(id: string): Promise<string>;
  /** The id of department `slug`, retired or not; NOT_FOUND for one agents does not know. */
  idOf(slug: string): Promise<string>;
}

const errorsSchema = z.array(z.object({ message: z.string() })).optional();

const byIdSchema = z.object({
  data: z
    .object({
      department: z
        .object({ id: z.string(), slug: z.string(), retiredAt: z.string().nullish() })
        .nullable(),
    })
    .nullish(),
  errors: errorsSchema,
});

const bySlugSchema = z.object({
  data: z
    .object({ department: z.object({ id: z.string(), slug: z.string() }).nullable() })
    .nullish(),
  errors: errorsSchema,
});

/** Asks agents' `department(id:)` or `department(slug:)` under a service token. */
export class HttpDepartmentDirectory implements DepartmentDirectory {
  constructor(private readonly agents: AgentsClient) {}

  /** Asked once per share request: retirement can come at any time, so it is not cached. */
  async slugOf(id: string): Promise<string> {
    const body = await this.agents.post({ document: DepartmentByIdDocument, variables: { id } });
    const department = this.departmentOf(byIdSchema.safeParse(body));
    // A retired department's cell is empty: nothing can be shared with it.
    if (!department || department.retiredAt) throw new NotFoundError('Department', id);
    return department.slug;
  }

  async idOf(slug: string): Promise<string> {
    const body = await this.agents.post({
      document: DepartmentBySlugDocument,
      variables: { slug },
    });
    const department = this.departmentOf(bySlugSchema.safeParse(body));
    if (!department) throw new NotFoundError('Department', slug);
    return department.id;
  }

  private departmentOf<T>(
    parsed: z.ZodSafeParseResult<{
      data?: { department: T | null } | null | undefined;
      errors?: { message: string }[] | undefined;
    }>,
  ): T | null {
    if (!parsed.success || parsed.data.errors?.length || !parsed.data.data) {
      this.agents.log.warn(
        { issues: parsed.success ? parsed.data.errors : parsed.error.issues },
        'agents answered the department lookup with no department',
      );
      throw agentsUnavailable();
    }
    return parsed.data.data.department;
  }
}
