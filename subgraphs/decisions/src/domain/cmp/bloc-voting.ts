import { binomialUpperTail } from './binomial-test.js';
import type { BiasHistory } from './bias-history.js';
import type { BiasParams } from './bias-params.js';
import type { BiasFinding, Voter } from './contracts.js';
import { percent, pValue } from './evidence-text.js';

/**
 * Department blocs. On a split blind vote — the voter's department-mates lean one way, everyone
 * else the other — an independent voter sides with either by the merits alone, and mostly with
 * the larger, better-informed rest; a bloc member sides with its department. Per voter: b split
 * votes with the department, c with the rest; flagged when b/(b + c) ≥ `blocShare` over ≥
 * `blocMinSplits` splits and the exact sign test P(X ≥ b | b + c, ½) is below alpha / voters. Two
 * or more flagged members of a department make a bloc; perfectly correlated votes carry one
 * vote's information, so each member keeps 1/k of its weight.
 */
export function detectBlocVoting(
  history: BiasHistory,
  voters: readonly Voter[],
  params: BiasParams,
): BiasFinding[] {
  const cutoff = params.alpha / Math.max(1, voters.length);
  const blocs = new Map<
    string,
    { agentIds: string[]; with: number; against: number; worst: number }
  >();
  for (const voter of voters) {
    const c = history.agents.get(voter.agentId);
    if (!c) continue;
    const splits = c.withDepartment + c.withOthers;
    if (splits < params.blocMinSplits || c.withDepartment / splits < params.blocShare) continue;
    const p = binomialUpperTail(c.withDepartment, splits, 0.5);
    if (p >= cutoff) continue;
    const bloc = blocs.get(voter.departmentId) ?? { agentIds: [], with: 0, against: 0, worst: 0 };
    bloc.agentIds.push(voter.agentId);
    bloc.with += c.withDepartment;
    bloc.against += c.withOthers;
    bloc.worst = Math.max(bloc.worst, p);
    blocs.set(voter.departmentId, bloc);
  }
  const findings: BiasFinding[] = [];
  for (const [departmentId, bloc] of blocs) {
    const k = bloc.agentIds.length;
    if (k < 2) continue;
    findings.push({
      kind: 'BLOC_VOTING',
      agentIds: bloc.agentIds,
      evidence:
        `${k} members of department ${departmentId} sided with their department against the rest ` +
        `in ${bloc.with} of ${bloc.with + bloc.against} split blind votes ` +
        `(${percent(bloc.with / (bloc.with + bloc.against))}; cut-off ≥ ${percent(params.blocShare)} ` +
        `over ≥ ${params.blocMinSplits} each); sign test, largest ${pValue(bloc.worst, cutoff)}. ` +
        `The bloc counts as one voter.`,
      mitigation: 'DOWN_WEIGHT',
      weightFactor: 1 / k,
    });
  }
  return findings;
}
