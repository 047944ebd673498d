/** CMP's pure math (issue 4): thresholds, track records, stakeholders, rounds and bias checks. */
export * from './contracts.js';
export { aggregateRound } from './aggregate-round.js';
export { applyMitigations } from './apply-mitigations.js';
export { emptyBiasHistory, recordProposal } from './bias-history.js';
export { decideRound, supportOf, type DecideOptions } from './decide-round.js';
export { executiveEvidence, personRecordOf, type PersonRecord } from './posterior-support.js';
export { detectBias } from './detect-bias.js';
export { defaultRoleRelevance, roleVotingWeights } from './role-relevance.js';
export { selectStakeholders } from './stakeholders.js';
export { computeThreshold } from './threshold.js';
export { accuracyFor, estimateTrackRecords } from './track-records.js';
export {
  defaultStoppingRules,
  parseStoppingRules,
  stoppingRuleFor,
  type StoppingRule,
  type StoppingRules,
  type WhenRoundsRunOut,
} from './stopping-rule.js';
export { detectDependentVoters } from './voter-dependence.js';
