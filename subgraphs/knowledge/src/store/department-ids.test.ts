import { UnavailableError } from '@daena/platform';
import { describe, expect, it } from 'vitest';
import { DepartmentIds } from './department-ids.js';

/** A directory of two departments that counts the questions and can be made to fail. */
function directory() {
  const asked: string[] = [];
  let down = false;
  const ids: Record<string, string> = { finance: 'd-fin', legal: 'd-leg' };
  let clock = 0;
  const departments = new DepartmentIds({
    lookup: async (slug) => {
      asked.push(slug);
      const id = ids[slug];
      if (down || !id) throw new UnavailableError('agents is down', 'AGENTS_UNAVAILABLE');
      return id;
    },
    retryAfterMs: 1_000,
    now: () => clock,
  });
  return {
    departments,
    asked,
    setDown: (value: boolean) => (down = value),
    advance: (ms: number) => (clock += ms),
  };
}

describe('department ids for knowledge.entry.changed', () => {
  it('asks agents once per slug, also when many changes ask at once', async () => {
    const { departments, asked } = directory();
    const ids = await Promise.all([
      departments.idOf('finance'),
      departments.idOf('finance'),
      departments.idOf('legal'),
    ]);
    expect(ids).toEqual(['d-fin', 'd-fin', 'd-leg']);
    expect(await departments.idOf('finance')).toBe('d-fin');
    expect(asked).toEqual(['finance', 'legal']);
  });

  it('answers null while agents cannot name a slug, and asks again after the wait', async () => {
    const { departments, asked, setDown, advance } = directory();
    setDown(true);
    expect(await departments.idOf('finance')).toBeNull();
    setDown(false);
    advance(999);
    expect(await departments.idOf('finance')).toBeNull();
    expect(asked).toEqual(['finance']);
    advance(1);
    expect(await departments.idOf('finance')).toBe('d-fin');
    expect(asked).toEqual(['finance', 'finance']);
  });
});
