import type {
  AccuracyEstimate,
  Outcome,
  ProposalKind,
  RecordedVote,
  TrackRecord,
} from './contracts.js';

/**
 * Track records by the one-coin Dawid–Skene model (Dawid & Skene 1979; one accuracy per agent,
 * the "one-coin" simplification of Raykar et al. 2010), fitted by EM with a Beta(α, β) prior on
 * each accuracy:
 *
 *   E-step  q_i = σ(logit π + Σ_j v_ij · logit p_j)   (v = +1 approve, −1 reject; q_i fixed at 1/0
 *           for proposals with a recorded outcome)
 *   M-step  p_j = (α + Σ_i P(vote ij right)) / (α + β + n_j),   π = (1 + Σ q_i) / (2 + N)
 *
 * Semi-supervised (issue 19): pass every recorded blind vote, on decisions with an outcome and
 * without. Recorded outcomes anchor the fit; EM infers the rest, so accuracies are learned long
 * before outcomes pile up (with no outcome at all, the fit rests on agreement alone, anchored by
 * the prior's belief that agents beat a coin). An unlabelled vote counts `unlabelledWeight` (λ,
 * 1 by default) of a labelled one in the M-step (EM-λ, Nigam et al. 2000), and in an agent's
 * evidence λ·|2q − 1|: a vote on a proposal whose outcome the others settle clearly is almost as
 * good as a label, one on a split proposal tells nothing. With no votes an agent sits at
 * the prior mean α/(α+β), so a new agent starts neither trusted nor ignored. Pass blind (round-1)
 * votes: later rounds saw the others' votes and would credit agents for following them.
 * Abstentions carry no information and are skipped.
 *
 * Accuracy by kind: when votes carry their proposal's kind, each agent also gets an accuracy per
 * kind, shrunk toward its overall one (empirical Bayes, the method of moments of Efron & Morris
 * 1975): p_jk = (m·p_j + right_jk) / (m + n_jk), where m = p̄(1 − p̄)/τ² and τ² is the spread of
 * the per-kind rates around each agent's overall rate left after removing binomial noise,
 * estimated over all agents. Where accuracy does not depend on the kind τ² ≈ 0, m is huge and
 * p_jk = p_j; where it does, the kind's own record counts. The E-step uses the kind's accuracy.
 */
export interface TrackRecordParams {
  /** Beta prior on an agent's accuracy: as if it had been right α times in α + β outcomes. */
  prior: { alpha: number; beta: number };
  maxIterations: number;
  /** EM stops when no accuracy moves by more than this. */
  tolerance: number;
  /**
   * What a vote on a proposal without a recorded outcome counts for in the M-step, beside a
   * labelled one (EM-λ, Nigam et al. 2000; 1: plain semi-supervised EM). Its outcome is inferred
   * from the very votes being scored: a deployment whose early proposals are near-unanimous may
   * lower it so that those votes do not make every voter look proven.
   */
  unlabelledWeight: number;
  /** Bounds of m, the pseudo-votes a kind's accuracy borrows from the agent's overall one. */
  kindShrinkage: { min: number; max: number };
}

export const defaultTrackRecordParams: TrackRecordParams = {
  // Right 7 times in 10: better than a coin (weight > 0) but worth only 10 outcomes.
  prior: { alpha: 7, beta: 3 },
  maxIterations: 50,
  tolerance: 1e-6,
  unlabelledWeight: 1,
  kindShrinkage: { min: 2, max: 10_000 },
};

/** The accuracy an agent without a track record is given. */
export function priorAccuracy(params: Pick<TrackRecordParams, 'prior'> = defaultTrackRecordParams) {
  return params.prior.alpha / (params.prior.alpha + params.prior.beta);
}

/** Estimates every voting agent's accuracy (and by kind, when votes carry it); sorted by agent id. */
export function estimateTrackRecords(
  votes: readonly RecordedVote[],
  outcomes: ReadonlyMap<string, Outcome>,
  params: Partial<TrackRecordParams> = {},
): TrackRecord[] {
  const p = { ...defaultTrackRecordParams, ...params };
  const data = indexVotes(votes, outcomes);
  const { agentIds, q, labelled, kinds } = data;
  const agents = agentIds.length;
  const kindCount = Math.max(1, kinds.length);
  const accuracy = new Float64Array(agents).fill(priorAccuracy(p));
  const byKind = new Float64Array(agents * kindCount).fill(priorAccuracy(p));
  const correct = new Float64Array(agents * kindCount);
  const count = new Float64Array(agents * kindCount);
  const iterations = data.unlabelled.length > 0 ? p.maxIterations : 1;
  let prevalence = 0.5;
  let shrinkage = p.kindShrinkage.max;
  for (let it = 0; it < iterations; it++) {
    expectation(data, kinds.length > 0 ? byKind : accuracy, kindCount, prevalence);
    correct.fill(0);
    count.fill(0);
    for (let v = 0; v < data.agent.length; v++) {
      const cell = (data.agent[v] ?? 0) * kindCount + (data.kindOf[data.item[v] ?? 0] ?? 0);
      const qi = q[data.item[v] ?? 0] ?? 0.5;
      const w = data.labelled[data.item[v] ?? 0] ? 1 : p.unlabelledWeight;
      correct[cell] = (correct[cell] ?? 0) + w * (data.sign[v] === 1 ? qi : 1 - qi);
      count[cell] = (count[cell] ?? 0) + w;
    }
    let moved = 0;
    for (let j = 0; j < agents; j++) {
      const { right, votes: n } = sumRow(correct, count, j, kindCount);
      const next = (p.prior.alpha + right) / (p.prior.alpha + p.prior.beta + n);
      moved = Math.max(moved, Math.abs(next - (accuracy[j] ?? 0)));
      accuracy[j] = next;
    }
    shrinkage = kinds.length > 0 ? kindShrinkage(correct, count, kindCount, p) : 0;
    for (let cell = 0; kinds.length > 0 && cell < byKind.length; cell++) {
      const j = Math.floor(cell / kindCount);
      const overall = accuracy[j] ?? 0;
      // An agent seen on one kind only has nothing to tell its kinds apart by.
      const own = kindsSeen(count, j, kindCount) > 1;
      const next = own
        ? (shrinkage * overall + (correct[cell] ?? 0)) / (shrinkage + (count[cell] ?? 0))
        : overall;
      moved = Math.max(moved, Math.abs(next - (byKind[cell] ?? 0)));
      byKind[cell] = next;
    }
    prevalence = (1 + q.reduce((s, x) => s + x, 0)) / (2 + q.length);
    if (it > 0 && moved < p.tolerance) break;
  }
  const evidence = new Float64Array(agents * kindCount);
  for (let v = 0; v < data.agent.length; v++) {
    const i = data.item[v] ?? 0;
    const cell = (data.agent[v] ?? 0) * kindCount + (data.kindOf[i] ?? 0);
    const unlabelled = p.unlabelledWeight * Math.abs(2 * (q[i] ?? 0.5) - 1);
    evidence[cell] = (evidence[cell] ?? 0) + (labelled[i] ? 1 : unlabelled);
  }
  return agentIds
    .map((agentId, j) => {
      const total = sumRow(evidence, evidence, j, kindCount).right;
      const record: TrackRecord = { agentId, accuracy: accuracy[j] ?? 0, evidence: total };
      if (kinds.length === 0) return record;
      const perKind: Partial<Record<ProposalKind, AccuracyEstimate>> = {};
      kinds.forEach((kind, k) => {
        const cell = j * kindCount + k;
        if (!((count[cell] ?? 0) > 0)) return;
        perKind[kind] = {
          accuracy: byKind[cell] ?? 0,
          // The kind's own evidence, plus what it borrows from the agent's whole record.
          evidence: (evidence[cell] ?? 0) + Math.min(shrinkage, total),
        };
      });
      return { ...record, byKind: perKind };
    })
    .sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0));
}

/** The accuracy to weigh an agent by on a proposal of `kind`: its kind's, else its overall one. */
export function accuracyFor(record: TrackRecord, kind: ProposalKind): AccuracyEstimate {
  return record.byKind?.[kind] ?? record;
}

function sumRow(a: Float64Array, b: Float64Array, j: number, width: number) {
  let right = 0;
  let votes = 0;
  for (let k = 0; k < width; k++) {
    right += a[j * width + k] ?? 0;
    votes += b[j * width + k] ?? 0;
  }
  return { right, votes };
}

function kindsSeen(count: Float64Array, j: number, width: number): number {
  let seen = 0;
  for (let k = 0; k < width; k++) if ((count[j * width + k] ?? 0) > 0) seen++;
  return seen;
}

/**
 * m = r̄(1 − r̄)/τ², τ² = Σ n_jk[(r_jk − r_j)² − r_j(1 − r_j)(1/n_jk − 1/n_j)] / Σ n_jk over the
 * (agent, kind) cells of agents seen on two kinds or more, r the raw rates of right votes (r_j over
 * all the agent's votes): the between-kind variance of accuracies beyond binomial noise (the
 * expected (r_jk − r_j)² of an agent equally good on every kind is r(1 − r)(1/n_jk − 1/n_j)).
 */
function kindShrinkage(
  correct: Float64Array,
  count: Float64Array,
  width: number,
  p: TrackRecordParams,
): number {
  let excess = 0;
  let votes = 0;
  let mean = 0;
  for (let j = 0; j * width < count.length; j++) {
    if (kindsSeen(count, j, width) < 2) continue;
    const { right, votes: n } = sumRow(correct, count, j, width);
    const overall = right / n;
    for (let k = 0; k < width; k++) {
      const nk = count[j * width + k] ?? 0;
      if (!(nk > 0)) continue;
      const rate = (correct[j * width + k] ?? 0) / nk;
      excess += nk * (rate - overall) ** 2 - overall * (1 - overall) * (1 - nk / n);
      votes += nk;
      mean += nk * overall;
    }
  }
  if (!(votes > 0)) return p.kindShrinkage.max;
  const tau2 = excess / votes;
  const pBar = mean / votes;
  if (!(tau2 > 0)) return p.kindShrinkage.max;
  return Math.min(p.kindShrinkage.max, Math.max(p.kindShrinkage.min, (pBar * (1 - pBar)) / tau2));
}

interface IndexedVotes {
  agentIds: string[];
  /** The kinds the votes carry, in first-seen order (empty when none does). */
  kinds: ProposalKind[];
  /** Per vote: item index, agent index, +1 approve / −1 reject. */
  item: Int32Array;
  agent: Int32Array;
  sign: Int8Array;
  /** Per item: P(APPROVE is right); fixed for labelled items. */
  q: Float64Array;
  labelled: Uint8Array;
  /** Per item: the index of its kind in `kinds` (0 when votes carry none). */
  kindOf: Int32Array;
  /** Per unlabelled item, the range of its votes in the item-sorted arrays. */
  unlabelled: { item: number; votes: number[] }[];
}

function indexVotes(
  votes: readonly RecordedVote[],
  outcomes: ReadonlyMap<string, Outcome>,
): IndexedVotes {
  const items = new Map<string, number>();
  const agents = new Map<string, number>();
  const kindIndex = new Map<ProposalKind, number>();
  const itemKind: number[] = [];
  const decisive = votes.filter((v) => v.choice !== 'ABSTAIN');
  const item = new Int32Array(decisive.length);
  const agent = new Int32Array(decisive.length);
  const sign = new Int8Array(decisive.length);
  decisive.forEach((vote, v) => {
    const i = getOrAdd(items, vote.proposalId);
    item[v] = i;
    agent[v] = getOrAdd(agents, vote.agentId);
    sign[v] = vote.choice === 'APPROVE' ? 1 : -1;
    if (vote.kind !== undefined) itemKind[i] = getOrAdd(kindIndex, vote.kind);
  });
  const q = new Float64Array(items.size).fill(0.5);
  const labelled = new Uint8Array(items.size);
  const kindOf = Int32Array.from({ length: items.size }, (_, i) => itemKind[i] ?? 0);
  for (const [proposalId, i] of items) {
    const outcome = outcomes.get(proposalId);
    if (outcome === undefined) continue;
    labelled[i] = 1;
    q[i] = outcome === 'APPROVE' ? 1 : 0;
  }
  const byItem = new Map<number, number[]>();
  for (let v = 0; v < decisive.length; v++) {
    const i = item[v] ?? 0;
    if (labelled[i]) continue;
    const list = byItem.get(i);
    if (list) list.push(v);
    else byItem.set(i, [v]);
  }
  const unlabelled = [...byItem].map(([i, list]) => ({ item: i, votes: list }));
  return {
    agentIds: [...agents.keys()],
    kinds: [...kindIndex.keys()],
    item,
    agent,
    sign,
    q,
    labelled,
    kindOf,
    unlabelled,
  };
}

/** q_i = σ(logit π + Σ_j v_ij · logit p_j,kind(i)) for every unlabelled item. */
function expectation(
  data: IndexedVotes,
  accuracy: Float64Array,
  width: number,
  prevalence: number,
): void {
  const logOdds = accuracy.map((p) => Math.log(p / (1 - p)));
  const perKind = accuracy.length > data.agentIds.length;
  const prior = Math.log(prevalence / (1 - prevalence));
  for (const { item, votes } of data.unlabelled) {
    const k = perKind ? (data.kindOf[item] ?? 0) : 0;
    let z = prior;
    for (const v of votes) {
      const j = data.agent[v] ?? 0;
      z += (data.sign[v] ?? 0) * (logOdds[perKind ? j * width + k : j] ?? 0);
    }
    data.q[item] = 1 / (1 + Math.exp(-z));
  }
}

function getOrAdd<K>(map: Map<K, number>, key: K): number {
  let index = map.get(key);
  if (index === undefined) {
    index = map.size;
    map.set(key, index);
  }
  return index;
}
