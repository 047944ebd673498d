import type { ProposalFeatures, Threshold } from '../domain/cmp/contracts.js';
import { selectStakeholders } from '../domain/cmp/stakeholders.js';
import { computeThreshold } from '../domain/cmp/threshold.js';
import { estimateTrackRecords } from '../domain/cmp/track-records.js';
import {
  assertHasStakeholders,
  electorateOf,
  type OrganizationCell,
} from '../domain/electorate.js';
import type { DecisionsContext } from '../request/context.js';
import type { StakeholderSnapshot } from '../store/stakeholder-writes.js';

export interface OpeningPlan {
  threshold: Threshold;
  stakeholders: StakeholderSnapshot[];
}

/**
 * Everything opening a proposal decides, read before the write transaction: who votes and with
 * what weight (role relevance × track record, `selectStakeholders`) and the required support
 * (`computeThreshold` with the kind's recorded outcomes). Who qualifies does not depend on track
 * records, so a first selection names the agents whose records are then read: never the whole
 * history. Throws NO_STAKEHOLDERS when nobody qualifies.
 */
export async function planOpening(
  ctx: DecisionsContext,
  organization: readonly OrganizationCell[],
  features: ProposalFeatures,
): Promise<OpeningPlan> {
  const electorate = electorateOf(organization);
  const qualified = selectStakeholders({ features, ...electorate, trackRecords: [] });
  assertHasStakeholders(qualified.length);
  const agentIds = qualified.map((stakeholder) => stakeholder.agentId);
  const [recorded, history] = await Promise.all([
    ctx.history.recordedVotes(agentIds),
    ctx.history.kindHistory(features.kind),
  ]);
  const trackRecords = estimateTrackRecords(recorded.votes, recorded.outcomes);
  const weighted = selectStakeholders({ features, ...electorate, trackRecords });
  const voters = new Map(electorate.voters.map((voter) => [voter.agentId, voter]));
  return {
    threshold: computeThreshold(features, history, ctx.runtime.threshold),
    stakeholders: weighted.map((stakeholder) => ({
      ...stakeholder,
      role: voters.get(stakeholder.agentId)?.role ?? 'UNKNOWN',
      departmentId:
        voters.get(stakeholder.agentId)?.departmentId ?? features.departmentIds[0] ?? '',
    })),
  };
}
