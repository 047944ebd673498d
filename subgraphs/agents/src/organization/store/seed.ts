import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AgentStatus, seedAgents, type DepartmentSeed } from '../domain/organization.js';

export interface SeedResult {
  departmentsCreated: number;
  agentsCreated: number;
}

/**
 * Creates the organization on first start. Idempotent: rows are keyed by slug and inserted with
 * ON CONFLICT DO NOTHING, so a restart (or two replicas) never duplicates or overwrites anything.
 */
const schema = 'agents';

export async function seedOrganization(
  em: EntityManager,
  departments: readonly DepartmentSeed[],
): Promise<SeedResult> {
  const knex = em.getKnex();
  return knex.transaction(async (trx) => {
    const insertedDepartments = await trx
      .withSchema(schema)
      .table('departments')
      .insert(
        departments.map((department, ordinal) => ({
          id: randomUUID(),
          slug: department.slug,
          name: department.name,
          ordinal,
        })),
      )
      .onConflict('slug')
      .ignore()
      .returning('id');
    const rows: { id: string; slug: string }[] = await trx
      .withSchema(schema)
      .table('departments')
      .select('id', 'slug');
    const idBySlug = new Map(rows.map((row) => [row.slug, row.id]));
    const agents = seedAgents(departments).map((agent) => ({
      id: randomUUID(),
      slug: agent.slug,
      name: agent.name,
      role: agent.role,
      status: AgentStatus.IDLE,
      seat: agent.seat,
      department_id: idBySlug.get(agent.departmentSlug),
    }));
    const insertedAgents = await trx
      .withSchema(schema)
      .table('agents')
      .insert(agents)
      .onConflict('slug')
      .ignore()
      .returning('id');
    return { departmentsCreated: insertedDepartments.length, agentsCreated: insertedAgents.length };
  });
}
