import { describe, expect, it } from 'vitest';
import { fieldsOfCreate, fieldsOfUpdate, topicNamesOf } from './entry-inputs.js';

describe('the fields a mutation writes', () => {
  it('reads a create input as is', () => {
    expect(
      fieldsOfCreate({
        title: 'T',
        body: 'B',
        departmentSlug: 'finance',
        accessLevel: 'RESTRICTED',
        sharedWithDepartments: ['legal'],
      }),
    ).toEqual({
      title: 'T',
      body: 'B',
      departmentSlug: 'finance',
      sharedWithDepartments: ['legal'],
    });
  });

  it('reads only the fields an update sets', () => {
    expect(fieldsOfUpdate({ title: { set: 'New' } })).toEqual({
      title: 'New',
      body: undefined,
      departmentSlug: undefined,
      sharedWithDepartments: undefined,
    });
  });

  it('checks both the replaced and the pushed shared departments', () => {
    expect(
      fieldsOfUpdate({ sharedWithDepartments: { set: ['legal'], push: ['hr'] } })
        .sharedWithDepartments,
    ).toEqual(['legal', 'hr']);
    expect(fieldsOfUpdate({ sharedWithDepartments: { pop: 1 } }).sharedWithDepartments).toEqual([]);
  });
});

describe('the topic names a write sets', () => {
  it('finds them in topic inputs, topic updates and topics created with an entry', () => {
    expect(topicNamesOf([{ name: 'tax' }, { name: 'audit' }])).toEqual(['tax', 'audit']);
    expect(topicNamesOf({ name: { set: 'vat' } })).toEqual(['vat']);
    expect(
      topicNamesOf([
        { title: 'T', topics: { create: [{ node: { name: 'm&a' } }], connect: [] } },
        { title: 'U' },
      ]),
    ).toEqual(['m&a']);
    expect(topicNamesOf({ topics: [{ create: [{ node: { name: 'hiring' } }] }] })).toEqual([
      'hiring',
    ]);
  });
});
