/**
 * Sunflower placement (H. Vogel, "A better way to construct the sunflower head", Mathematical
 * Biosciences 44, 1979): item n sits at angle n·φ, with φ = π(3 − √5) the golden angle
 * (≈ 137.508°), and radius c·√n, which spreads items evenly with no radial gaps.
 */

export const goldenAngle = Math.PI * (3 - Math.sqrt(5));

export interface SunflowerPoint {
  x: number;
  y: number;
  /** Radians, normalised to [0, 2π). */
  angle: number;
  radius: number;
}

/** Layout scale: distance units are arbitrary; frontends scale to their canvas. */
const layoutScale = {
  /** c for departments around the hub. */
  department: 100,
  /** c for agents around their department: 8 agents stay within ~0.3 of the spacing of departments. */
  agent: 12,
} as const;

export function vogelPoint(n: number, c: number, center = { x: 0, y: 0 }): SunflowerPoint {
  const angle = (n * goldenAngle) % (2 * Math.PI);
  const radius = c * Math.sqrt(n);
  return {
    x: round(center.x + radius * Math.cos(angle)),
    y: round(center.y + radius * Math.sin(angle)),
    angle: round(angle),
    radius: round(radius),
  };
}

/** Department with ordinal o (0-based) is sunflower item o + 1: the hub keeps the centre. */
export function departmentPosition(ordinal: number): SunflowerPoint {
  return vogelPoint(ordinal + 1, layoutScale.department);
}

/** Agent in seat s (0-based) of its department spirals around the department's position. */
export function agentPosition(departmentOrdinal: number, seat: number): SunflowerPoint {
  return vogelPoint(seat + 1, layoutScale.agent, departmentPosition(departmentOrdinal));
}

/** Six decimals: stable across platforms' last-bit float differences and plenty for drawing. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
