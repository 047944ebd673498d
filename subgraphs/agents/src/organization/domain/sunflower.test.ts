import { describe, expect, it } from 'vitest';
import { agentPosition, departmentPosition, goldenAngle, vogelPoint } from './sunflower.js';

describe('Vogel sunflower placement', () => {
  it('uses the golden angle of about 137.508°', () => {
    expect((goldenAngle * 180) / Math.PI).toBeCloseTo(137.5078, 4);
  });

  it.each([1, 2, 5, 64])('puts item %i at radius c·√n', (n) => {
    const point = vogelPoint(n, 10);
    expect(point.radius).toBeCloseTo(10 * Math.sqrt(n), 5);
    expect(Math.hypot(point.x, point.y)).toBeCloseTo(point.radius, 4);
    expect(point.angle).toBeGreaterThanOrEqual(0);
    expect(point.angle).toBeLessThan(2 * Math.PI);
  });

  it('is deterministic and keeps the hub at the centre', () => {
    expect(departmentPosition(3)).toEqual(departmentPosition(3));
    expect(departmentPosition(0).radius).toBeGreaterThan(0);
  });

  it('keeps a department’s agents closer to it than to any other department', () => {
    const departments = Array.from({ length: 8 }, (_, o) => departmentPosition(o));
    for (let ordinal = 0; ordinal < 8; ordinal++) {
      for (let seat = 0; seat < 8; seat++) {
        const agent = agentPosition(ordinal, seat);
        const distances = departments.map((d) => Math.hypot(d.x - agent.x, d.y - agent.y));
        expect(distances.indexOf(Math.min(...distances))).toBe(ordinal);
      }
    }
  });
});
