import { BadInputError } from '@daena/platform/domain';
import type { Driver } from 'neo4j-driver';
import {
  checkAccessChoice,
  personalDataKinds,
  suggestAccessLevel,
} from '../domain/classification.js';
import { checkEntryFields } from '../domain/entry-limits.js';
import { relatedQuery, searchLimits } from '../domain/search-terms.js';
import {
  inWriteTransaction,
  linkRelated,
  propagateAccess,
  readEntryState,
  snapshotVersion,
} from '../store/knowledge-graph.js';
import { recordChangesOf, type RecordedChange } from '../store/share-graph.js';
import { accessLevelOf, fieldsOfUpdate } from './entry-inputs.js';
import { asRecords, setValueOf, stringOrUndefined, type Resolver } from './resolver-wrapping.js';

/**
 * An update makes a new version (issue 16): in one transaction the entry as it was is kept as a
 * KnowledgeVersion linked by SUPERSEDES, the generated update runs with its access rules, and
 * the entry is classified and linked again. The generated update alone decides access: when it
 * matched nothing (an entry the caller may not read), everything is rolled back and its empty
 * answer returned, so the answer is the same whether the entry exists or not.
 */
export async function reviseEntry(
  driver: Driver,
  resolve: Resolver,
  [source, args, context, info]: Parameters<Resolver>,
  /** Filled with the change record of a committed update (`knowledgeUpdates`). */
  changes: RecordedChange[] = [],
): Promise<unknown> {
  const id = entryIdOf(args['where']);
  const [update = {}] = asRecords(args['update']);
  checkEntryFields(fieldsOfUpdate(update));
  return inWriteTransaction(driver, async (tx) => {
    const run = () => resolve(source, args, { ...context, executionContext: tx }, info);
    const before = await readEntryState(tx, id);
    if (!before) return { commit: false, value: await run() };
    const set = (field: string) => stringOrUndefined(setValueOf(update, field));
    const title = set('title') ?? before.title;
    const body = set('body') ?? before.body;
    const personalData = personalDataKinds(`${title}\n${body}`);
    const suggestedAccessLevel = suggestAccessLevel(personalData);
    await snapshotVersion(tx, id, { suggestedAccessLevel, personalData });
    const value: unknown = await run();
    const after = await readEntryState(tx, id);
    if (!after || after.stamp === before.stamp) return { commit: false, value };
    checkAccessChoice(
      accessLevelOf(after.accessLevel),
      suggestedAccessLevel,
      set('accessOverrideReason') ?? before.accessOverrideReason,
    );
    await propagateAccess(tx, id);
    const query = relatedQuery(title, body);
    await linkRelated(tx, query ? [{ id, query }] : [], searchLimits);
    changes.push(...(await recordChangesOf(tx, [id], 'UPDATED')));
    return { commit: true, value };
  });
}

/** Updates name one entry by id, so each makes exactly one new version. */
function entryIdOf(where: unknown): string {
  const [filter] = asRecords(where);
  const [idFilter] = asRecords(filter?.['id']);
  const id = idFilter?.['eq'];
  const onlyId =
    filter && Object.keys(filter).length === 1 && Object.keys(idFilter ?? {}).length === 1;
  if (!onlyId || typeof id !== 'string') {
    throw new BadInputError(
      'updateKnowledgeEntries takes where: { id: { eq: "…" } } (one entry, one new version)',
      'UPDATE_ONE_ENTRY',
      { field: 'where' },
    );
  }
  return id;
}
