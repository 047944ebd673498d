import type { EventBus, Logger } from '@daena/platform';
import type { DomainEvent } from '@daena/platform/domain';
import { Events } from '@daena/contracts';
import type { Driver } from 'neo4j-driver';
import type { RecordedChange } from '../store/share-graph.js';
import type { BorderRelay } from '../store/border-relay.js';
import type { DepartmentDirectory } from '../store/department-directory.js';
import type { DepartmentIds } from '../store/department-ids.js';

/** What the share operations run on; absent parts make them UNAVAILABLE (composition). */
export interface ShareRuntime {
  driver?: Driver | undefined;
  relay?: BorderRelay | undefined;
  /** Where a department named by id is looked up (the agents subgraph). */
  departments?: DepartmentDirectory | undefined;
  /** The ids of departments known by slug, for change events (absent: none carry one). */
  departmentIds?: DepartmentIds | undefined;
  /** The first wait before a share message agents could not carry is sent again. */
  relayRetryMs?: number | undefined;
  bus?: EventBus | undefined;
  log?: Logger | undefined;
}

/** Publishes committed events; a failed publish is logged and must not undo the write. */
export async function publishAll(
  runtime: Pick<ShareRuntime, 'bus' | 'log'>,
  events: readonly DomainEvent[],
): Promise<void> {
  if (!runtime.bus) return;
  for (const event of events) {
    try {
      await runtime.bus.publish(event);
    } catch (error) {
      runtime.log?.error({ err: error, type: event.type }, 'knowledge event not published');
    }
  }
}

/**
 * `knowledge.entry.changed` for each recorded change (what `knowledgeUpdates` delivers), with
 * its department's id when agents can name it (department-ids.ts: asked once per slug).
 */
export async function changeEvents(
  runtime: Pick<ShareRuntime, 'departmentIds'>,
  changes: readonly RecordedChange[],
  change: 'created' | 'updated' | 'shared' | 'revoked',
): Promise<DomainEvent[]> {
  const slugs = [...new Set(changes.map(({ departmentSlug }) => departmentSlug))];
  const ids = new Map(
    await Promise.all(
      slugs.map(async (slug) => [slug, (await runtime.departmentIds?.idOf(slug)) ?? null] as const),
    ),
  );
  return changes.map(({ changeId, entryId, departmentSlug }) =>
    Events.knowledgeEntryChanged.create({
      changeId,
      entryId,
      departmentSlug,
      departmentId: ids.get(departmentSlug) ?? null,
      change,
    }),
  );
}
