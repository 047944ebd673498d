import { byIdLoader } from '@daena/platform';
import {
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { KnowledgeContext } from './context.js';
import type { Resolver } from './resolver-wrapping.js';

/** The most representations one Cypher query reads: the `@limit(max:)` of KnowledgeEntry. */
const batchMax = 200;

/**
 * An alias for the key in the batched read's selection: `__` names are reserved by GraphQL, so
 * no client selection can collide with it.
 */
const keyAlias = '__batchKey';

type Loader = ReturnType<typeof byIdLoader<{ id: string; entry: unknown }>>;

/**
 * Batches knowledge's `_entities` (issue 16 §1): @neo4j/graphql 7.6 resolves each
 * `KnowledgeEntry` representation with a Cypher query of its own; here the representations of
 * one `_entities` field are read together, by the generated `knowledgeEntries` query (so the
 * caller's selection and the `@authorization` filter apply as to any read), one query per
 * 200 ids. A representation the caller may not read, or that does not exist, resolves to null,
 * as before.
 */
export function batchEntryReferences(schema: GraphQLSchema): void {
  const entry = schema.getType('KnowledgeEntry');
  const read = schema.getQueryType()?.getFields()['knowledgeEntries'];
  const subgraph = entry?.extensions['apollo'] as
    { subgraph?: { resolveReference?: unknown } } | undefined;
  if (!isObjectType(entry) || !read?.resolve || !subgraph?.subgraph?.resolveReference) {
    throw new Error('the generated schema lacks the KnowledgeEntry reference resolver');
  }
  // One loader per request and `_entities` field: its representations share one selection.
  const loaders = new WeakMap<object, WeakMap<FieldNode, Loader>>();
  subgraph.subgraph.resolveReference = async (
    reference: { id?: unknown },
    context: KnowledgeContext,
    info: GraphQLResolveInfo,
  ) => {
    if (typeof reference.id !== 'string') return null;
    const [field] = info.fieldNodes;
    if (!field) return null;
    const byField = loaders.get(context) ?? new WeakMap<FieldNode, Loader>();
    loaders.set(context, byField);
    const loader = byField.get(field) ?? entriesLoader(read, context, info);
    byField.set(field, loader);
    return (await loader.load(reference.id))?.entry ?? null;
  };
}

function entriesLoader(
  read: GraphQLField<unknown, unknown>,
  context: KnowledgeContext,
  info: GraphQLResolveInfo,
): Loader {
  const resolve = read.resolve as Resolver;
  const readInfo = asEntriesRead(read, info);
  return byIdLoader(async (ids) => {
    const chunks: string[][] = [];
    for (let at = 0; at < ids.length; at += batchMax) chunks.push(ids.slice(at, at + batchMax));
    const rows = await Promise.all(
      chunks.map(
        (chunk) =>
          resolve(
            undefined,
            { where: { id: { in: chunk } }, limit: chunk.length },
            context,
            readInfo,
          ) as Promise<Record<string, unknown>[]>,
      ),
    );
    return rows.flat().map((row) => ({ id: String(row[keyAlias]), entry: row }));
  });
}

/**
 * The `_entities` field's selection as a `knowledgeEntries` read (its `... on KnowledgeEntry`
 * fragments apply to that type as they are), with the entry's id added under `keyAlias`.
 */
function asEntriesRead(
  read: GraphQLField<unknown, unknown>,
  info: GraphQLResolveInfo,
): GraphQLResolveInfo {
  const key: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: keyAlias },
    name: { kind: Kind.NAME, value: 'id' },
  };
  const field: FieldNode = {
    kind: Kind.FIELD,
    name: { kind: Kind.NAME, value: read.name },
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [...info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []), key],
    },
  };
  const query = info.schema.getQueryType();
  if (!query) throw new Error('the schema has no Query type');
  return {
    ...info,
    fieldName: read.name,
    fieldNodes: [field],
    returnType: read.type,
    parentType: query,
    path: { prev: undefined, key: read.name, typename: query.name },
  };
}
