/** CMP's pure math (issue 4): thresholds, track records, stakeholders, rounds and bias checks. */
export * from './contracts.js';
export { aggregateRound } from './aggregate-round.js';
export { applyMitigations } from './apply-mitigations.js';
export {
  emptyBiasHistory,
  recordProposal,
  summarizeBiasHistory,
  type AgentBiasCounts,
  type BiasHistory,
} from './bias-history.js';
export { defaultBiasParams, type BiasParams } from './bias-params.js';
export { decideRound } from './decide-round.js';
export { executiveEvidence, personRecordOf, type PersonRecord } from './posterior-support.js';
export { detectBias, type DetectBiasInput } from './detect-bias.js';
export {
  buildRoleRelevance,
  defaultRoleRelevance,
  kindRoles,
  roleVotingWeights,
  type RoleRelevance,
} from './role-relevance.js';
export {
  defaultStakeholderParams,
  selectStakeholders,
  type SelectStakeholdersInput,
  type StakeholderParams,
} from './stakeholders.js';
export {
  computeThreshold,
  decidedStatuses,
  defaultThresholdParams,
  kindHistoryOf,
  type DecidedStatus,
  type ThresholdParams,
} from './threshold.js';
export {
  defaultTrackRecordParams,
  estimateTrackRecords,
  priorAccuracy,
  type TrackRecordParams,
} from './track-records.js';
export { capWeights } from './weight-cap.js';
export { effectiveSampleSize, wilsonInterval } from './wilson-interval.js';
