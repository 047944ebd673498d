/**
 * The permission fuzz, for this package's test and for the knowledge bench (test/bench in the
 * repository root), which measures its throughput. Test code: never imported by src/.
 */
export { edgesFrom, runFuzz, type FuzzReport, type GroundTruth } from './fuzz-queries.js';
export { seedOrganization, type Call, type FuzzOrganization } from './organization.js';
export { seededRandom } from './reference-model.js';
