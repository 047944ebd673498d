import { dateOf, type SqlConnection } from '@daena/platform';

/** The global kill switch as stored. */
export interface AutonomyControl {
  halted: boolean;
  reason: string | null;
  changedBy: string | null;
  changedAt: Date;
}

interface ControlRow {
  halted: boolean;
  reason: string | null;
  changed_by: string | null;
  changed_at: Date | string;
}

/** The one row of `agents.autonomy_control`. */
export class AutonomyControlRepository {
  constructor(private readonly sql: SqlConnection) {}

  async read(): Promise<AutonomyControl> {
    const [row] = await this.sql.rows<ControlRow>(
      'select halted, reason, changed_by, changed_at from agents.autonomy_control',
    );
    if (!row) throw new Error('agents.autonomy_control has no row');
    return this.record(row);
  }

  async set(halted: boolean, reason: string | null, by: string): Promise<AutonomyControl> {
    const [row] = await this.sql.rows<ControlRow>(
      `update agents.autonomy_control set halted = ?, reason = ?, changed_by = ?, changed_at = now()
       returning halted, reason, changed_by, changed_at`,
      [halted, reason, by],
    );
    if (!row) throw new Error('agents.autonomy_control has no row');
    return this.record(row);
  }

  private record(row: ControlRow): AutonomyControl {
    return {
      halted: row.halted,
      reason: row.reason,
      changedBy: row.changed_by,
      changedAt: dateOf(this.sql.parseDate, row.changed_at),
    };
  }
}
