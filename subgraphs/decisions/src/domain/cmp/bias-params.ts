import { pairVotersLimit } from './bias-history.js';

/** Cut-offs of the bias checks; every one is a parameter so a deployment can tune it. */
export interface BiasParams {
  /**
   * False-alarm rate of each check across all voters: each voter is tested at alpha / voters
   * (Bonferroni), so a committee of honest voters is flagged by a check at most 1% of the time.
   */
  alpha: number;
  /** ALWAYS_APPROVE / ALWAYS_REJECT: this share of blind votes one way … */
  oneSidedShare: number;
  /** … over at least this many blind votes. */
  oneSidedMinVotes: number;
  oneSidedWeightFactor: number;
  /** HERDING: entering a later round in the minority, joined the shown majority this often … */
  herdingShare: number;
  /** … over at least this many such rounds (and beyond its own blind agreement rate). */
  herdingMinChanges: number;
  herdingWeightFactor: number;
  /** BLOC_VOTING: sided with the department against the rest in this share of split votes … */
  blocShare: number;
  /** … over at least this many split votes; a bloc has at least two members. */
  blocMinSplits: number;
  /** COPIED_RATIONALE: Jaccard similarity of word shingles at or above this … */
  copiedSimilarity: number;
  /** … using shingles of this many words, for rationales of at least `copiedMinWords` words. */
  shingleWords: number;
  copiedMinWords: number;
  /** A shingle shared by more distinct rationales than this is boilerplate, not evidence. */
  maxShingleSharing: number;
  /** … and so is one in more than this share of a round's distinct rationales … */
  boilerplateShare: number;
  /** … once the round has at least this many distinct rationales to judge by. */
  boilerplateMinTexts: number;
  /**
   * Dependent voters (`voter-dependence.ts`): a pair is tested once it shared this many blind
   * votes …
   */
  dependenceMinVotes: number;
  /** … and found dependent when its shrunk dependence ĉ reaches this (and the test rejects) … */
  dependenceMinShare: number;
  /** … ĉ being shrunk toward independence by this many pseudo-votes. */
  dependencePriorVotes: number;
  /** Panels larger than this are not checked pairwise (`pairVotersLimit`). */
  dependenceMaxVoters: number;
}

export const defaultBiasParams: BiasParams = {
  alpha: 0.01,
  // "Ignores the merits": ≥ 90% one way over ≥ 10 votes, and one-sided beyond the pooled rate.
  oneSidedShare: 0.9,
  oneSidedMinVotes: 10,
  // Such a vote carries almost no information about the proposal: keep a tenth of its weight.
  oneSidedWeightFactor: 0.1,
  herdingShare: 0.75,
  herdingMinChanges: 5,
  // A herder's later-round vote echoes the majority it saw: count it half.
  herdingWeightFactor: 0.5,
  blocShare: 0.8,
  blocMinSplits: 10,
  copiedSimilarity: 0.8,
  shingleWords: 3,
  copiedMinWords: 6,
  maxShingleSharing: 100,
  // A template's words are in every rationale; a copying bloc's in its own few.
  boilerplateShare: 0.5,
  boilerplateMinTexts: 4,
  dependenceMinVotes: 20,
  // A tenth of the votes copied is where a cluster starts to cost more than a voter's worth.
  dependenceMinShare: 0.1,
  dependencePriorVotes: 20,
  dependenceMaxVoters: pairVotersLimit,
};
