import type { CallOutcome, QualitySignalSource } from '../contracts.js';

/**
 * How many observations one quality signal of each source is worth in a posterior (issue 18).
 * Weights are symmetric (a good and a bad score of one source count alike), so a source moves the
 * posterior's mean toward its own average score, at its own speed:
 *
 * | source    | weight | why                                                                  |
 * | --------- | ------ | -------------------------------------------------------------------- |
 * | feedback  | 2      | a person read the answer and said how good it was                    |
 * | judge     | 1      | a strong model's grade: GPT-4 judges agree with experts about as     |
 * |           |        | often as experts agree with each other (~80%, Zheng et al. 2023,     |
 * |           |        | "Judging LLM-as-a-judge", arXiv 2306.05685), so one grade is one     |
 * |           |        | observation                                                          |
 * | task      | 0.5    | the agent's task succeeded or failed: the answer is one cause of many |
 * | decision  | 0.25   | a CMP decision's outcome: the answer was one vote among several      |
 * | automatic | 0.1    | "no defect found" (non-empty, not a refusal, parses) says little of  |
 * |           |        | quality; ten such count as one graded answer                         |
 *
 * An unusable answer (garbage, a content filter: `qualityEvidence` gives 0) is certain, not a
 * check's guess: it counts as `UNUSABLE_ANSWER_WEIGHT`.
 */
export const SIGNAL_TRUST: Readonly<Record<QualitySignalSource, number>> = {
  feedback: 2,
  judge: 1,
  task: 0.5,
  decision: 0.25,
  automatic: 0.1,
};

export const UNUSABLE_ANSWER_WEIGHT = 1;

/** The weight of a call outcome's quality signal. */
export function outcomeSignalWeight(outcome: CallOutcome): number {
  if (!outcome.ok) return UNUSABLE_ANSWER_WEIGHT;
  return SIGNAL_TRUST[outcome.qualitySource ?? 'automatic'];
}
