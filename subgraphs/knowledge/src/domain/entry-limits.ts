import { BadInputError } from '@daena/platform/domain';

/**
 * Bounds on one entry. Title and body come from the knowledge issue; the slug bounds only keep a
 * node small (a deployment has a handful of departments, ARCHITECTURE §1); the batch bound is the
 * per-mutation batch limit of ARCHITECTURE §6.
 */
export const entryLimits = {
  titleMaxChars: 200,
  bodyMaxChars: 20_000,
  slugMaxChars: 64,
  sharedDepartmentsMax: 64,
  entriesPerCreateMax: 100,
  tagsMax: 20,
  tagMaxChars: 64,
  topicNameMaxChars: 64,
  /** A source (URL, document name) and an override reason are one line, not a document. */
  noteMaxChars: 500,
} as const;

/** The checked fields of an entry, as far as one create or update sets them. */
export interface EntryFields {
  title?: string | undefined;
  body?: string | undefined;
  departmentSlug?: string | undefined;
  sharedWithDepartments?: readonly string[] | undefined;
  tags?: readonly string[] | undefined;
  source?: string | undefined;
  accessOverrideReason?: string | undefined;
}

/** Length in Unicode code points, so an emoji counts as one character, as a reader expects. */
export function charCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Throws BadInputError (BAD_USER_INPUT) for the first field outside its bounds. */
export function checkEntryFields(fields: EntryFields): void {
  const { title, body, departmentSlug, sharedWithDepartments } = fields;
  if (title !== undefined) {
    const length = charCount(title);
    if (title.trim() === '' || length > entryLimits.titleMaxChars) {
      throw new BadInputError(
        `title must have 1 to ${entryLimits.titleMaxChars} characters and not be blank (got ${length})`,
        'TITLE_LENGTH',
        { field: 'title', max: entryLimits.titleMaxChars, length },
      );
    }
  }
  if (body !== undefined) {
    const length = charCount(body);
    if (length > entryLimits.bodyMaxChars) {
      throw new BadInputError(
        `body must have at most ${entryLimits.bodyMaxChars} characters (got ${length})`,
        'BODY_LENGTH',
        { field: 'body', max: entryLimits.bodyMaxChars, length },
      );
    }
  }
  if (departmentSlug !== undefined) checkSlug('departmentSlug', departmentSlug);
  if (sharedWithDepartments !== undefined) {
    if (sharedWithDepartments.length > entryLimits.sharedDepartmentsMax) {
      throw new BadInputError(
        `sharedWithDepartments may list at most ${entryLimits.sharedDepartmentsMax} departments`,
        'TOO_MANY_DEPARTMENTS',
        { field: 'sharedWithDepartments', max: entryLimits.sharedDepartmentsMax },
      );
    }
    for (const slug of sharedWithDepartments) checkSlug('sharedWithDepartments', slug);
  }
  if (fields.tags !== undefined) checkTags(fields.tags);
  for (const field of ['source', 'accessOverrideReason'] as const) {
    const value = fields[field];
    if (value !== undefined && charCount(value) > entryLimits.noteMaxChars) {
      throw new BadInputError(
        `${field} must have at most ${entryLimits.noteMaxChars} characters`,
        'NOTE_LENGTH',
        { field, max: entryLimits.noteMaxChars },
      );
    }
  }
}

function checkTags(tags: readonly string[]): void {
  const { tagsMax, tagMaxChars } = entryLimits;
  const bad = tags.find((tag) => tag.trim() === '' || charCount(tag) > tagMaxChars);
  if (tags.length > tagsMax || bad !== undefined) {
    throw new BadInputError(
      `tags: at most ${tagsMax} tags of 1 to ${tagMaxChars} characters`,
      'TAGS',
      { field: 'tags', max: tagsMax, maxChars: tagMaxChars },
    );
  }
}

/** Throws BadInputError when one create mutation carries more entries than the batch limit. */
export function checkCreateBatch(count: number): void {
  if (count > entryLimits.entriesPerCreateMax) {
    throw new BadInputError(
      `one mutation may create at most ${entryLimits.entriesPerCreateMax} entries (got ${count})`,
      'BATCH_TOO_LARGE',
      { max: entryLimits.entriesPerCreateMax, count },
    );
  }
}

function checkSlug(field: string, slug: string): void {
  if (slug.trim() === '' || charCount(slug) > entryLimits.slugMaxChars) {
    throw new BadInputError(
      `${field}: a department slug has 1 to ${entryLimits.slugMaxChars} characters`,
      'DEPARTMENT_SLUG',
      { field, max: entryLimits.slugMaxChars },
    );
  }
}

/** Throws BadInputError (TOPIC_NAME) unless every topic name has 1 to 64 characters. */
export function checkTopicNames(names: readonly string[]): void {
  const max = entryLimits.topicNameMaxChars;
  if (names.some((name) => name.trim() === '' || charCount(name) > max)) {
    throw new BadInputError(`a topic name has 1 to ${max} characters`, 'TOPIC_NAME', {
      field: 'name',
      max,
    });
  }
}
