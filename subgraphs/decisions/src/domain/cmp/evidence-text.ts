/** Formatting shared by the bias checks' evidence sentences. */
export function percent(x: number): string {
  return `${(100 * x).toFixed(0)}%`;
}

export function pValue(p: number, cutoff: number): string {
  return `p = ${p.toExponential(1)} < ${cutoff.toExponential(1)}`;
}
