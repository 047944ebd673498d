import { describe, expect, it } from 'vitest';
import { readBodyChars, readResult, snippetChars, snippetOf } from './knowledge-results.js';

describe('what the knowledge tools give the model', () => {
  it('shows a bounded piece of a body around the first word of the query it holds', () => {
    const body = `${'Preamble. '.repeat(40)}The Osprey payment run\n needs two approvers. ${'Tail. '.repeat(80)}`;
    const snippet = snippetOf(body, 'osprey approvers');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet).toContain('The Osprey payment run needs two approvers.');
    expect([...snippet].length).toBeLessThanOrEqual(snippetChars + 2);
    expect(snippetOf('Short note.', 'absent')).toBe('Short note.');
  });

  it('cuts a read entry’s body and says so', () => {
    const entry = {
      id: 'e',
      title: 't',
      kind: null,
      tags: [],
      departmentSlug: 'finance',
      accessLevel: 'PUBLIC',
      updatedAt: null,
    };
    const long = readResult({ ...entry, body: 'x'.repeat(readBodyChars + 1) });
    expect(long.body).toHaveLength(readBodyChars);
    expect(long.truncated).toBe(true);
    expect(readResult({ ...entry, body: 'short' })).toMatchObject({
      body: 'short',
      truncated: false,
    });
  });
});
