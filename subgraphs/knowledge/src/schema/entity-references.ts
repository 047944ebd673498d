/**
 * The agents subgraph's entities as knowledge refers to them (issue 16 §1): a reference the
 * gateway completes from agents, batched by its planner (one `_entities` call per request).
 */
export function agentReference(entry: { authorAgentId?: string | null }): { id: string } | null {
  return entry.authorAgentId ? { id: entry.authorAgentId } : null;
}

export function departmentReference(entry: { departmentSlug: string }): { slug: string } {
  return { slug: entry.departmentSlug };
}
