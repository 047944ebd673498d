import { isUuid, type SqlConnection } from '@daena/platform';

/** A direct message no task was made of yet. */
export interface UnscannedMessage {
  id: string;
  toAgentId: string;
  fromName: string;
  body: string;
  /** The task whose run sent it, when an agent sent it from a run (its follow-up nests under). */
  parentTaskId: string | null;
}

/** What agents' scans read of their environment (issue 15 §1: the sources of their own work). */
export class ScanRepository {
  constructor(private readonly sql: SqlConnection) {}

  /**
   * Direct messages of the last `seconds` to working agents (current, not paused) that no task
   * came from yet, oldest first. A paused addressee's messages wait for the scan after its resume.
   */
  async unscannedMessages(seconds: number, limit: number): Promise<UnscannedMessage[]> {
    const rows = await this.sql.rows<{
      id: string;
      to_agent_id: string;
      from_name: string;
      body: string;
      parent_task_id: string | null;
    }>(
      `select m.id, m.to_agent_id, s.name as from_name, m.body,
              (select r.task_id from agents.tool_effects e
                 join agents.agent_runs r on r.id::text = split_part(e.idempotency_key, ':', 1)
                where e.tool = 'send_message' and e.effect->>'messageId' = m.id::text
                limit 1) as parent_task_id
         from agents.messages m
         join agents.agents s on s.id = m.from_agent_id
         join agents.agents t on t.id = m.to_agent_id
        where m.topic = 'DIRECT' and m.created_at > now() - make_interval(secs => ?)
          and t.retired_at is null and t.status <> 'PAUSED'
          and not exists (select 1 from agents.tasks k where k.source_ref = 'message:' || m.id::text)
        order by m.seq limit ?`,
      [seconds, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      toAgentId: row.to_agent_id,
      fromName: row.from_name,
      body: row.body,
      parentTaskId: row.parent_task_id,
    }));
  }

  /** Whether an agent's run opened this proposal (an escalation: its run follows it up itself). */
  async escalated(proposalId: string): Promise<boolean> {
    if (!isUuid(proposalId)) return false;
    const rows = await this.sql.rows(
      `select 1 from agents.agent_runs where proposal_id = ?
       union all
       select 1 from agents.tool_effects where tool = 'open_proposal' and effect->>'proposalId' = ?
       limit 1`,
      [proposalId, proposalId],
    );
    return rows.length > 0;
  }

  /** Which of these sources a task came from already (one query for a sweep's whole page). */
  async takenOf(sourceRefs: readonly string[]): Promise<Set<string>> {
    if (sourceRefs.length === 0) return new Set();
    const rows = await this.sql.rows<{ source_ref: string }>(
      'select source_ref from agents.tasks where source_ref = any(?::text[])',
      [[...sourceRefs]],
    );
    return new Set(rows.map((row) => row.source_ref));
  }

  /** Whether a task came from this source already. */
  async taken(sourceRef: string): Promise<boolean> {
    const rows = await this.sql.rows('select 1 from agents.tasks where source_ref = ?', [
      sourceRef,
    ]);
    return rows.length > 0;
  }
}
