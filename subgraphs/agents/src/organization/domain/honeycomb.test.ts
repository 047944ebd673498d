import { describe, expect, it } from 'vitest';
import { adjacency, departmentHex, hexDistance, hexKey, spiralHex } from './honeycomb.js';

describe('spiralHex', () => {
  it('puts the hub at the centre and walks ring 1 counter-clockwise from the south-west', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(spiralHex)).toEqual([
      { q: 0, r: 0 },
      { q: -1, r: 1 },
      { q: 0, r: 1 },
      { q: 1, r: 0 },
      { q: 1, r: -1 },
      { q: 0, r: -1 },
      { q: -1, r: 0 },
    ]);
  });

  it.each([
    [1, 6, 1],
    [7, 18, 2],
    [19, 36, 3],
  ])('fills ring %#: indexes %i–%i sit at distance %i, each cell once', (from, to, ring) => {
    const cells = Array.from({ length: to - from + 1 }, (_, i) => spiralHex(from + i));
    expect(cells.every((cell) => hexDistance(cell, { q: 0, r: 0 }) === ring)).toBe(true);
    expect(new Set(cells.map(hexKey)).size).toBe(cells.length);
  });

  it('steps to an adjacent cell from each index to the next within a ring', () => {
    for (let i = 7; i < 18; i++) expect(hexDistance(spiralHex(i), spiralHex(i + 1))).toBe(1);
  });

  it('gives 1,000 departments 1,000 distinct cells, none on the hub', () => {
    const keys = new Set(Array.from({ length: 1000 }, (_, i) => hexKey(departmentHex(i))));
    expect(keys.size).toBe(1000);
    expect(keys.has('0,0')).toBe(false);
  });

  it('rejects negative or fractional indexes', () => {
    expect(() => spiralHex(-1)).toThrow(RangeError);
    expect(() => spiralHex(1.5)).toThrow(RangeError);
  });
});

describe('adjacency', () => {
  const departments = Array.from({ length: 8 }, (_, ordinal) => ({
    ordinal,
    hex: departmentHex(ordinal),
  }));
  const neighbors = adjacency(departments);

  it('is symmetric', () => {
    for (const [cell, list] of neighbors) {
      for (const other of list) expect(neighbors.get(other)).toContain(cell);
    }
  });

  it('links ring-1 cells to the two ring-1 cells beside them', () => {
    const [first] = departments;
    if (!first) throw new Error('no departments');
    const adjacent = neighbors.get(first) ?? [];
    expect(adjacent.map((d) => d.ordinal)).toEqual(expect.arrayContaining([1, 5]));
    expect(adjacent.every((d) => hexDistance(d.hex, first.hex) === 1)).toBe(true);
  });

  it('does not move existing cells when a department is added', () => {
    const more = Array.from({ length: 9 }, (_, ordinal) => departmentHex(ordinal));
    expect(more.slice(0, 8)).toEqual(departments.map((d) => d.hex));
  });
});
