import { ProposalKind } from './contracts.js';

/**
 * The stopping rule's parameters per proposal kind (issue 19, "A stopping rule with a stated
 * error"; `decideRound` applies them).
 *
 * A round decides when the probability that its decision is wrong is at most `maxError`: it
 * ACCEPTS when P(approving is right | the round's votes) ≥ max(threshold, 1 − maxError), REJECTS
 * when it is ≤ min(threshold, maxError) — a sequential probability-ratio test on the posterior
 * (Wald 1945, in its Bayesian form: the boundaries on the posterior odds are (1 − ε)/ε and
 * ε/(1 − ε)). The probability is E[σ(L)] over the uncertainty of the voters' accuracies, not the
 * point estimate, so a panel of unproven voters must agree more before it decides.
 *
 * Stated error. Every decision taken before the rounds run out is, given the votes, wrong with
 * probability at most ε; so the expected share of wrong early decisions is at most ε, as far as
 * the accuracies are right (the CMP bench measures it against ground truth). Expected rounds:
 * with d the chance that one round settles (which grows with the panel's evidence and with ε),
 * E[rounds] = 1 + (1 − d) + … + (1 − d)^(K − 1) for K rounds, each round's votes being judged
 * afresh (the later round's voters have seen the earlier one's distribution, so its votes already
 * hold what the earlier one showed and the two are not added up).
 *
 * When rounds run out (the proposal's maximum reached, or no round could settle: even a unanimous
 * panel would leave the error above ε), `whenRoundsRunOut` says what happens:
 * - NO_CONSENSUS, the default for every kind: nothing is decided and people take it from there.
 *   A decision the votes cannot back at the stated error is not taken behind the deployment's back.
 * - DECIDE, per kind by configuration: the Bayes decision at the threshold — ACCEPT when
 *   P(approving is right) ≥ threshold, else REJECT — whose error, min(P, 1 − P), the round's reason
 *   states (`describeRound`). For kinds a later proposal can revisit, a decision that is the better
 *   bet may beat none.
 * Defaults: ε = 5% for the kinds a later proposal can revisit (brand, research method,
 * cross-department, quality, disputes), 2% for those costly to undo (strategic, data privacy,
 * resource allocation above budget).
 */
export type WhenRoundsRunOut = 'DECIDE' | 'NO_CONSENSUS';

export interface StoppingRule {
  /** The largest probability of being wrong a round may decide with, in (0, 0.5). */
  maxError: number;
  whenRoundsRunOut: WhenRoundsRunOut;
}

const careful: StoppingRule = { maxError: 0.02, whenRoundsRunOut: 'NO_CONSENSUS' };
const routine: StoppingRule = { maxError: 0.05, whenRoundsRunOut: 'NO_CONSENSUS' };

export const defaultStoppingRules: Readonly<Record<ProposalKind, StoppingRule>> = {
  STRATEGIC: careful,
  BRAND: routine,
  RESOURCE_ALLOCATION: careful,
  DATA_PRIVACY: careful,
  RESEARCH_METHOD: routine,
  CROSS_DEPARTMENT: routine,
  QUALITY: routine,
  DISPUTE: routine,
};

/** Overrides by kind; `*` applies to every kind not named. */
export type StoppingRules = Partial<Record<ProposalKind | '*', StoppingRule>>;

/** The rule of a kind: its own override, else the `*` override, else the default. */
export function stoppingRuleFor(kind: ProposalKind, overrides: StoppingRules = {}): StoppingRule {
  return overrides[kind] ?? overrides['*'] ?? defaultStoppingRules[kind] ?? routine;
}

/**
 * Parses `KIND:maxError[:DECIDE|NO_CONSENSUS]` entries separated by commas (`*` for every kind),
 * e.g. `*:0.1,STRATEGIC:0.01:NO_CONSENSUS`. An entry without its last part keeps the kind's
 * default for it. Throws a sentence naming the bad entry.
 */
export function parseStoppingRules(text: string): StoppingRules {
  const rules: StoppingRules = {};
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [kind = '', error = '', last] = entry.split(':').map((part) => part.trim());
    const known = kind === '*' || Object.hasOwn(ProposalKind, kind);
    const maxError = Number(error);
    if (!known) throw new Error(`unknown proposal kind "${kind}" in "${entry}"`);
    if (!(maxError > 0 && maxError < 0.5)) {
      throw new Error(`max error must be between 0 and 0.5 (exclusive) in "${entry}"`);
    }
    if (last !== undefined && last !== 'DECIDE' && last !== 'NO_CONSENSUS') {
      throw new Error(`expected DECIDE or NO_CONSENSUS after the error in "${entry}"`);
    }
    const fallback = kind === '*' ? routine : stoppingRuleFor(kind as ProposalKind);
    rules[kind as ProposalKind | '*'] = {
      maxError,
      whenRoundsRunOut: last ?? fallback.whenRoundsRunOut,
    };
  }
  return rules;
}
