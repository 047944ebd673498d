import type { Stakeholder } from '../domain/cmp/contracts.js';
import type { ProposalStakeholderRecord } from '../store/records.js';

/**
 * A stored voter as CMP's math reads it. Evidence snapshotted before migration 0003 is absent
 * (the prior's); an executive carries no agent weight and is marked a person, so their evidence
 * stands outside the weight cap.
 */
export function cmpStakeholder(record: ProposalStakeholderRecord): Stakeholder {
  const person = record.personSubject !== null;
  return {
    agentId: record.agentId,
    weight: person ? 0 : record.weight,
    why: record.why,
    logOdds: record.logOdds ?? undefined,
    logOddsVariance: record.logOddsVariance ?? undefined,
    accuracy: record.accuracy ?? undefined,
    accuracyEvidence: record.accuracyEvidence ?? undefined,
    ...(person ? { person } : {}),
  };
}
