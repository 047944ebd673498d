import {
  dateOf,
  isUuid,
  requestConnection,
  runSqlTransaction,
  uuidArrayLiteral,
  type Cache,
  type CacheEntry,
  type Logger,
  type SqlConnection,
} from '@daena/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AgentStateChange } from '../domain/agent-state.js';
import type { AgentStatus } from '../../organization/domain/organization.js';

/** An agent's hot state: what it is doing now. Postgres holds the truth; the cache a copy. */
export interface AgentHotState {
  id: string;
  status: AgentStatus;
  currentTask: string | null;
  load: number;
  budgetUsedUsd: number;
  /** `state_updated_at` in microseconds since the epoch, 0 before the first change (see below). */
  sequence: number;
}

/** A committed write: the new state, and what events about it need. */
export interface AgentStateWrite {
  state: AgentHotState;
  departmentId: string;
  previousStatus: AgentStatus;
}

/**
 * Every hot-state write sets `state_updated_at` to this: the clock, but at least 1 µs after the
 * value it replaces. Writes to one row are serialized by its row lock and each sees the row as the
 * previous writer committed it, so the value strictly increases in commit order even if the clock
 * stalls or steps back. It is the state's version in the cache (no extra column needed).
 */
const nextStateTime = "greatest(clock_timestamp(), state_updated_at + interval '1 microsecond')";
// extract(epoch …) is numeric from Postgres 14 on, so microseconds survive exactly.
const stateColumns = `id, status, current_task, load, budget_used_usd, department_id,
  coalesce(extract(epoch from state_updated_at) * 1000000, 0)::bigint as sequence`;

interface StateRow {
  id: string;
  status: AgentStatus;
  current_task: string | null;
  load: number;
  budget_used_usd: number;
  department_id: string;
  /** bigint: the driver returns a string. */
  sequence: string;
}

/**
 * Agent hot state, written through: every write commits to Postgres first and then updates the
 * cache, only ever with a newer sequence; reads go to the cache first and fill misses from
 * Postgres. Every write of status, task, load or budget must go through here, or the cache would
 * not learn of it. One instance per request, on that request's EntityManager fork.
 */
export class AgentStateRepository {
  private readonly sql: SqlConnection;

  constructor(
    private readonly em: EntityManager,
    private readonly cache: Cache<AgentHotState>,
    private readonly log: Logger,
  ) {
    this.sql = requestConnection(em);
  }

  /** One cache read (MGET) for the batch; misses in one query, then written to the cache. */
  async statesByIds(ids: readonly string[]): Promise<AgentHotState[]> {
    const wanted = [...new Set(ids.filter(isUuid))];
    if (wanted.length === 0) return [];
    const cached = await this.readCache(wanted);
    const hits: AgentHotState[] = [];
    const missing: string[] = [];
    wanted.forEach((id, index) => {
      const state = cached?.[index];
      if (state) hits.push(state);
      else missing.push(id);
    });
    if (missing.length === 0) return hits;
    const rows = await this.sql.rows<StateRow>(
      `select ${stateColumns} from agents.agents where id = any(?::uuid[])`,
      [uuidArrayLiteral(missing)],
    );
    const states = rows.map(toState);
    // A fill carries the sequence it read: if a writer committed a newer state meanwhile, the
    // cache keeps the writer's (its no-regress rule), so a fill never moves it back.
    if (cached) await this.writeCache(states, 'fill');
    return [...hits, ...states];
  }

  /**
   * Applies a report in one transaction: locks the row, `plan` decides from it (a throw leaves
   * nothing written), writes, commits, and then writes the cache. Null if there is no such agent.
   * `version` stays: it guards admin edits, which a report of the agent's work must not make stale.
   */
  async report(
    agentId: string,
    plan: (current: { status: AgentStatus; retiredAt: Date | null }) => AgentStateChange,
  ): Promise<AgentStateWrite | null> {
    if (!isUuid(agentId)) return null;
    const written = await runSqlTransaction(this.em, async (sql) => {
      const [current] = await sql.rows<{ status: AgentStatus; retired_at: Date | string | null }>(
        'select status, retired_at from agents.agents where id = ? for update',
        [agentId],
      );
      if (!current) return null;
      const change = plan({
        status: current.status,
        retiredAt: dateOf(sql.parseDate, current.retired_at),
      });
      const sets: string[] = [];
      const values: unknown[] = [];
      const set = (assignment: string, value: unknown) => {
        sets.push(assignment);
        values.push(value);
      };
      if (change.status !== undefined) set('status = ?', change.status);
      if (change.currentTask !== undefined) set('current_task = ?', change.currentTask);
      if (change.load !== undefined) set('load = ?', change.load);
      // An increment in SQL: concurrent reports each add their spend.
      set('budget_used_usd = budget_used_usd + ?', change.spentUsd);
      const [row] = await sql.rows<StateRow>(
        `update agents.agents set ${sets.join(', ')}, state_updated_at = ${nextStateTime}
          where id = ? returning ${stateColumns}`,
        [...values, agentId],
      );
      return row ? toWrite(row, current.status) : null;
    });
    if (written) await this.writeCache([written.state], 'write');
    return written;
  }

  /**
   * Sets the status if the agent's version is still `expectedVersion` (optimistic locking, as
   * admin edits use: pause and resume move the version on). Null when the version moved on or
   * there is no such agent.
   */
  async setStatus(
    agentId: string,
    expectedVersion: number,
    status: AgentStatus,
    previousStatus: AgentStatus,
  ): Promise<AgentStateWrite | null> {
    if (!isUuid(agentId)) return null;
    const [row] = await this.sql.rows<StateRow>(
      `update agents.agents set status = ?, version = version + 1, state_updated_at = ${nextStateTime}
        where id = ? and version = ? returning ${stateColumns}`,
      [status, agentId, expectedVersion],
    );
    if (!row) return null;
    const result = toWrite(row, previousStatus);
    await this.writeCache([result.state], 'write');
    return result;
  }

  /** The cached states in key order, or null when the cache cannot be read (Postgres then). */
  private async readCache(ids: string[]): Promise<(AgentHotState | undefined)[] | null> {
    try {
      return await this.cache.getMany(ids);
    } catch (error) {
      this.log.warn({ err: error }, 'hot-state cache unreadable; reading Postgres');
      return null;
    }
  }

  /**
   * Cache failures never fail the request: Postgres already has the truth. A failed write is kept
   * by the cache for replay and its key is not trusted meanwhile (RedisCache), so reads of that
   * agent go to Postgres until Redis takes the write.
   */
  private async writeCache(states: AgentHotState[], kind: 'fill' | 'write'): Promise<void> {
    if (states.length === 0) return;
    const entries: CacheEntry<AgentHotState>[] = states.map((state) => ({
      key: state.id,
      value: state,
      version: state.sequence,
    }));
    try {
      await this.cache.setMany(entries);
    } catch (error) {
      this.log.warn(
        { err: error, agentIds: states.map((state) => state.id), kind },
        'hot-state cache write failed; Postgres has the state',
      );
    }
  }
}

/** When the state last changed (millisecond precision, as GraphQL serves it). */
export function stateUpdatedAt(state: AgentHotState): Date | null {
  return state.sequence > 0 ? new Date(Math.floor(state.sequence / 1000)) : null;
}

function toState(row: StateRow): AgentHotState {
  return {
    id: row.id,
    status: row.status,
    currentTask: row.current_task,
    load: row.load,
    budgetUsedUsd: row.budget_used_usd,
    sequence: Number(row.sequence),
  };
}

function toWrite(row: StateRow, previousStatus: AgentStatus): AgentStateWrite {
  return { state: toState(row), departmentId: row.department_id, previousStatus };
}
