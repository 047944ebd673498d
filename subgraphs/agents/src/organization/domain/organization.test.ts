import { describe, expect, it } from 'vitest';
import { defaultDepartments, roleCapabilities, seedAgents } from './organization.js';

describe('the default organization', () => {
  const agents = seedAgents(defaultDepartments);

  it('has 8 departments with 8 agents each, one per role', () => {
    expect(defaultDepartments).toHaveLength(8);
    expect(agents).toHaveLength(64);
    for (const department of defaultDepartments) {
      const roles = agents.filter((a) => a.departmentSlug === department.slug).map((a) => a.role);
      expect(new Set(roles)).toEqual(new Set(roleCapabilities.map((c) => c.role)));
    }
  });

  it('gives every agent a unique slug and name', () => {
    expect(new Set(agents.map((a) => a.slug)).size).toBe(64);
    expect(new Set(agents.map((a) => a.name)).size).toBe(64);
    expect(agents.find((a) => a.slug === 'finance-data-scout')?.name).toBe('Finance Data Scout');
  });
});
