/** A point of the organization's layout (the agents subgraph's sunflower coordinates). */
export interface Point {
  x: number;
  y: number;
}

/** The smallest box around `points`, padded by `margin` on each side: the SVG's viewBox. */
export function viewBoxAround(points: readonly Point[], margin: number): string {
  if (points.length === 0) return '0 0 1 1';
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const minX = Math.min(...xs) - margin;
  const minY = Math.min(...ys) - margin;
  const width = Math.max(...xs) + margin - minX;
  const height = Math.max(...ys) + margin - minY;
  return `${minX} ${minY} ${width} ${height}`;
}

/** A flat-topped hexagon's corners around `center`, as SVG `points`. */
export function hexagonPoints(center: Point, radius: number): string {
  return Array.from({ length: 6 }, (_, corner) => {
    const angle = (Math.PI / 3) * corner;
    const x = center.x + radius * Math.cos(angle);
    const y = center.y + radius * Math.sin(angle);
    return `${x.toFixed(2)},${y.toFixed(2)}`;
  }).join(' ');
}

/** The distance from `center` to its farthest point, so a cell encloses its agents. */
export function reach(center: Point, points: readonly Point[]): number {
  return Math.max(0, ...points.map((p) => Math.hypot(p.x - center.x, p.y - center.y)));
}
