import { BadInputError } from '@daena/platform/domain';
import type { AccessLevel } from '../domain/classification.js';
import type { EntryFields } from '../domain/entry-limits.js';
import {
  asRecords,
  setValueOf,
  stringOrUndefined,
  stringsOrUndefined,
} from './resolver-wrapping.js';

/** The access level of an input or a stored entry, as the domain's type. */
export function accessLevelOf(value: unknown): AccessLevel {
  if (value === 'PUBLIC' || value === 'RESTRICTED' || value === 'CONFIDENTIAL') return value;
  if (value === 'PERSONAL') return value;
  throw new BadInputError('accessLevel is required', 'ACCESS_LEVEL', { field: 'accessLevel' });
}

/** `KnowledgeEntryCreateInput` → the checked fields. */
export function fieldsOfCreate(input: Record<string, unknown>): EntryFields {
  return {
    title: stringOrUndefined(input['title']),
    body: stringOrUndefined(input['body']),
    departmentSlug: stringOrUndefined(input['departmentSlug']),
    sharedWithDepartments: stringsOrUndefined(input['sharedWithDepartments']),
    tags: stringsOrUndefined(input['tags']),
    source: stringOrUndefined(input['source']),
    accessOverrideReason: stringOrUndefined(input['accessOverrideReason']),
  };
}

/** `KnowledgeEntryUpdateInput` (`{ title: { set } }`, list `set`/`push`) → the checked fields. */
export function fieldsOfUpdate(update: Record<string, unknown>): EntryFields {
  const listOf = (field: string): string[] | undefined => {
    const [list] = asRecords(update[field]);
    // A push is checked on its own: the stored list's length is not known before the write.
    return list
      ? [list['set'], list['push']].flatMap((items) => stringsOrUndefined(items) ?? [])
      : undefined;
  };
  const text = (field: string) => stringOrUndefined(setValueOf(update, field));
  return {
    title: text('title'),
    body: text('body'),
    departmentSlug: text('departmentSlug'),
    sharedWithDepartments: listOf('sharedWithDepartments'),
    tags: listOf('tags'),
    source: text('source'),
    accessOverrideReason: text('accessOverrideReason'),
  };
}

/**
 * The topic names a write sets: `createTopics` inputs and `updateTopics` sets, and the topics an
 * entry's create or update creates in passing (`topics: { create: [{ node: { name } }] }`).
 */
export function topicNamesOf(value: unknown): string[] {
  return asRecords(value).flatMap((record) => {
    const own = [record['name'], setValueOf(record, 'name')].filter(
      (name): name is string => typeof name === 'string',
    );
    const nested = asRecords(record['topics']).flatMap((topics) =>
      asRecords(topics['create']).flatMap((create) => topicNamesOf(create['node'])),
    );
    return [...own, ...nested];
  });
}
