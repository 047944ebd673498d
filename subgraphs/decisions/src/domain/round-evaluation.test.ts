import { describe, expect, it } from 'vitest';
import type { Ballot } from './cmp/index.js';
import { evaluateRound, type RoundInput } from './round-evaluation.js';

const agents = Array.from(
  { length: 16 },
  (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
);
const topics = [
  'budget',
  'hiring',
  'roadmap',
  'vendors',
  'pricing',
  'security',
  'support',
  'travel',
];

/** 14 of 16 approve; agents 0–3 hand in one rationale word for word, the others their own. */
function ballots(): Ballot[] {
  return agents.map((agentId, i) => ({
    agentId,
    choice: i < 14 ? 'APPROVE' : 'REJECT',
    confidence: 1,
    rationale:
      i < 4
        ? 'this plan saves money for the whole company over the next two years'
        : `my own reading of the ${topics[i % topics.length]} figures in section ${i} says ${i < 14 ? 'yes' : 'no'} on balance`,
  }));
}

function input(round: number, extra: Partial<RoundInput> = {}): RoundInput {
  return {
    round,
    maxRounds: 3,
    threshold: 0.6,
    stakeholders: agents.map((agentId, i) => ({
      agentId,
      weight: 1 / agents.length,
      why: 'test',
      role: 'synthesizer',
      departmentId: `department-${i % 8}`,
    })),
    rounds: Array.from({ length: round }, () => ballots()),
    history: [],
    lastRound: false,
    ...extra,
  };
}

describe('evaluateRound: copied rationales', () => {
  it('asks for an independent re-vote while rounds remain', () => {
    const evaluation = evaluateRound(input(2));
    expect(evaluation.decision).toBe('NEXT_ROUND');
    const copied = evaluation.findings.filter((f) => f.kind === 'COPIED_RATIONALE');
    expect(copied).toHaveLength(1);
    expect(copied[0]?.mitigation).toBe('REVOTE');
    expect([...(copied[0]?.agentIds ?? [])].sort()).toEqual(agents.slice(0, 4));
  });

  it('flags the decision for a person in the last round: the proposal is escalated', () => {
    const evaluation = evaluateRound(input(3));
    expect(evaluation.result.interval.low).toBeGreaterThan(0.6); // the votes alone would accept
    expect(evaluation.decision).toBe('ESCALATED');
    const copied = evaluation.findings.find((f) => f.kind === 'COPIED_RATIONALE');
    expect(copied?.mitigation).toBe('FLAG_FOR_PERSON');
    expect(copied?.evidence).toMatch(/flagged for a person/);
  });

  it('lets an executive’s close decide, reporting the flag to them', () => {
    const evaluation = evaluateRound(input(2, { lastRound: true, closedByPerson: true }));
    expect(evaluation.decision).toBe('ACCEPTED');
    const copied = evaluation.findings.find((f) => f.kind === 'COPIED_RATIONALE');
    expect(copied?.mitigation).toBe('FLAG_FOR_PERSON');
  });

  it('decides as usual without a finding', () => {
    const clean = input(3);
    const own = clean.rounds.map((round) =>
      round.map((ballot, i) => ({
        ...ballot,
        rationale: `reason number ${i} of my own, in words nobody else used ${i * 7}`,
      })),
    );
    const evaluation = evaluateRound({ ...clean, rounds: own });
    expect(evaluation.findings.filter((f) => f.kind === 'COPIED_RATIONALE')).toEqual([]);
    expect(evaluation.decision).toBe('ACCEPTED');
  });
});

describe('evaluateRound: dependent voters (issue 19)', () => {
  /** 40 past blind rounds: agents 0–3 (four departments) always vote alike, the rest on their own. */
  function copyingPast() {
    return Array.from({ length: 40 }, (_, p) =>
      agents.map((agentId, i) => {
        // Each right 70% of the time on its own draws (a fixed hash of round and voter).
        const draw = (voter: number) => (Math.imul(p * 31 + voter, 2654435761) >>> 0) % 100 < 70;
        const right = draw(i < 4 ? 0 : i);
        const truth = p % 2 === 0 ? 'APPROVE' : 'REJECT';
        const choice = right ? truth : truth === 'APPROVE' ? 'REJECT' : 'APPROVE';
        return {
          agentId,
          choice: choice as 'APPROVE' | 'REJECT',
          confidence: 1,
          rationale: null,
          proposalId: `p${p}`,
          round: 1,
          outcome: null,
        };
      }),
    ).flat();
  }

  it('counts copiers spread over departments as their effective size, and settles their copies', () => {
    const evaluation = evaluateRound(input(1, { history: copyingPast() }));
    const cluster = evaluation.findings.find(
      (f) => f.kind === 'BLOC_VOTING' && f.agentIds.includes(agents[0] ?? ''),
    );
    expect([...(cluster?.agentIds ?? [])].sort()).toEqual(agents.slice(0, 4));
    expect(cluster?.evidence).toContain('department-0, department-1, department-2, department-3');
    expect(cluster?.weightFactor).toBeLessThan(0.5);
    // They also hand in one rationale: already counted as one bloc, so no re-vote is asked.
    const copied = evaluation.findings.find((f) => f.kind === 'COPIED_RATIONALE');
    expect(copied?.mitigation).toBe('DOWN_WEIGHT');
    expect(copied?.evidence).toMatch(/no re-vote needed/);
    expect(evaluation.decision).not.toBe('NEXT_ROUND');
  });
});
