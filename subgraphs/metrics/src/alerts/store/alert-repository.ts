import type { EntityManager } from '@mikro-orm/postgresql';
import type { ActiveAlert, AlertState, AlertTransition } from '../domain/alert-state.js';

/** An alert as stored: its current state and when it last changed. */
export interface AlertRecord {
  id: string;
  rule: string;
  severity: string;
  state: AlertState;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  value: number;
  activeAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
}

/** One stored state change of an alert. */
export interface AlertTransitionRecord {
  id: string;
  alertId: string;
  fromState: AlertState | null;
  toState: AlertState;
  value: number;
  at: Date;
}

interface AlertRow {
  id: string;
  rule: string;
  severity: string;
  state: AlertState;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  value: number;
  active_at: Date | string;
  updated_at: Date | string;
  resolved_at: Date | string | null;
}

interface TransitionRow {
  id: string;
  alert_id: string;
  from_state: AlertState | null;
  to_state: AlertState;
  value: number;
  at: Date | string;
}

const toAlert = (row: AlertRow): AlertRecord => ({
  id: row.id,
  rule: row.rule,
  severity: row.severity,
  state: row.state,
  labels: row.labels,
  annotations: row.annotations,
  value: row.value,
  activeAt: new Date(row.active_at),
  updatedAt: new Date(row.updated_at),
  resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at),
});

const toTransition = (row: TransitionRow): AlertTransitionRecord => ({
  id: String(row.id),
  alertId: row.alert_id,
  fromState: row.from_state,
  toState: row.to_state,
  value: row.value,
  at: new Date(row.at),
});

/** Alerts and their transitions in Postgres; one instance per request or evaluation. */
export class AlertRepository {
  constructor(private readonly em: EntityManager) {}

  private get knex() {
    return this.em.getKnex();
  }

  /**
   * Stores the transitions of one evaluation in one transaction: each alert's row is upserted to
   * its new state and the transition appended. Returns the stored transitions (with ids), in order.
   */
  async recordTransitions(
    transitions: readonly AlertTransition[],
  ): Promise<AlertTransitionRecord[]> {
    if (transitions.length === 0) return [];
    return this.knex.transaction(async (trx) => {
      const stored: AlertTransitionRecord[] = [];
      for (const t of transitions) {
        const at = new Date(t.at);
        await trx
          .withSchema('metrics')
          .table('alerts')
          .insert({
            id: t.fingerprint,
            rule: t.rule,
            severity: t.severity,
            state: t.to,
            labels: JSON.stringify(t.labels),
            annotations: JSON.stringify(t.annotations),
            value: t.value,
            active_at: at,
            updated_at: at,
            resolved_at: t.to === 'RESOLVED' ? at : null,
          })
          .onConflict('id')
          .merge({
            state: t.to,
            annotations: JSON.stringify(t.annotations),
            value: t.value,
            updated_at: at,
            resolved_at: t.to === 'RESOLVED' ? at : null,
            // A new episode of an alert that had resolved starts when it turns pending again.
            ...(t.from === null ? { active_at: at } : {}),
          });
        const [row] = await trx
          .withSchema('metrics')
          .table('alert_transitions')
          .insert({
            alert_id: t.fingerprint,
            from_state: t.from,
            to_state: t.to,
            value: t.value,
            at,
          })
          .returning<TransitionRow[]>(['id', 'alert_id', 'from_state', 'to_state', 'value', 'at']);
        if (row) stored.push(toTransition(row));
      }
      return stored;
    });
  }

  /** Alerts, newest change first, optionally of one state and severity. */
  async list(
    filter: { state?: AlertState; severity?: string },
    limit: number,
  ): Promise<AlertRecord[]> {
    const rows = await this.knex
      .withSchema('metrics')
      .from('alerts')
      .modify((query) => {
        if (filter.state) void query.where('state', filter.state);
        if (filter.severity) void query.where('severity', filter.severity);
      })
      .orderBy([
        { column: 'updated_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(limit)
      .select<AlertRow[]>('*');
    return rows.map(toAlert);
  }

  async byIds(ids: readonly string[]): Promise<AlertRecord[]> {
    const rows = await this.knex
      .withSchema('metrics')
      .from('alerts')
      .whereIn('id', ids as string[])
      .select<AlertRow[]>('*');
    return rows.map(toAlert);
  }

  async transition(id: string): Promise<AlertTransitionRecord | null> {
    if (!/^[1-9][0-9]{0,17}$/.test(id)) return null;
    const row = await this.knex
      .withSchema('metrics')
      .from('alert_transitions')
      .where('id', id)
      .first<TransitionRow | undefined>('*');
    return row ? toTransition(row) : null;
  }

  /** The transitions of many alerts, oldest first, for the per-request loader. */
  async transitionsOf(alertIds: readonly string[]): Promise<AlertTransitionRecord[]> {
    const rows = await this.knex
      .withSchema('metrics')
      .from('alert_transitions')
      .whereIn('alert_id', alertIds as string[])
      .orderBy('id')
      .select<TransitionRow[]>('*');
    return rows.map(toTransition);
  }

  /**
   * For each alert, the id of its last transition into FIRING (alerts that never fired get none).
   * One backward walk of the `(alert_id, id)` index per alert, stopping at the first FIRING:
   * for an alert firing now that is its newest transition, whatever its history's length.
   */
  async lastFiringTransitionsOf(
    alertIds: readonly string[],
  ): Promise<{ alertId: string; transitionId: string }[]> {
    if (alertIds.length === 0) return [];
    const { rows } = await this.knex.raw<{ rows: { alert_id: string; id: string }[] }>(
      `select alert.id as alert_id, fired.id
         from unnest(?::text[]) as alert(id)
         cross join lateral (
           select id from metrics.alert_transitions
            where alert_id = alert.id and to_state = 'FIRING'
            order by id desc
            limit 1
         ) as fired`,
      [alertIds as string[]],
    );
    return rows.map((row) => ({ alertId: row.alert_id, transitionId: String(row.id) }));
  }

  /** The pending and firing alerts, to resume evaluation where a previous run left it. */
  async active(): Promise<ActiveAlert[]> {
    const rows = await this.knex
      .withSchema('metrics')
      .from('alerts')
      .whereIn('state', ['PENDING', 'FIRING'])
      .select<AlertRow[]>('*');
    return rows.map((row) => ({
      rule: row.rule,
      fingerprint: row.id,
      labels: row.labels,
      annotations: row.annotations,
      state: row.state === 'FIRING' ? 'FIRING' : 'PENDING',
      activeAt: new Date(row.active_at).getTime(),
      value: row.value,
    }));
  }
}
