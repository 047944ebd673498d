import type pg from 'pg';
import { waitFor } from './wait-for.js';

/** A task agents made of a source, as the scans' tests compare it. */
export interface SourcedTask {
  source: string;
  /** The task's department's slug. */
  slug: string;
  /** Its assignee's role; null while it has none. */
  role: string | null;
  priority: number;
  required_capabilities: string[];
}

/** Every task in agents' store that came from `sourceRef` (e.g. `knowledge:<entry id>`). */
export async function tasksFromSource(sql: pg.Pool, sourceRef: string): Promise<SourcedTask[]> {
  const { rows } = await sql.query<SourcedTask>(
    `select t.source, d.slug, a.role, t.priority, t.required_capabilities from agents.tasks t
       join agents.departments d on d.id = t.department_id
       left join agents.agents a on a.id = t.assignee_id
      where t.source_ref = $1`,
    [sourceRef],
  );
  return rows;
}

/** The tasks from `sourceRef` once there is at least one (a scan or a sweep made it). */
export function taskFromSource(
  sql: pg.Pool,
  sourceRef: string,
  timeoutMs?: number,
): Promise<SourcedTask[]> {
  return waitFor(async () => {
    const found = await tasksFromSource(sql, sourceRef);
    if (found.length === 0) throw new Error(`no task from ${sourceRef} yet`);
    return found;
  }, timeoutMs);
}
