import { isUuid } from '@daena/platform';
import type { AlertTransitioned, KnowledgeEntryCreated } from '@daena/contracts';
import { agentPrincipal, tryCreate, type ScanDependencies } from './scan-for-work.js';

/*
 * Agents' scans of their environment (issue 15 §1): new knowledge in their department and alerts
 * that fire become tasks, once per source, for the agent the capability match picks. They read
 * only the events' payloads: the knowledge and metrics stores are their owners' alone.
 */

/**
 * What each kind of work asks of its agent, from the capability matrix: reviewing and linking a
 * new entry is information integration (the Synthesizer's); watching what an alert says is trend
 * monitoring (the Research Scout's, whose matrix row also reports).
 */
export const scanCapabilities = {
  knowledge: ['information integration'],
  alert: ['trend monitoring'],
} as const;

/** An alert's urgency as a task's priority (1 most urgent); other severities get 3. */
const alertPriority: Readonly<Record<string, number>> = { critical: 1, warning: 2, info: 3 };

/**
 * A new entry of a department's knowledge asks one of its agents to review it and link it to
 * what the department knows. What agents wrote is left alone (agents do not loop on each other's
 * writes), and so are shared copies: sharing publishes no `knowledge.entry.created`. Returns
 * whether a task was made.
 */
export async function scanKnowledgeEntry(
  deps: ScanDependencies,
  entry: KnowledgeEntryCreated,
): Promise<boolean> {
  if (entry.authorAgentId) return false;
  const ctx = deps.contextFor(agentPrincipal('autonomy-scan'), deps.fork());
  const department = await ctx.organization.departmentBySlug(entry.departmentSlug);
  if (!department || department.retiredAt) {
    deps.log.debug(
      { entryId: entry.entryId, slug: entry.departmentSlug },
      'entry of no department',
    );
    return false;
  }
  const made = await tryCreate(deps, ctx, {
    title: `Review new knowledge entry ${entry.entryId}`,
    description: [
      `A person wrote knowledge entry ${entry.entryId} in ${department.name}.`,
      'Review it against what the department knows, link what it relates to, and tell whoever needs it.',
    ].join(' '),
    departmentId: department.id,
    assigneeId: null,
    parentId: null,
    requiredCapabilities: [...scanCapabilities.knowledge],
    sourceRef: `knowledge:${entry.entryId}`,
  });
  return made > 0;
}

/**
 * An alert that starts firing asks a monitoring agent to look into it: of the alert's department
 * when it is about one, else of `alertDepartment` (by default engineering, which runs the
 * platform). Once per firing (its transition): the same alert firing again later is new work; a
 * pending or resolved alert makes none. Returns whether a task was made.
 */
export async function scanAlert(
  deps: ScanDependencies,
  alert: AlertTransitioned,
): Promise<boolean> {
  if (alert.state !== 'firing') return false;
  const ctx = deps.contextFor(agentPrincipal('autonomy-scan'), deps.fork());
  const department =
    alert.departmentId && isUuid(alert.departmentId)
      ? await ctx.organization.departmentById(alert.departmentId)
      : await ctx.organization.departmentBySlug(deps.scan.alertDepartment);
  if (!department || department.retiredAt) {
    deps.log.warn(
      { alertId: alert.alertId, departmentId: alert.departmentId ?? null },
      'firing alert of no current department: no agent looks into it',
    );
    return false;
  }
  const made = await tryCreate(deps, ctx, {
    title: `Alert ${alert.rule} is firing (${alert.severity})`,
    description: [
      `The ${alert.severity} alert ${alert.rule} (alert ${alert.alertId}) started firing.`,
      'Find out what it says about the work, what caused it and who should act, and report.',
    ].join(' '),
    departmentId: department.id,
    assigneeId: null,
    parentId: null,
    requiredCapabilities: [...scanCapabilities.alert],
    priority: alertPriority[alert.severity] ?? 3,
    sourceRef: `alert:${alert.transitionId}`,
  });
  return made > 0;
}
