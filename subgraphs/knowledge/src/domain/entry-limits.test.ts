import { BadInputError } from '@daena/platform/domain';
import { describe, expect, it } from 'vitest';
import {
  charCount,
  checkCreateBatch,
  checkEntryFields,
  checkTopicNames,
  entryLimits,
  type EntryFields,
} from './entry-limits.js';

function reasonFor(fields: EntryFields): string | null {
  try {
    checkEntryFields(fields);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    return (error as BadInputError).reason ?? null;
  }
}

describe('entry limits', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(charCount('abc')).toBe(3);
    expect(charCount('📚')).toBe(1);
    expect(charCount('')).toBe(0);
  });

  it.each([
    ['a one-character title', { title: 'a' }, null],
    ['a 200-character title', { title: 'x'.repeat(200) }, null],
    ['200 emoji as a title', { title: '📚'.repeat(200) }, null],
    ['an empty title', { title: '' }, 'TITLE_LENGTH'],
    ['a blank title', { title: '   ' }, 'TITLE_LENGTH'],
    ['a 201-character title', { title: 'x'.repeat(201) }, 'TITLE_LENGTH'],
    ['an empty body', { body: '' }, null],
    ['a 20,000-character body', { body: 'x'.repeat(20_000) }, null],
    ['a 20,001-character body', { body: 'x'.repeat(20_001) }, 'BODY_LENGTH'],
    ['a blank department', { departmentSlug: ' ' }, 'DEPARTMENT_SLUG'],
    ['a 65-character department', { departmentSlug: 'd'.repeat(65) }, 'DEPARTMENT_SLUG'],
    ['no shared departments', { sharedWithDepartments: [] }, null],
    ['an empty shared department', { sharedWithDepartments: ['legal', ''] }, 'DEPARTMENT_SLUG'],
    [
      'too many shared departments',
      { sharedWithDepartments: Array.from({ length: 65 }, (_, i) => `d${i}`) },
      'TOO_MANY_DEPARTMENTS',
    ],
    ['fields an update leaves out', {}, null],
  ] as [string, EntryFields, string | null][])('%s → %s', (_case, fields, reason) => {
    expect(reasonFor(fields)).toBe(reason);
  });

  it('reports the bound and the length for an oversize title', () => {
    expect(() => checkEntryFields({ title: 'x'.repeat(250) })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: { field: 'title', max: entryLimits.titleMaxChars, length: 250 },
      }),
    );
  });

  it('bounds the number of entries one mutation creates', () => {
    expect(() => checkCreateBatch(entryLimits.entriesPerCreateMax)).not.toThrow();
    expect(() => checkCreateBatch(entryLimits.entriesPerCreateMax + 1)).toThrow(BadInputError);
  });
});

describe('topic names', () => {
  it('takes 1 to 64 characters', () => {
    expect(() => checkTopicNames(['tax', 't'.repeat(64)])).not.toThrow();
    expect(() => checkTopicNames([' '])).toThrow(expect.objectContaining({ reason: 'TOPIC_NAME' }));
    expect(() => checkTopicNames(['t'.repeat(65)])).toThrow(BadInputError);
  });
});
