import { dateOf, type SqlConnection } from '@daena/platform';
import { ApprovalGate, type ApprovalGates } from '../domain/run-steps.js';

/** A configured gate: a task kind or a tool that waits for a person's approval. */
export interface ApprovalGateRecord {
  subject: ApprovalGate;
  name: string;
  createdBy: string;
  createdAt: Date;
}

interface GateRow {
  subject: ApprovalGate;
  name: string;
  created_by: string;
  created_at: Date | string;
}

/** `agents.approval_gates`: the gates, as data an admin or executive changes. */
export class ApprovalGateRepository {
  constructor(private readonly sql: SqlConnection) {}

  async list(): Promise<ApprovalGateRecord[]> {
    const rows = await this.sql.rows<GateRow>(
      'select subject, name, created_by, created_at from agents.approval_gates order by subject, name',
    );
    return rows.map((row) => ({
      subject: row.subject,
      name: row.name,
      createdBy: row.created_by,
      createdAt: dateOf(this.sql.parseDate, row.created_at),
    }));
  }

  /** The gates as a run's plan reads them. */
  async gates(): Promise<ApprovalGates> {
    const rows = await this.list();
    const named = (subject: ApprovalGate) =>
      new Set(rows.filter((row) => row.subject === subject).map((row) => row.name));
    return { taskKinds: named(ApprovalGate.TASK_KIND), tools: named(ApprovalGate.TOOL) };
  }

  /** Adds the gate (again: unchanged) or removes it. */
  async set(subject: ApprovalGate, name: string, required: boolean, by: string): Promise<void> {
    if (required) {
      await this.sql.rows(
        `insert into agents.approval_gates (subject, name, created_by) values (?, ?, ?)
         on conflict do nothing`,
        [subject, name, by],
      );
      return;
    }
    await this.sql.rows('delete from agents.approval_gates where subject = ? and name = ?', [
      subject,
      name,
    ]);
  }
}
