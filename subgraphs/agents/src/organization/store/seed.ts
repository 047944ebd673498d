import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { runSqlTransaction } from '@daena/platform';
import { AgentStatus, seedAgents, type DepartmentSeed } from '../domain/organization.js';

export interface SeedResult {
  departmentsCreated: number;
  agentsCreated: number;
}

/**
 * Creates the organization on first start. Idempotent: rows are keyed by slug and inserted with
 * ON CONFLICT DO NOTHING, so a restart (or two replicas) never duplicates or overwrites anything.
 * Each table is one statement however many rows: the rows go in as one JSON array parameter.
 */
export function seedOrganization(
  em: EntityManager,
  departments: readonly DepartmentSeed[],
): Promise<SeedResult> {
  return runSqlTransaction(em, async (sql) => {
    const insertedDepartments = await sql.rows<{ id: string }>(
      `insert into agents.departments (id, slug, name, ordinal)
       select id, slug, name, ordinal
         from jsonb_to_recordset(?::jsonb) as seed (id uuid, slug text, name text, ordinal int)
       on conflict (slug) do nothing returning id`,
      [
        JSON.stringify(
          departments.map((department, ordinal) => ({
            id: randomUUID(),
            slug: department.slug,
            name: department.name,
            ordinal,
          })),
        ),
      ],
    );
    const agents = seedAgents(departments).map((agent) => ({
      id: randomUUID(),
      slug: agent.slug,
      name: agent.name,
      role: agent.role,
      seat: agent.seat,
      department_slug: agent.departmentSlug,
    }));
    const insertedAgents = await sql.rows<{ id: string }>(
      `insert into agents.agents (id, slug, name, role, status, seat, department_id)
       select seed.id, seed.slug, seed.name, seed.role, ?, seed.seat, d.id
         from jsonb_to_recordset(?::jsonb)
           as seed (id uuid, slug text, name text, role text, seat int, department_slug text)
         join agents.departments d on d.slug = seed.department_slug
       on conflict (slug) do nothing returning id`,
      [AgentStatus.IDLE, JSON.stringify(agents)],
    );
    return { departmentsCreated: insertedDepartments.length, agentsCreated: insertedAgents.length };
  });
}
