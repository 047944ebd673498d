import { isInputObjectType, isObjectType, print, printSchema } from 'graphql';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeSchema } from './service.js';

describe('the knowledge subgraph schema', () => {
  it('builds with no driver, as composition does, and the same with a driver never connected', async () => {
    // Port 1 on loopback: nothing listens, so any connection attempt would fail the build.
    const driver = neo4j.driver('bolt://127.0.0.1:1');
    try {
      const composed = await buildKnowledgeSchema();
      const served = await buildKnowledgeSchema(driver);
      expect(printSchema(served)).toBe(printSchema(composed));
    } finally {
      await driver.close();
    }
  });

  it('makes KnowledgeEntry a federation entity keyed by id', async () => {
    const entry = (await buildKnowledgeSchema()).getType('KnowledgeEntry');
    expect(isObjectType(entry) && entry.astNode ? print(entry.astNode) : '').toMatch(
      /\btype KnowledgeEntry @key\(fields: "id"\) \{/,
    );
  });

  it('takes id, owner, version, classification and timestamps from the server, never from input', async () => {
    const schema = await buildKnowledgeSchema();
    const inputFields = (name: string) => {
      const type = schema.getType(name);
      return isInputObjectType(type) ? Object.keys(type.getFields()).sort() : [];
    };
    const authorFields = [
      'accessLevel',
      'accessOverrideReason',
      'authorAgentId',
      'body',
      'departmentSlug',
      'kind',
      'sharedWithDepartments',
      'source',
      'tags',
      'title',
      'topics',
    ];
    // A create may carry the writer's idempotency key (create-once.ts); an update never does.
    expect(inputFields('KnowledgeEntryCreateInput')).toEqual(
      [...authorFields, 'idempotencyKey'].sort(),
    );
    expect(inputFields('KnowledgeEntryUpdateInput')).toEqual(authorFields);
  });

  it('lets no client write relations, versions or classification', async () => {
    const schema = await buildKnowledgeSchema();
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.filter((name) => /Version/.test(name))).toEqual([]);
    expect(schema.getType('KnowledgeEntryRelatedFieldInput')).toBeUndefined();
    expect(schema.getType('KnowledgeEntryDerivedFromFieldInput')).toBeUndefined();
  });
});
