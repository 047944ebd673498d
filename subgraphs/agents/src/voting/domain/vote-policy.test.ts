import { describe, expect, it } from 'vitest';
import { AgentRole, roleCapabilities } from '../../organization/domain/organization.js';
import {
  decideVote,
  offlineVoteAdvisor,
  type ProposalFeatures,
  type Voter,
  type VoteQuestion,
} from './vote-policy.js';

const departments = {
  engineering: { id: 'd-eng', name: 'Engineering' },
  product: { id: 'd-prod', name: 'Product' },
  legal: { id: 'd-legal', name: 'Legal' },
};

function voter(role: AgentRole, department: keyof typeof departments = 'engineering'): Voter {
  const capability = roleCapabilities.find((row) => row.role === role);
  if (!capability) throw new Error(`no capability row for ${role}`);
  return {
    agentId: `${department}-${role}`,
    role,
    departmentId: departments[department].id,
    departmentName: departments[department].name,
    // Engineering and Product share an edge; Legal is far from both.
    neighbourDepartmentIds:
      department === 'engineering' ? ['d-prod'] : department === 'product' ? ['d-eng'] : [],
    capability,
  };
}

function proposal(features: Partial<ProposalFeatures> = {}): ProposalFeatures {
  return {
    id: 'p1',
    title: 'Move the billing service to a new region',
    description: 'Capacity is running out.',
    kind: 'STRATEGIC',
    risk: 0.5,
    stakeholderImpact: 0.5,
    urgency: 0.5,
    departmentIds: ['d-eng'],
    ...features,
  };
}

const ask = (who: Voter, about: ProposalFeatures, seed = 'p1:1'): VoteQuestion => ({
  voter: who,
  proposal: about,
  seed,
});

describe('decideVote (offline policy)', () => {
  it('gives the same answer to the same question (a redelivered request changes nothing)', () => {
    const question = ask(voter(AgentRole.SYNTHESIZER), proposal({ risk: 0.4 }));
    expect(decideVote(question)).toEqual(decideVote(structuredClone(question)));
  });

  it('lets Growth Advisors approve urgent, low-risk resource requests, naming urgency', () => {
    const advice = decideVote(
      ask(
        voter(AgentRole.GROWTH_ADVISOR),
        proposal({ kind: 'RESOURCE_ALLOCATION', urgency: 0.95, risk: 0.2 }),
      ),
    );
    expect(advice.choice).toBe('APPROVE');
    expect(advice.rationale).toMatch(/^Growth Advisor, Engineering: APPROVE/);
    expect(advice.rationale).toContain('urgency 0.95 +0.72');
    expect(advice.rationale).toContain('RESOURCE_ALLOCATION is its own CMP trigger');
  });

  it('makes Data Scouts reject risky data-privacy proposals with high confidence', () => {
    const advice = decideVote(
      ask(voter(AgentRole.DATA_SCOUT), proposal({ kind: 'DATA_PRIVACY', risk: 0.9 })),
    );
    expect(advice.choice).toBe('REJECT');
    expect(advice.confidence).toBeGreaterThan(0.8);
    expect(advice.rationale).toContain('data privacy risk 0.90');
    expect(advice.rationale).toContain('risk above its autonomy threshold 0.50');
  });

  it.each([
    ['low impact', 0.1, 'APPROVE'],
    ['heavy impact', 0.95, 'REJECT'],
  ])(
    "makes a Border Agent weigh a neighbour's proposal by its spill-over (%s)",
    (_case, impact, choice) => {
      const advice = decideVote(
        ask(
          voter(AgentRole.BORDER_AGENT, 'product'),
          proposal({ kind: 'DISPUTE', stakeholderImpact: impact, risk: 0.3 }),
        ),
      );
      expect(advice.choice).toBe(choice);
      expect(advice.rationale).toContain(
        `spill-over of impact ${impact.toFixed(2)} from a neighbouring cell`,
      );
    },
  );

  it.each([
    [AgentRole.CREATIVE_ADVISOR, 'DATA_PRIVACY'],
    [AgentRole.DATA_SCOUT, 'BRAND'],
    [AgentRole.BORDER_AGENT, 'RESEARCH_METHOD'],
  ])('makes a %s abstain on %s, far from its competence', (role, kind) => {
    const advice = decideVote(ask(voter(role), proposal({ kind })));
    expect(advice.choice).toBe('ABSTAIN');
    expect(advice.rationale).toMatch(new RegExp(`${kind}: competence 0\\.20, below 0\\.25`));
  });

  it('reads the competence from the capability row: a new CMP trigger makes the kind its own', () => {
    const scout = voter(AgentRole.DATA_SCOUT);
    const widened = {
      ...scout,
      capability: {
        ...scout.capability,
        cmpTriggers: [...scout.capability.cmpTriggers, 'brand direction changes'],
      },
    };
    const advice = decideVote(ask(widened, proposal({ kind: 'BRAND' })));
    expect(advice.choice).not.toBe('ABSTAIN');
    expect(advice.rationale).toContain('BRAND is its own CMP trigger');
  });

  it('votes on a kind it does not know with low confidence and says so', () => {
    const advice = decideVote(ask(voter(AgentRole.SYNTHESIZER), proposal({ kind: 'MERGER' })));
    expect(advice.choice).not.toBe('ABSTAIN');
    expect(advice.confidence).toBeLessThanOrEqual(0.3);
    expect(advice.rationale).toContain('unfamiliar kind MERGER: competence 0.30');
  });

  it('counts reversible wording for a proposal and irreversible wording against it', () => {
    const who = voter(AgentRole.STRATEGIC_ADVISOR, 'legal');
    const pilot = decideVote(ask(who, proposal({ title: 'A pilot of a four-day week' })));
    const permanent = decideVote(ask(who, proposal({ title: 'A permanent four-day week' })));
    expect(pilot.rationale).toContain('wording "pilot" +0.40');
    expect(permanent.rationale).toContain('wording "permanent" −0.40');
  });

  it('gives agents of one role in different departments their own reasoning', () => {
    const question = proposal({ kind: 'QUALITY', urgency: 0.7, risk: 0.6 });
    const rationales = (['engineering', 'product', 'legal'] as const).map(
      (department) =>
        decideVote(ask(voter(AgentRole.EXECUTION_AGENT, department), question)).rationale,
    );
    expect(new Set(rationales).size).toBe(3);
    expect(rationales[0]).toContain('own department');
    expect(rationales[2]).toMatch(/^Execution Agent, Legal: /);
  });

  // Regression: templated offline rationales had a word-shingle Jaccard of 0.82, above CMP's
  // 0.80 copy cut-off, so an honest panel got a COPIED_RATIONALE finding and a needless re-vote.
  it('writes rationales a copy check cannot mistake for copies (COPIED_RATIONALE false REVOTE)', () => {
    const question = proposal({ risk: 0.4, stakeholderImpact: 0.6, urgency: 0.7 });
    const panel = (['engineering', 'product'] as const).flatMap((department) =>
      roleCapabilities.map((row) => decideVote(ask(voter(row.role, department), question))),
    );
    const sets = panel.map((advice) => shingles(advice.rationale));
    let most = 0;
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) most = Math.max(most, jaccard(sets[i], sets[j]));
    }
    expect(most).toBeLessThan(0.6);
    for (const advice of panel.filter((a) => a.choice !== 'ABSTAIN')) {
      expect(advice.rationale).toMatch(/competence \d\.\d\d/);
      expect(advice.rationale).toContain(`confidence ${advice.confidence.toFixed(2)}`);
    }
  });

  it('keeps confidence in [0.01, 1] with two decimals across the feature space', () => {
    const grid = [0, 0.25, 0.5, 0.75, 1];
    for (const capability of roleCapabilities) {
      for (const risk of grid) {
        for (const urgency of grid) {
          const { confidence } = decideVote(
            ask(voter(capability.role), proposal({ risk, urgency, stakeholderImpact: 1 - risk })),
          );
          expect(confidence).toBeGreaterThanOrEqual(0.01);
          expect(confidence).toBeLessThanOrEqual(1);
          expect(Math.round(confidence * 100)).toBeCloseTo(confidence * 100, 9);
        }
      }
    }
  });

  it('is the advisor the worker uses until the router can ask an LLM', async () => {
    const question = ask(voter(AgentRole.RESEARCH_SCOUT), proposal({ kind: 'RESEARCH_METHOD' }));
    expect(await offlineVoteAdvisor.advise(question)).toEqual(decideVote(question));
  });
});

/** CMP's copy check in miniature: lower-cased words, punctuation dropped, 3-word shingles. */
function shingles(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return new Set(words.slice(2).map((_, i) => words.slice(i, i + 3).join(' ')));
}

function jaccard(a: Set<string> | undefined, b: Set<string> | undefined): number {
  if (!a || !b) return 0;
  let common = 0;
  for (const shingle of a) if (b.has(shingle)) common++;
  return common / (a.size + b.size - common);
}

describe('decideVote in a later round (issue 19)', () => {
  // A Synthesizer off its own kind, on a proposal it barely leans on.
  const who = voter(AgentRole.SYNTHESIZER);
  const about = proposal({ kind: 'BRAND', risk: 0.45 });
  const first = decideVote(ask(who, about, 'p1:1'));
  const against = first.choice === 'APPROVE' ? 'REJECT' : 'APPROVE';
  const rationale = (choice: string, confidence: number, i: number) =>
    `Agent ${i}, Product: ${choice} (p 0.80, confidence ${confidence.toFixed(2)}). Mostly risk.`;
  const previous = (choice: string, confidence: number, n = 9) => ({
    round: {
      round: 1,
      approve: (choice === 'APPROVE' ? n : 0) + (first.choice === 'APPROVE' ? 1 : 0),
      reject: (choice === 'REJECT' ? n : 0) + (first.choice === 'REJECT' ? 1 : 0),
      abstain: 0,
      rationales: [
        first.rationale,
        ...Array.from({ length: n }, (_, i) => rationale(choice, confidence, i)),
      ].sort(),
    },
    seed: 'p1:1',
  });

  it('moves toward a confident majority it had no strong view against, and says why', () => {
    const advice = decideVote({ ...ask(who, about, 'p1:2'), previous: previous(against, 0.6) });
    expect(advice.choice).toBe(against);
    expect(advice.rationale).toContain("round 1's");
  });

  it('reads the stated confidences: a hesitant majority moves it less', () => {
    const lean = (confidence: number) => {
      const advice = decideVote({
        ...ask(who, about, 'p1:2'),
        previous: previous(against, confidence, 2),
      });
      const sign = advice.choice === first.choice ? 1 : -1;
      return sign * advice.confidence;
    };
    expect(lean(0.05)).toBeGreaterThan(lean(0.9));
  });

  it('does not count its own earlier ballot as support', () => {
    const alone = decideVote({ ...ask(who, about, 'p1:2'), previous: previous(against, 0.5, 0) });
    const fresh = decideVote(ask(who, about, 'p1:2'));
    expect(alone.choice).toBe(fresh.choice);
    expect(alone.confidence).toBeCloseTo(fresh.confidence, 2);
  });

  it('lets an expert on its own kind move less than a novice', () => {
    const expert = voter(AgentRole.CREATIVE_ADVISOR);
    const shift = (agent: Voter) => {
      const base = decideVote(ask(agent, about, 'p1:2'));
      const own = decideVote(ask(agent, about, 'p1:1'));
      const other = own.choice === 'APPROVE' ? 'REJECT' : 'APPROVE';
      const moved = decideVote({
        ...ask(agent, about, 'p1:2'),
        previous: {
          round: {
            round: 1,
            approve: other === 'APPROVE' ? 4 : 1,
            reject: other === 'REJECT' ? 4 : 1,
            abstain: 0,
            rationales: [own.rationale, ...[0, 1, 2, 3].map((i) => rationale(other, 0.5, i))],
          },
          seed: 'p1:1',
        },
      });
      // How far P(approve) moved: the confidence also scales with competence, p does not.
      const p = (a: { rationale: string }) => Number(/\(p ([0-9.]+)/.exec(a.rationale)?.[1]);
      return Math.abs(p(base) - p(moved));
    };
    expect(shift(expert)).toBeLessThan(shift(who));
  });
});
