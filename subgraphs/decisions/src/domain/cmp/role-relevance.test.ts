import { describe, expect, it } from 'vitest';
import { buildRoleRelevance, defaultRoleRelevance, kindRoles } from './role-relevance.js';

describe('defaultRoleRelevance', () => {
  const cases: [keyof typeof kindRoles, string, number][] = [
    ['BRAND', 'CREATIVE_ADVISOR', 1.2],
    ['BRAND', 'STRATEGIC_ADVISOR', 0.9],
    ['BRAND', 'DATA_SCOUT', 0],
    ['STRATEGIC', 'STRATEGIC_ADVISOR', 1.5],
    ['CROSS_DEPARTMENT', 'SYNTHESIZER', 1.3],
    ['DISPUTE', 'BORDER_AGENT', 1.1],
    ['QUALITY', 'EXECUTION_AGENT', 1],
  ];
  it.each(cases)('%s: %s counts %f', (kind, role, expected) => {
    expect(defaultRoleRelevance[kind][role] ?? 0).toBeCloseTo(expected, 12);
  });

  it('names a role for every kind and lets the strategic share be tuned', () => {
    expect(Object.keys(defaultRoleRelevance)).toEqual(Object.keys(kindRoles));
    expect(buildRoleRelevance(0)['BRAND']['STRATEGIC_ADVISOR']).toBe(0);
  });
});
