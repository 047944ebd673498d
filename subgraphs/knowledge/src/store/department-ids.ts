import type { Logger } from '@daena/platform';

export interface DepartmentIdsOptions {
  /** Asks agents for the id of department `slug` (DepartmentDirectory.idOf). */
  lookup(slug: string): Promise<string>;
  /**
   * How long a slug agents could not name (down, or not knowing it yet) is not asked about again:
   * a write publishing its change then costs at most one agents timeout per slug and period, not
   * one per write.
   */
  retryAfterMs: number;
  log?: Logger | undefined;
  now?: () => number;
}

/**
 * The ids of the departments knowledge knows by slug, for the `knowledge.entry.changed` events
 * (`knowledgeUpdates(departmentId:)`). An id is kept for the life of the process: agents never
 * changes a department's slug (a rename keeps it) nor its id. Concurrent lookups of one slug share
 * one call. A slug agents cannot name now gets null, and is asked about again after
 * `retryAfterMs`.
 */
export class DepartmentIds {
  private readonly known = new Map<string, string>();
  private readonly pending = new Map<string, Promise<string | null>>();
  private readonly failedAt = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: DepartmentIdsOptions) {
    this.now = options.now ?? Date.now;
  }

  idOf(slug: string): Promise<string | null> {
    const id = this.known.get(slug);
    if (id !== undefined) return Promise.resolve(id);
    const failed = this.failedAt.get(slug);
    if (failed !== undefined && this.now() - failed < this.options.retryAfterMs) {
      return Promise.resolve(null);
    }
    const asked = this.pending.get(slug) ?? this.ask(slug);
    this.pending.set(slug, asked);
    return asked;
  }

  private async ask(slug: string): Promise<string | null> {
    try {
      const id = await this.options.lookup(slug);
      this.known.set(slug, id);
      this.failedAt.delete(slug);
      return id;
    } catch (error) {
      this.failedAt.set(slug, this.now());
      this.options.log?.warn(
        { err: error, departmentSlug: slug },
        'department id not known: its changes go out without departmentId for now',
      );
      return null;
    } finally {
      this.pending.delete(slug);
    }
  }
}
