import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPersistedDocuments, type IncomingOperation } from './persisted-documents.js';

const text = 'query Departments { departments { id name } }';
const hash = createHash('sha256').update(text).digest('hex');
let path: string;

beforeAll(async () => {
  path = join(await mkdtemp(join(tmpdir(), 'daena-persisted-')), 'persisted-documents.json');
  await writeFile(path, JSON.stringify({ [hash]: text }));
});

const codeOf = (mode: 'allow' | 'only', operation: IncomingOperation) =>
  loadPersistedDocuments(mode, path)?.resolve(operation)?.extensions['code'];

describe('trusted documents', () => {
  it.each([
    ['documentId with the sha256: prefix', { documentId: `sha256:${hash}` }],
    ['documentId without a prefix', { documentId: hash.toUpperCase() }],
    ['Apollo persistedQuery', { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }],
  ])('serves a document named by its %s', (_name, request: IncomingOperation) => {
    const operation: IncomingOperation = { query: '{ something else }', ...request };
    expect(codeOf('only', operation)).toBeUndefined();
    expect(operation.query).toBe(text);
    expect(operation.documentId).toBeUndefined();
    expect(operation.extensions ?? {}).not.toHaveProperty('persistedQuery');
  });

  it('refuses an unknown hash in every mode', () => {
    expect(codeOf('allow', { documentId: 'f'.repeat(64) })).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
    expect(codeOf('only', { documentId: 'f'.repeat(64) })).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
  });

  it('runs other queries in allow mode, only the manifest in only mode', () => {
    expect(codeOf('allow', { query: '{ departments { id } }' })).toBeUndefined();
    expect(codeOf('only', { query: '{ departments { id } }' })).toBe('PERSISTED_DOCUMENT_REQUIRED');
    expect(codeOf('only', {})).toBe('PERSISTED_DOCUMENT_REQUIRED');
    expect(codeOf('only', { query: text })).toBeUndefined();
  });

  it('ignores the manifest when off, and names the setting when it cannot be read', async () => {
    expect(loadPersistedDocuments('off', '/nowhere')).toBeUndefined();
    expect(() => loadPersistedDocuments('only', '/nowhere/persisted.json')).toThrow(
      /^PERSISTED_DOCUMENTS_PATH: \/nowhere\/persisted.json cannot be read \(run npm run codegen\)$/,
    );
    const broken = join(path, '..', 'broken.json');
    await writeFile(broken, JSON.stringify({ 'not-a-hash': 'query' }));
    expect(() => loadPersistedDocuments('allow', broken)).toThrow(/is not a manifest/);
  });
});
