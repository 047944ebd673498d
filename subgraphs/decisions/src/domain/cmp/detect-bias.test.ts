import { describe, expect, it } from 'vitest';
import { emptyCounts, summarizeBiasHistory, type BiasHistory } from './bias-history.js';
import type { Ballot, Outcome, PastBallot, VoteChoice, Voter } from './contracts.js';
import { detectBias } from './detect-bias.js';

const voter = (agentId: string, departmentId: string): Voter => ({
  agentId,
  role: 'R',
  departmentId,
});
// s1–s4 vote as a sales bloc, z approves everything, e1–e3 and o1–o3 judge on the merits.
const voters: Voter[] = [
  ...['s1', 's2', 's3', 's4'].map((id) => voter(id, 'sales')),
  ...['e1', 'e2', 'e3'].map((id) => voter(id, 'eng')),
  ...['o1', 'o2', 'o3', 'z'].map((id) => voter(id, 'ops')),
];
const other = (o: Outcome): Outcome => (o === 'APPROVE' ? 'REJECT' : 'APPROVE');
const ballot = (agentId: string, choice: VoteChoice, rationale: string | null = null): Ballot => ({
  agentId,
  choice,
  confidence: 1,
  rationale,
});

/**
 * Proposal p: its blind round, given the truth. Honest voter i errs on every seventh proposal,
 * each on different ones (2i mod 7 differs for i = 4 … 9): they agree as independent voters would.
 */
function blindRound(p: number): Ballot[] {
  const truth: Outcome = p % 2 === 0 ? 'APPROVE' : 'REJECT';
  const salesLine: Outcome = p % 4 < 2 ? 'APPROVE' : 'REJECT';
  return voters.map(({ agentId }, i) => {
    if (agentId.startsWith('s')) return ballot(agentId, salesLine);
    if (agentId === 'z') return ballot(agentId, 'APPROVE');
    return ballot(agentId, (p + 2 * i) % 7 === 0 ? other(truth) : truth);
  });
}
const past: PastBallot[] = Array.from({ length: 30 }, (_, p) =>
  blindRound(p).map((b) => ({
    ...b,
    proposalId: `p${p}`,
    round: 1,
    outcome: p % 2 === 0 ? ('APPROVE' as const) : ('REJECT' as const),
  })),
).flat();
const kinds = (findings: { kind: string; agentIds: string[] }[]) =>
  findings.map((f) => `${f.kind}:${f.agentIds.join(',')}`);

describe('detectBias', () => {
  it('finds the always-approver and the bloc from raw history and this blind round', () => {
    const findings = detectBias({ rounds: [blindRound(30)], history: past, voters });
    expect(kinds(findings)).toEqual(['ALWAYS_APPROVE:z', 'BLOC_VOTING:s1,s2,s3,s4']);
  });

  it('reads a running summary exactly as the raw ballots', () => {
    const summary = summarizeBiasHistory(past, voters);
    const fromSummary = detectBias({ rounds: [blindRound(30)], history: summary, voters });
    expect(fromSummary).toEqual(detectBias({ rounds: [blindRound(30)], history: past, voters }));
    expect(summary.agents.get('z')?.blindVotes).toBe(30); // this proposal's round not added
  });

  it('reports herding only once the proposal has a later round', () => {
    const herder: BiasHistory = {
      agents: new Map([
        [
          'o1',
          {
            ...emptyCounts(),
            ...{ minorityRounds: 30, joinedMajority: 30 },
            ...{ blindMajorityChances: 100, blindWithMajority: 60 },
          },
        ],
      ]),
      blindVotes: 0,
      blindApprovals: 0,
      pairs: new Map(),
    };
    const first = blindRound(30);
    expect(kinds(detectBias({ rounds: [first], history: herder, voters }))).toEqual([]);
    const findings = detectBias({ rounds: [first, first], history: herder, voters });
    expect(kinds(findings)).toEqual(['HERDING:o1']);
  });

  it('checks the latest round for copied rationales', () => {
    const text = 'We should ship this now because the customers asked for it twice';
    const latest = [ballot('e1', 'APPROVE', text), ballot('o2', 'APPROVE', text)];
    const findings = detectBias({ rounds: [latest], history: [], voters, params: { alpha: 0 } });
    expect(kinds(findings)).toEqual(['COPIED_RATIONALE:e1,o2']);
  });

  it('finds nothing in honest voting', () => {
    const honest = past.filter((b) => !b.agentId.startsWith('s') && b.agentId !== 'z');
    expect(detectBias({ rounds: [], history: honest, voters })).toEqual([]);
  });
});
