import { type EventBus, type Logger } from '@daena/platform';
import { Events } from '@daena/contracts';
import type { GraphQLField, GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { checkCreateBatch, checkEntryFields, type EntryFields } from '../domain/entry-limits.js';
import type { CreatedEntry, KnowledgeContext } from './context.js';

export interface EntryMutationRuntime {
  /** Where `knowledge.entry.created` goes; without a bus (composition) nothing is published. */
  bus?: EventBus | undefined;
  log?: Logger | undefined;
}

type Resolver = GraphQLFieldResolver<unknown, KnowledgeContext, Record<string, unknown>>;

/**
 * Wraps the generated create and update resolvers: bounds are checked before any Cypher runs
 * (BAD_USER_INPUT), and each committed create is announced on the bus, since @neo4j/graphql's
 * own subscriptions need Enterprise CDC (ARCHITECTURE §5).
 */
export function wrapEntryMutations(schema: GraphQLSchema, runtime: EntryMutationRuntime): void {
  const fields = schema.getMutationType()?.getFields() ?? {};
  wrap(fields['createKnowledgeEntries'], (resolve) => async (source, args, context, info) => {
    const inputs = asRecords(args['input']);
    checkCreateBatch(inputs.length);
    for (const input of inputs) checkEntryFields(fieldsOfCreate(input));
    const createdEntries: CreatedEntry[] = [];
    const result: unknown = await resolve(source, args, { ...context, createdEntries }, info);
    await announce(createdEntries, runtime);
    return result;
  });
  wrap(fields['updateKnowledgeEntries'], (resolve) => async (source, args, context, info) => {
    const [update] = asRecords(args['update']);
    if (update) checkEntryFields(fieldsOfUpdate(update));
    return resolve(source, args, context, info);
  });
}

function wrap(
  field: GraphQLField<unknown, unknown> | undefined,
  wrapper: (next: Resolver) => Resolver,
) {
  if (!field?.resolve) throw new Error(`the generated schema lacks ${field?.name ?? 'a mutation'}`);
  field.resolve = wrapper(field.resolve as Resolver) as GraphQLFieldResolver<unknown, unknown>;
}

/** The write is committed when the resolver returns; a failed publish must not undo it. */
async function announce(entries: CreatedEntry[], { bus, log }: EntryMutationRuntime) {
  if (!bus) return;
  for (const entry of entries) {
    try {
      await bus.publish(Events.knowledgeEntryCreated.create(entry));
    } catch (error) {
      log?.error(
        { err: error, entryId: entry.entryId },
        'could not publish knowledge.entry.created',
      );
    }
  }
}

/** `KnowledgeEntryCreateInput` → the checked fields. */
export function fieldsOfCreate(input: Record<string, unknown>): EntryFields {
  return {
    title: stringOrUndefined(input['title']),
    body: stringOrUndefined(input['body']),
    departmentSlug: stringOrUndefined(input['departmentSlug']),
    sharedWithDepartments: stringsOrUndefined(input['sharedWithDepartments']),
  };
}

/** `KnowledgeEntryUpdateInput` (`{ title: { set } }`, list `set`/`push`) → the checked fields. */
export function fieldsOfUpdate(update: Record<string, unknown>): EntryFields {
  const [title] = asRecords(update['title']);
  const [body] = asRecords(update['body']);
  const [departmentSlug] = asRecords(update['departmentSlug']);
  const [shared] = asRecords(update['sharedWithDepartments']);
  return {
    title: stringOrUndefined(title?.['set']),
    body: stringOrUndefined(body?.['set']),
    departmentSlug: stringOrUndefined(departmentSlug?.['set']),
    // A push is checked on its own: the stored list's length is not known before the write.
    sharedWithDepartments: shared
      ? [shared['set'], shared['push']].flatMap((list) => stringsOrUndefined(list) ?? [])
      : undefined,
  };
}

function asRecords(value: unknown): Record<string, unknown>[] {
  const items = Array.isArray(value) ? value : value == null ? [] : [value];
  return items.filter(
    (item): item is Record<string, unknown> => typeof item === 'object' && item !== null,
  );
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function stringsOrUndefined(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : undefined;
}
