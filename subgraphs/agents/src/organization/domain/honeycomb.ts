/**
 * The honeycomb: departments on axial hex coordinates around the hub (Amit Patel, "Hexagonal
 * Grids", redblobgames.com, axial coordinates and spiral rings). The hub holds (0, 0); department
 * n (0-based ordinal) takes cell n + 1 of the spiral, so a new department never moves an existing
 * one, and adjacency is symmetric by construction.
 */

export interface Hex {
  q: number;
  r: number;
}

/** The six axial directions, counter-clockwise from east. */
const hexDirections: readonly Hex[] = [
  { q: 1, r: 0 },
  { q: 1, r: -1 },
  { q: 0, r: -1 },
  { q: -1, r: 0 },
  { q: -1, r: 1 },
  { q: 0, r: 1 },
];

export const hubHex: Hex = { q: 0, r: 0 };

export function hexKey(hex: Hex): string {
  return `${hex.q},${hex.r}`;
}

function hexNeighbors(hex: Hex): Hex[] {
  return hexDirections.map((d) => ({ q: hex.q + d.q, r: hex.r + d.r }));
}

/** Hex distance in axial coordinates: (|dq| + |dr| + |dq + dr|) / 2. */
export function hexDistance(a: Hex, b: Hex): number {
  const dq = a.q - b.q;
  const dr = a.r - b.r;
  return (Math.abs(dq) + Math.abs(dr) + Math.abs(dq + dr)) / 2;
}

/**
 * Cell `index` of the spiral around the hub: 0 is the hub, 1–6 ring 1, 7–18 ring 2, …
 * Ring k holds 6k cells, starting k steps in direction 4 and walking the six directions.
 */
export function spiralHex(index: number): Hex {
  if (!Number.isInteger(index) || index < 0)
    throw new RangeError(`spiral index ${index} is not a natural number`);
  if (index === 0) return hubHex;
  let ring = 1;
  let first = 1;
  while (index >= first + 6 * ring) {
    first += 6 * ring;
    ring++;
  }
  const offset = index - first;
  const side = Math.floor(offset / ring);
  const step = offset % ring;
  const start = hexDirections[4] as Hex;
  let hex = { q: start.q * ring, r: start.r * ring };
  for (let s = 0; s < side; s++) {
    const d = hexDirections[s] as Hex;
    hex = { q: hex.q + d.q * ring, r: hex.r + d.r * ring };
  }
  const d = hexDirections[side] as Hex;
  return { q: hex.q + d.q * step, r: hex.r + d.r * step };
}

/** A department's cell from its ordinal (0-based, never reused). */
export function departmentHex(ordinal: number): Hex {
  return spiralHex(ordinal + 1);
}

/**
 * For each cell, the keys of occupied cells that share an edge with it. Built once per request
 * from all departments: O(n) with a hash of cells.
 */
export function adjacency<T extends { hex: Hex }>(cells: readonly T[]): Map<T, T[]> {
  const byKey = new Map(cells.map((cell) => [hexKey(cell.hex), cell]));
  return new Map(
    cells.map((cell) => [
      cell,
      hexNeighbors(cell.hex)
        .map((hex) => byKey.get(hexKey(hex)))
        .filter((neighbor): neighbor is T => neighbor !== undefined),
    ]),
  );
}
