/**
 * A label whose values come from outside (operation names, subgraph names): the first `max`
 * distinct values pass, any later one becomes `other`, so one client cannot create unbounded
 * series (https://prometheus.io/docs/practices/naming/#labels).
 */
export function boundedLabel(max: number, other = 'other'): (value: string) => string {
  const seen = new Set<string>();
  return (value) => {
    if (seen.has(value)) return value;
    if (seen.size >= max) return other;
    seen.add(value);
    return value;
  };
}
