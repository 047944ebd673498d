import type { SqlConnection } from '@daena/platform';

/** The sources of work the sweep reads from other services by cursor (migration 0013). */
export const ScanSource = { KNOWLEDGE: 'knowledge', PROPOSALS: 'proposals' } as const;
export type ScanSource = (typeof ScanSource)[keyof typeof ScanSource];

/** Where the sweep stands in each source (agents.scan_cursors). */
export class ScanCursorRepository {
  constructor(private readonly sql: SqlConnection) {}

  /** The cursor of `source`; a source without one starts now (nothing before it is work). */
  async position(source: ScanSource): Promise<Date> {
    const [row] = await this.sql.rows<{ position: string }>(
      `insert into agents.scan_cursors (source, position) values (?, now())
         on conflict (source) do update set source = excluded.source
       returning position`,
      [source],
    );
    if (!row) throw new Error(`no cursor of ${source}`);
    return this.sql.parseDate(row.position);
  }

  /** Moves the cursor of `source` to `position`, never back (two sweeps may overlap). */
  async advance(source: ScanSource, position: Date): Promise<void> {
    await this.sql.rows(
      `update agents.scan_cursors set position = greatest(position, ?), updated_at = now()
        where source = ?`,
      [position, source],
    );
  }
}
