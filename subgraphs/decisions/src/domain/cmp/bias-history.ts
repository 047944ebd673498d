import type { Ballot, Outcome, PastBallot, Voter } from './contracts.js';

/**
 * Sufficient statistics of the voters' past for the bias checks: counts only, so they add up
 * proposal by proposal (`recordProposal`) and a long history costs nothing per round.
 */
export interface AgentBiasCounts {
  /** Decisive round-1 (blind) votes and how many approved. */
  blindVotes: number;
  blindApprovals: number;
  /** Blind votes on proposals with a recorded outcome, and those against it. */
  votesWithOutcome: number;
  approvedRejected: number;
  rejectedApproved: number;
  /** Later-round changes toward / away from the previous round's majority of the others. */
  towardMajority: number;
  awayFromMajority: number;
  /** Blind votes cast while the others' blind majority was not tied, and those that sided with it. */
  blindMajorityChances: number;
  blindWithMajority: number;
  /** Later rounds this voter entered in the minority of the others' shown majority … */
  minorityRounds: number;
  /** … and of those, how often it then joined that majority (the herding test's successes). */
  joinedMajority: number;
  /** Blind votes where the department-mates' majority and the others' majority split: sided with … */
  withDepartment: number;
  withOthers: number;
}

export interface BiasHistory {
  agents: Map<string, AgentBiasCounts>;
  /** Pooled over every agent: the base rate the one-sided check compares with. */
  blindVotes: number;
  blindApprovals: number;
  /**
   * Per kind of proposal and pair of agents (keyed `kind␀lesser id`, then the greater id), the
   * blind rounds both voted decisively in and how often they agreed: what the dependence check
   * (`voter-dependence.ts`) reads. By kind, because two voters both strong on the same kinds
   * agree more, pooled over kinds, than their overall accuracies say, without copying anyone.
   */
  pairs: Map<string, Map<string, PairCounts>>;
  /** When set, only pairs among these agents are counted (a round's panel: all it needs). */
  pairScope?: ReadonlySet<string>;
}

export interface PairCounts {
  votes: number;
  agreed: number;
}

/**
 * Blind rounds with more decisive votes than this are not counted pairwise (n² pairs): the
 * dependence check sees panels up to this size, which every panel a department structure yields
 * is (8 roles × affected departments); a larger one keeps the other checks only.
 */
export const pairVotersLimit = 512;

export function emptyBiasHistory(pairScope?: ReadonlySet<string>): BiasHistory {
  return { agents: new Map(), blindVotes: 0, blindApprovals: 0, pairs: new Map(), pairScope };
}

/** The counts of a pair (either order) on proposals of `kind`, zero when they never voted together. */
export function pairCounts(history: BiasHistory, a: string, b: string, kind = ''): PairCounts {
  const [first, second] = a < b ? [a, b] : [b, a];
  return history.pairs.get(`${kind}\u0000${first}`)?.get(second) ?? { votes: 0, agreed: 0 };
}

export function emptyCounts(): AgentBiasCounts {
  return {
    blindVotes: 0,
    blindApprovals: 0,
    votesWithOutcome: 0,
    approvedRejected: 0,
    rejectedApproved: 0,
    towardMajority: 0,
    awayFromMajority: 0,
    blindMajorityChances: 0,
    blindWithMajority: 0,
    minorityRounds: 0,
    joinedMajority: 0,
    withDepartment: 0,
    withOthers: 0,
  };
}

/** Builds the counts from raw past ballots (grouped by proposal, then round). */
export function summarizeBiasHistory(
  past: readonly PastBallot[],
  voters: readonly Voter[],
): BiasHistory {
  const departmentOf = new Map(voters.map((v) => [v.agentId, v.departmentId]));
  const proposals = new Map<
    string,
    { outcome: Outcome | null; kind: string | undefined; rounds: Map<number, Ballot[]> }
  >();
  for (const ballot of past) {
    let proposal = proposals.get(ballot.proposalId);
    if (!proposal) {
      proposal = { outcome: null, kind: ballot.kind, rounds: new Map() };
      proposals.set(ballot.proposalId, proposal);
    }
    proposal.outcome ??= ballot.outcome;
    const round = proposal.rounds.get(ballot.round);
    if (round) round.push(ballot);
    else proposal.rounds.set(ballot.round, [ballot]);
  }
  const history = emptyBiasHistory(new Set(departmentOf.keys()));
  for (const { outcome, kind, rounds } of proposals.values()) {
    const ordered = [...rounds].sort(([a], [b]) => a - b).map(([, ballots]) => ballots);
    recordProposal(history, ordered, departmentOf, outcome, kind);
  }
  return history;
}

/** Adds one proposal's rounds (in order) to `history`, in place; its blind pairs under `kind`. */
export function recordProposal(
  history: BiasHistory,
  rounds: readonly (readonly Ballot[])[],
  departmentOf: ReadonlyMap<string, string>,
  outcome: Outcome | null,
  kind = '',
): void {
  const counts = (agentId: string) => {
    let c = history.agents.get(agentId);
    if (!c) history.agents.set(agentId, (c = emptyCounts()));
    return c;
  };
  const blind = rounds[0] ?? [];
  recordBlind(history, blind, departmentOf, outcome, counts);
  recordPairs(history, blind, kind);
  for (let k = 1; k < rounds.length; k++)
    recordChanges(rounds[k - 1] ?? [], rounds[k] ?? [], counts);
}

type Counts = (agentId: string) => AgentBiasCounts;

function recordBlind(
  history: BiasHistory,
  ballots: readonly Ballot[],
  departmentOf: ReadonlyMap<string, string>,
  outcome: Outcome | null,
  counts: Counts,
): void {
  const byDepartment = new Map<string, { approve: number; reject: number }>();
  let approve = 0;
  let reject = 0;
  for (const b of ballots) {
    if (b.choice === 'ABSTAIN') continue;
    const up = b.choice === 'APPROVE' ? 1 : 0;
    approve += up;
    reject += 1 - up;
    const c = counts(b.agentId);
    c.blindVotes++;
    c.blindApprovals += up;
    if (outcome) {
      c.votesWithOutcome++;
      if (outcome === 'REJECT') c.approvedRejected += up;
      else c.rejectedApproved += 1 - up;
    }
    const department = departmentOf.get(b.agentId);
    if (department === undefined) continue;
    const tally = byDepartment.get(department) ?? { approve: 0, reject: 0 };
    tally.approve += up;
    tally.reject += 1 - up;
    byDepartment.set(department, tally);
  }
  history.blindVotes += approve + reject;
  history.blindApprovals += approve;
  for (const b of ballots) {
    const department = departmentOf.get(b.agentId);
    const tally = department === undefined ? undefined : byDepartment.get(department);
    if (b.choice === 'ABSTAIN' || !tally) continue;
    const up = b.choice === 'APPROVE' ? 1 : 0;
    const own = up === 1 ? 1 : -1;
    const rest = Math.sign(approve - reject - own);
    if (rest !== 0) {
      const c = counts(b.agentId);
      c.blindMajorityChances++;
      if (own === rest) c.blindWithMajority++;
    }
    const mates = Math.sign(tally.approve - up - (tally.reject - (1 - up)));
    const others = Math.sign(approve - tally.approve - (reject - tally.reject));
    if (mates === 0 || others === 0 || mates === others) continue;
    if (own === mates) counts(b.agentId).withDepartment++;
    else counts(b.agentId).withOthers++;
  }
}

/** Adds a blind round's agreements of every pair (within `pairScope`) of decisive voters. */
function recordPairs(history: BiasHistory, ballots: readonly Ballot[], kind: string): void {
  const scope = history.pairScope;
  // Nothing to pair, or a round too large to (skipped before indexing its ballots).
  if (scope ? scope.size < 2 : ballots.length > pairVotersLimit) return;
  const last = new Map<string, 1 | -1>();
  for (const b of ballots) {
    if (b.choice === 'ABSTAIN' || (scope && !scope.has(b.agentId))) continue;
    last.set(b.agentId, b.choice === 'APPROVE' ? 1 : -1);
  }
  if (last.size > pairVotersLimit) return;
  const voters = [...last].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 0; i < voters.length - 1; i++) {
    const [first, side] = voters[i] ?? ['', 1];
    const key = `${kind}\u0000${first}`;
    let row = history.pairs.get(key);
    if (!row) history.pairs.set(key, (row = new Map()));
    for (let j = i + 1; j < voters.length; j++) {
      const [second, other] = voters[j] ?? ['', 1];
      const counts = row.get(second);
      const agreed = side === other ? 1 : 0;
      if (counts) {
        counts.votes++;
        counts.agreed += agreed;
      } else row.set(second, { votes: 1, agreed });
    }
  }
}

/**
 * Did a voter move toward the majority the others showed last round, or away (McNemar's pairs)?
 * And, for the herding test, did a voter that entered the round in that majority's minority join it?
 */
function recordChanges(previous: readonly Ballot[], current: readonly Ballot[], counts: Counts) {
  const before = new Map<string, 1 | -1>();
  let margin = 0;
  for (const b of previous) {
    if (b.choice === 'ABSTAIN') continue;
    const side = b.choice === 'APPROVE' ? 1 : -1;
    before.set(b.agentId, side);
    margin += side;
  }
  for (const b of current) {
    const was = before.get(b.agentId);
    if (b.choice === 'ABSTAIN' || was === undefined) continue;
    const now = b.choice === 'APPROVE' ? 1 : -1;
    const majority = Math.sign(margin - was);
    if (majority !== 0 && was !== majority) {
      const c = counts(b.agentId);
      c.minorityRounds++;
      if (now === majority) c.joinedMajority++;
    }
    if (now === was || majority === 0) continue;
    if (now === majority) counts(b.agentId).towardMajority++;
    else counts(b.agentId).awayFromMajority++;
  }
}
