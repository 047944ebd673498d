import { describe, expect, it } from 'vitest';
import type { CreatedEntry } from './context.js';
import { entryCallbacks } from './entry-callbacks.js';

type CallbackContext = Parameters<typeof entryCallbacks.newEntryId>[2];

describe('@populatedBy callbacks', () => {
  it('makes the verified caller the owner', () => {
    const context = { jwt: { sub: 'finance-lead' }, populatedByOperation: 'CREATE' } as const;
    expect(entryCallbacks.callerSubject({}, {}, context)).toBe('finance-lead');
  });

  it('hands out a fresh UUID per entry and records it for the created event', () => {
    const createdEntries: CreatedEntry[] = [];
    const context = { createdEntries, populatedByOperation: 'CREATE' } as CallbackContext;
    const first = entryCallbacks.newEntryId({ departmentSlug: 'finance' }, {}, context);
    const second = entryCallbacks.newEntryId({ departmentSlug: 'legal' }, {}, context);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).not.toBe(first);
    expect(createdEntries).toEqual([
      { entryId: first, departmentSlug: 'finance' },
      { entryId: second, departmentSlug: 'legal' },
    ]);
  });
});
