import { describe, expect, it } from 'vitest';
import type { CreatedEntry } from './context.js';
import { entryCallbacks } from './entry-callbacks.js';

type CallbackContext = Parameters<typeof entryCallbacks.newEntryId>[2];

describe('@populatedBy callbacks', () => {
  it('makes the verified caller the owner', () => {
    const context = { jwt: { sub: 'finance-lead' }, populatedByOperation: 'CREATE' } as const;
    expect(entryCallbacks.callerSubject({}, {}, context)).toBe('finance-lead');
  });

  it('classifies the content of a create input', () => {
    const parent = {
      title: 'Payroll',
      body: 'Send the slip to ana@example.com; IBAN DE89 3704 0044 0532 0130 00',
    };
    expect(entryCallbacks.personalData(parent)).toEqual(['EMAIL', 'IBAN']);
    expect(entryCallbacks.suggestedAccessLevel(parent)).toBe('PERSONAL');
    expect(entryCallbacks.firstVersion()).toBe(1);
  });

  it('hands out a fresh UUID per entry and records it for the created event', () => {
    const createdEntries: CreatedEntry[] = [];
    const context = { createdEntries, populatedByOperation: 'CREATE' } as CallbackContext;
    const first = entryCallbacks.newEntryId(
      { departmentSlug: 'finance', title: 'Travel policy', body: 'Receipts within 30 days' },
      {},
      context,
    );
    const second = entryCallbacks.newEntryId({ departmentSlug: 'legal' }, {}, context);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).not.toBe(first);
    expect(createdEntries).toEqual([
      {
        entryId: first,
        departmentSlug: 'finance',
        authorAgentId: null,
        relatedQuery: 'policy travel 30 days receipts within',
      },
      { entryId: second, departmentSlug: 'legal', authorAgentId: null, relatedQuery: null },
    ]);
  });

  it('records the agent that wrote an entry: the one it names, else an agent caller', () => {
    const createdEntries: CreatedEntry[] = [];
    const agent = { sub: 'agent-7', roles: ['agent'] };
    const context = { createdEntries, jwt: agent, populatedByOperation: 'CREATE' };
    entryCallbacks.newEntryId({ authorAgentId: 'agent-3' }, {}, context as CallbackContext);
    entryCallbacks.newEntryId({}, {}, context as CallbackContext);
    const person = { ...context, jwt: { sub: 'finance-lead', roles: ['department_lead'] } };
    entryCallbacks.newEntryId({}, {}, person as CallbackContext);
    expect(createdEntries.map((entry) => entry.authorAgentId)).toEqual([
      'agent-3',
      'agent-7',
      null,
    ]);
  });
});
