import { binomialUpperTail } from './binomial-test.js';
import type { PairCounts } from './bias-history.js';
import type { BiasParams } from './bias-params.js';
import type { AccuracyEstimate, BiasFinding, Voter } from './contracts.js';
import { percent, pValue } from './evidence-text.js';
import { z95 } from './wilson-interval.js';

/**
 * Dependent voters (issue 19): voters who agree in blind rounds more than their accuracies
 * explain — copiers of a leader, a shared source, correlated errors — wherever their departments
 * are. CMP's support assumes votes independent given the truth (`posterior-support.ts`); a cluster
 * of k such voters carries far less than k votes' evidence.
 *
 * The test. Two voters independent given the truth with accuracies p_i, p_j agree on a blind vote
 * with probability a₀ = p_i·p_j + (1 − p_i)(1 − p_j), whatever the truth. Over the n blind rounds
 * both voted in on proposals of this one's kind (every past proposal's round 1, outcome recorded
 * or not, and this one's), they agreed k times; p are their accuracies on that kind, so two voters
 * who are simply both strong on the same kinds are not taken for copiers. The accuracies are estimates (their track records, Var p ≈ p(1 − p)/N), so the
 * test is against the most agreement independent voters could reach within their 95% intervals,
 * a⁺ = a₀ + z·sd(a₀), sd² = (2p_j − 1)²·p_i(1 − p_i)/N_i + (2p_i − 1)²·p_j(1 − p_j)/N_j (delta
 * method): a pair is dependent when the exact binomial test P(X ≥ k), X ~ Binomial(n, a⁺), is
 * below alpha / pairs (Bonferroni over the panel's pairs), and its shrunk dependence is at least
 * `dependenceMinShare`.
 *
 * The shrinkage. Under the copy model (j votes i's vote with probability c, else its own) the
 * agreement is c + (1 − c)·a₀, so c = (k/n − a₀)/(1 − a₀). Its estimate is shrunk toward
 * independence by `dependencePriorVotes` pseudo-rounds of agreement at a⁺:
 * ĉ = max(0, k − n·a⁺) / (n·(1 − a⁺) + κ) — a short history cannot make a cluster.
 *
 * The weight. Dependent pairs join into clusters (connected components). A cluster of k voters
 * whose pairs have mean shrunk dependence ρ̄ (pairs not found dependent count with their own ĉ)
 * has Kish's design-effect size n_eff = k / (1 + (k − 1)·ρ̄) (Kish 1965): k copies of one vote
 * count as 1, k independent voters as k. Each member keeps n_eff/k of its weight, so the cluster
 * counts with the weight of its effective size. Reported as BLOC_VOTING (a bloc that need not sit
 * in one department) with its evidence.
 */
export interface DependenceInput {
  /** The panel. */
  voters: readonly Voter[];
  /** Blind rounds two voters both voted in, and how often they agreed. */
  pairs: (a: string, b: string) => PairCounts;
  /** Each voter's accuracy and the outcomes behind it (its track record); absent: the prior. */
  accuracy: (agentId: string) => AccuracyEstimate;
  /** Voters another check already counts as ignoring the merits (one-sided, department blocs). */
  excluded: ReadonlySet<string>;
  params: BiasParams;
}

interface PairTest {
  a: number;
  b: number;
  votes: number;
  agreed: number;
  /** a⁺: the most agreement independence explains. */
  expected: number;
  /** ĉ: shrunk dependence. */
  dependence: number;
  p: number;
}

export function detectDependentVoters(input: DependenceInput): BiasFinding[] {
  const { params } = input;
  const voters = input.voters.filter((v) => !input.excluded.has(v.agentId));
  const n = voters.length;
  if (n < 2 || n > params.dependenceMaxVoters) return [];
  const cutoff = params.alpha / ((n * (n - 1)) / 2);
  const accuracies = voters.map((v) => input.accuracy(v.agentId));
  const dependence = new Float64Array(n * n);
  const dependent: PairTest[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const counts = input.pairs(voters[a]?.agentId ?? '', voters[b]?.agentId ?? '');
      if (counts.votes < params.dependenceMinVotes) continue;
      const test = testPair(a, b, counts, accuracies[a], accuracies[b], params);
      dependence[a * n + b] = dependence[b * n + a] = test.dependence;
      if (test.dependence < params.dependenceMinShare) continue;
      test.p = binomialUpperTail(test.agreed, test.votes, test.expected);
      if (test.p < cutoff) dependent.push(test);
    }
  }
  return clusters(n, dependent).map((members) =>
    finding(members, voters, dependent, dependence, cutoff),
  );
}

function testPair(
  a: number,
  b: number,
  counts: PairCounts,
  first: AccuracyEstimate | undefined,
  second: AccuracyEstimate | undefined,
  params: BiasParams,
): PairTest {
  const pa = clampAccuracy(first?.accuracy);
  const pb = clampAccuracy(second?.accuracy);
  const na = Math.max(1, first?.evidence ?? 1);
  const nb = Math.max(1, second?.evidence ?? 1);
  const a0 = pa * pb + (1 - pa) * (1 - pb);
  const sd = Math.sqrt(
    ((2 * pb - 1) ** 2 * pa * (1 - pa)) / na + ((2 * pa - 1) ** 2 * pb * (1 - pb)) / nb,
  );
  const expected = Math.min(1 - 1e-9, a0 + z95 * sd);
  const excess = Math.max(0, counts.agreed - counts.votes * expected);
  const dependence = excess / (counts.votes * (1 - expected) + params.dependencePriorVotes);
  return { a, b, votes: counts.votes, agreed: counts.agreed, expected, dependence, p: 1 };
}

const clampAccuracy = (p: number | undefined) => Math.min(0.99, Math.max(0.01, p ?? 0.7));

/** Connected components of the dependent pairs (union–find), largest first. */
function clusters(n: number, pairs: readonly PairTest[]): number[][] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  for (const pair of pairs) parent[root(pair.a)] = root(pair.b);
  const groups = new Map<number, number[]>();
  for (const pair of pairs) {
    for (const i of [pair.a, pair.b]) {
      const members = groups.get(root(i)) ?? [];
      if (!members.includes(i)) members.push(i);
      groups.set(root(i), members);
    }
  }
  return [...groups.values()].sort((x, y) => y.length - x.length);
}

function finding(
  members: readonly number[],
  voters: readonly Voter[],
  dependent: readonly PairTest[],
  dependence: Float64Array,
  cutoff: number,
): BiasFinding {
  const n = voters.length;
  const k = members.length;
  let sum = 0;
  for (let x = 0; x < k; x++) {
    for (let y = x + 1; y < k; y++)
      sum += dependence[(members[x] ?? 0) * n + (members[y] ?? 0)] ?? 0;
  }
  const rho = sum / ((k * (k - 1)) / 2);
  const effective = k / (1 + (k - 1) * rho);
  const inside = new Set(members);
  const tests = dependent.filter((t) => inside.has(t.a) && inside.has(t.b));
  const votes = tests.reduce((s, t) => s + t.votes, 0);
  const agreed = tests.reduce((s, t) => s + t.agreed, 0);
  const expected = tests.reduce((s, t) => s + t.votes * t.expected, 0) / Math.max(1, votes);
  const worst = Math.max(...tests.map((t) => t.p));
  const departments = [...new Set(members.map((i) => voters[i]?.departmentId ?? '?'))].sort();
  return {
    kind: 'BLOC_VOTING',
    agentIds: members.map((i) => voters[i]?.agentId ?? '').sort(),
    evidence:
      `${k} voters in ${departments.length === 1 ? 'department' : 'departments'} ` +
      `${departments.join(', ')} agree in blind rounds beyond what their accuracies explain: ` +
      `${tests.length} dependent pairs agreed in ${agreed} of ${votes} shared blind votes ` +
      `(${percent(agreed / Math.max(1, votes))}) where independent voters of their track records ` +
      `would agree at most ${percent(expected)}; exact binomial test per pair, largest ` +
      `${pValue(worst, cutoff)}. Mean shrunk dependence ${rho.toFixed(2)}: they count as ` +
      `${effective.toFixed(1)} independent voters (Kish), each keeping ${percent(effective / k)} ` +
      `of its weight.`,
    mitigation: 'DOWN_WEIGHT',
    weightFactor: effective / k,
  };
}
