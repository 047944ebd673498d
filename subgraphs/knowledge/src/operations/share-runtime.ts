import type { EventBus, Logger } from '@daena/platform';
import type { DomainEvent } from '@daena/platform/domain';
import { Events } from '@daena/contracts';
import type { Driver } from 'neo4j-driver';
import type { RecordedChange } from '../store/share-graph.js';
import type { BorderRelay } from '../store/border-relay.js';
import type { DepartmentDirectory } from '../store/department-directory.js';

/** What the share operations run on; absent parts make them UNAVAILABLE (composition). */
export interface ShareRuntime {
  driver?: Driver | undefined;
  relay?: BorderRelay | undefined;
  /** Where a department named by id is looked up (the agents subgraph). */
  departments?: DepartmentDirectory | undefined;
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

/** `knowledge.entry.changed` for each recorded change (what `knowledgeUpdates` delivers). */
export function changeEvents(
  changes: readonly RecordedChange[],
  change: 'created' | 'updated' | 'shared' | 'revoked',
): DomainEvent[] {
  return changes.map(({ changeId, entryId, departmentSlug }) =>
    Events.knowledgeEntryChanged.create({ changeId, entryId, departmentSlug, change }),
  );
}
