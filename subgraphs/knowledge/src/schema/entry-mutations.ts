import { type EventBus, type Logger } from '@daena/platform';
import { Events } from '@daena/contracts';
import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import {
  checkAccessChoice,
  classifyKind,
  personalDataKinds,
  suggestAccessLevel,
} from '../domain/classification.js';
import { checkCreateBatch, checkEntryFields, checkTopicNames } from '../domain/entry-limits.js';
import { searchLimits } from '../domain/search-terms.js';
import { deleteOrphanVersions, inWriteTransaction, linkRelated } from '../store/knowledge-graph.js';
import { recordChangesOf, type RecordedChange } from '../store/share-graph.js';
import { changeEvents, publishAll } from '../operations/share-runtime.js';
import type { DepartmentIds } from '../store/department-ids.js';
import type { CreatedEntry } from './context.js';
import { createOnce } from './create-once.js';
import { accessLevelOf, fieldsOfCreate, topicNamesOf } from './entry-inputs.js';
import { reviseEntry } from './entry-revisions.js';
import { asRecords, requireDriver, wrapRootField } from './resolver-wrapping.js';

export interface EntryMutationRuntime {
  /** Writes run in transactions of their own on it; absent when only composing the schema. */
  driver?: Driver | undefined;
  /**
   * Where `knowledge.entry.created` and `knowledge.entry.changed` go; without a bus (composition)
   * nothing is published.
   */
  bus?: EventBus | undefined;
  log?: Logger | undefined;
  /** Where change events find their department's id (agents); absent, they carry none. */
  departmentIds?: DepartmentIds | undefined;
}

/**
 * Wraps the generated writes. Bounds and the access choice are checked before any Cypher runs
 * (BAD_USER_INPUT); the generated mutation then runs in a transaction of ours, with the writes
 * it cannot make (related links, versions) in the same transaction, so a refused write leaves
 * nothing; each committed create is announced on the bus, since @neo4j/graphql's own
 * subscriptions need Enterprise CDC (ARCHITECTURE §5).
 */
export function wrapEntryMutations(schema: GraphQLSchema, runtime: EntryMutationRuntime): void {
  wrapRootField(schema, 'Mutation', 'createKnowledgeEntries', (resolve) => async (...call) => {
    const [source, args, context, info] = call;
    const inputs = asRecords(args['input']);
    checkCreateBatch(inputs.length);
    for (const input of inputs) prepareCreate(input);
    checkTopicNames(topicNamesOf(inputs));
    const createdEntries: CreatedEntry[] = [];
    const changes: RecordedChange[] = [];
    const result = await inWriteTransaction(requireDriver(runtime.driver), async (tx) => {
      const writing = { ...context, createdEntries, executionContext: tx };
      const value: unknown = await createOnce(tx, inputs, context, () =>
        resolve(source, args, writing, info),
      );
      const queries = createdEntries.flatMap(({ entryId, relatedQuery }) =>
        relatedQuery ? [{ id: entryId, query: relatedQuery }] : [],
      );
      await linkRelated(tx, queries, searchLimits);
      const ids = createdEntries.map((entry) => entry.entryId);
      const authors = createdEntries.map((entry) => entry.authorAgentId);
      changes.push(...(await recordChangesOf(tx, ids, 'CREATED', authors)));
      return { commit: true, value };
    });
    await announce(createdEntries, runtime);
    await publishAll(runtime, await changeEvents(runtime, changes, 'created'));
    return result;
  });
  wrapRootField(schema, 'Mutation', 'updateKnowledgeEntries', (resolve) => async (...call) => {
    const changes: RecordedChange[] = [];
    const value = await reviseEntry(requireDriver(runtime.driver), resolve, call, changes);
    await publishAll(runtime, await changeEvents(runtime, changes, 'updated'));
    return value;
  });
  wrapRootField(schema, 'Mutation', 'deleteKnowledgeEntries', (resolve) => async (...call) => {
    const [source, args, context, info] = call;
    return inWriteTransaction(requireDriver(runtime.driver), async (tx) => {
      const value: unknown = await resolve(
        source,
        args,
        { ...context, executionContext: tx },
        info,
      );
      await deleteOrphanVersions(tx);
      return { commit: true, value };
    });
  });
}

/** Checks one create input and completes it: the kind, when the author left it out. */
function prepareCreate(input: Record<string, unknown>): void {
  const fields = fieldsOfCreate(input);
  checkEntryFields(fields);
  const title = fields.title ?? '';
  const body = fields.body ?? '';
  const suggested = suggestAccessLevel(personalDataKinds(`${title}\n${body}`));
  checkAccessChoice(accessLevelOf(input['accessLevel']), suggested, fields.accessOverrideReason);
  input['kind'] ??= classifyKind(title, body);
}

/** The write is committed when the resolver returns; a failed publish must not undo it. */
async function announce(entries: CreatedEntry[], { bus, log }: EntryMutationRuntime) {
  if (!bus) return;
  for (const { entryId, departmentSlug, authorAgentId } of entries) {
    try {
      await bus.publish(
        Events.knowledgeEntryCreated.create({ entryId, departmentSlug, authorAgentId }),
      );
    } catch (error) {
      log?.error({ err: error, entryId }, 'could not publish knowledge.entry.created');
    }
  }
}
