import type { Outcome, RecordedVote, TrackRecord } from './contracts.js';

/**
 * Track records by the one-coin Dawid–Skene model (Dawid & Skene 1979; one accuracy per agent,
 * the "one-coin" simplification of Raykar et al. 2010), fitted by EM with a Beta(α, β) prior on
 * each accuracy:
 *
 *   E-step  q_i = σ(logit π + Σ_j v_ij · logit p_j)   (v = +1 approve, −1 reject; q_i fixed at 1/0
 *           for proposals with a recorded outcome)
 *   M-step  p_j = (α + Σ_i P(vote ij right)) / (α + β + n_j),   π = (1 + Σ q_i) / (2 + N)
 *
 * Recorded outcomes anchor the fit; EM fills in the rest. With no votes an agent sits at the prior
 * mean α/(α+β), so a new agent starts neither trusted nor ignored. Pass blind (round-1) votes:
 * later rounds saw the others' votes and would credit agents for following them. Abstentions
 * carry no information and are skipped.
 */
export interface TrackRecordParams {
  /** Beta prior on an agent's accuracy: as if it had been right α times in α + β outcomes. */
  prior: { alpha: number; beta: number };
  maxIterations: number;
  /** EM stops when no accuracy moves by more than this. */
  tolerance: number;
}

export const defaultTrackRecordParams: TrackRecordParams = {
  // Right 7 times in 10: better than a coin (weight > 0) but worth only 10 outcomes.
  prior: { alpha: 7, beta: 3 },
  maxIterations: 50,
  tolerance: 1e-6,
};

/** The accuracy an agent without a track record is given. */
export function priorAccuracy(params: Pick<TrackRecordParams, 'prior'> = defaultTrackRecordParams) {
  return params.prior.alpha / (params.prior.alpha + params.prior.beta);
}

/** Estimates every voting agent's accuracy; sorted by agent id. */
export function estimateTrackRecords(
  votes: readonly RecordedVote[],
  outcomes: ReadonlyMap<string, Outcome>,
  params: Partial<TrackRecordParams> = {},
): TrackRecord[] {
  const p = { ...defaultTrackRecordParams, ...params };
  const data = indexVotes(votes, outcomes);
  const { agentIds, q, labelled } = data;
  const accuracy = new Float64Array(agentIds.length).fill(priorAccuracy(p));
  const correct = new Float64Array(agentIds.length);
  const count = new Float64Array(agentIds.length);
  const iterations = data.unlabelled.length > 0 ? p.maxIterations : 1;
  let prevalence = 0.5;
  for (let it = 0; it < iterations; it++) {
    expectation(data, accuracy, prevalence);
    correct.fill(0);
    count.fill(0);
    for (let v = 0; v < data.agent.length; v++) {
      const j = data.agent[v] ?? 0;
      const qi = q[data.item[v] ?? 0] ?? 0.5;
      correct[j] = (correct[j] ?? 0) + (data.sign[v] === 1 ? qi : 1 - qi);
      count[j] = (count[j] ?? 0) + 1;
    }
    let moved = 0;
    for (let j = 0; j < agentIds.length; j++) {
      const next =
        (p.prior.alpha + (correct[j] ?? 0)) / (p.prior.alpha + p.prior.beta + (count[j] ?? 0));
      moved = Math.max(moved, Math.abs(next - (accuracy[j] ?? 0)));
      accuracy[j] = next;
    }
    prevalence = (1 + q.reduce((s, x) => s + x, 0)) / (2 + q.length);
    if (it > 0 && moved < p.tolerance) break;
  }
  const evidence = new Float64Array(agentIds.length);
  for (let v = 0; v < data.agent.length; v++) {
    const i = data.item[v] ?? 0;
    const j = data.agent[v] ?? 0;
    evidence[j] = (evidence[j] ?? 0) + (labelled[i] ? 1 : Math.abs(2 * (q[i] ?? 0.5) - 1));
  }
  return agentIds
    .map((agentId, j) => ({ agentId, accuracy: accuracy[j] ?? 0, evidence: evidence[j] ?? 0 }))
    .sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0));
}

interface IndexedVotes {
  agentIds: string[];
  /** Per vote: item index, agent index, +1 approve / −1 reject. */
  item: Int32Array;
  agent: Int32Array;
  sign: Int8Array;
  /** Per item: P(APPROVE is right); fixed for labelled items. */
  q: Float64Array;
  labelled: Uint8Array;
  /** Per unlabelled item, the range of its votes in the item-sorted arrays. */
  unlabelled: { item: number; votes: number[] }[];
}

function indexVotes(
  votes: readonly RecordedVote[],
  outcomes: ReadonlyMap<string, Outcome>,
): IndexedVotes {
  const items = new Map<string, number>();
  const agents = new Map<string, number>();
  const decisive = votes.filter((v) => v.choice !== 'ABSTAIN');
  const item = new Int32Array(decisive.length);
  const agent = new Int32Array(decisive.length);
  const sign = new Int8Array(decisive.length);
  decisive.forEach((vote, v) => {
    item[v] = getOrAdd(items, vote.proposalId);
    agent[v] = getOrAdd(agents, vote.agentId);
    sign[v] = vote.choice === 'APPROVE' ? 1 : -1;
  });
  const q = new Float64Array(items.size).fill(0.5);
  const labelled = new Uint8Array(items.size);
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
  return { agentIds: [...agents.keys()], item, agent, sign, q, labelled, unlabelled };
}

function expectation(data: IndexedVotes, accuracy: Float64Array, prevalence: number): void {
  const logOdds = accuracy.map((p) => Math.log(p / (1 - p)));
  const prior = Math.log(prevalence / (1 - prevalence));
  for (const { item, votes } of data.unlabelled) {
    let z = prior;
    for (const v of votes) z += (data.sign[v] ?? 0) * (logOdds[data.agent[v] ?? 0] ?? 0);
    data.q[item] = 1 / (1 + Math.exp(-z));
  }
}

function getOrAdd(map: Map<string, number>, key: string): number {
  let index = map.get(key);
  if (index === undefined) {
    index = map.size;
    map.set(key, index);
  }
  return index;
}
