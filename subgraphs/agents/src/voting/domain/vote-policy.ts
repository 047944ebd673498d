import type { ProposalKind, VoteChoice } from '@daena/contracts/graphql/decisions';
import { AgentRole, type RoleCapability } from '../../organization/domain/organization.js';

/**
 * How an agent forms its vote on a CMP proposal (issue 4, item 8). The offline policy is a
 * logistic model: each role weighs the proposal's features its own way,
 *
 *   z = bias_role + w_risk·(risk − ½) + w_kind·risk − 2·max(0, risk − autonomyThreshold)
 *       + w_impact·(impact − ½) + w_urgency·(urgency − ½) + department + wording + temperament
 *   p = 1 / (1 + e^(−z)),  choice = APPROVE when p ≥ ½ else REJECT,
 *   confidence = competence(role, kind) · |2p − 1|
 *
 * and abstains when the proposal's kind is far from the role's competence. `temperament` is a
 * small per-agent offset drawn from the seed, so agents of one role do not vote in lockstep while
 * the same question always gets the same answer (a redelivered vote request changes nothing).
 *
 * A later round (issue 19) adds what the earlier one showed: its anonymised distribution and
 * rationales (`Proposal.previousRound`). Each other voter's ballot is evidence of its own: a
 * rationale that states its choice and confidence c ("…: APPROVE (p 0.71, confidence 0.42)", as
 * this policy writes them) counts s·log((1 + c)/(1 − c)) — the log-odds of the p = (1 + c)/2 a
 * voter of full competence would have — and a counted vote without such a rationale counts as
 * one of confidence `unstatedConfidence`. The agent's own earlier ballot (it recomputes it: same
 * question, same answer) is taken out. The sum E is discounted before it joins the agent's own
 * log-odds, z' = z + δ·E with δ = `deference`·(1 − competence/2): the others weighed the same
 * features, so their votes are not independent of its own, and an expert moves less than a
 * novice. So the re-vote moves toward a confident majority the agent had no strong view against,
 * and stays put where its own evidence is strong; its rationale says what moved it.
 */

/**
 * The kinds of proposal the decisions subgraph serves (its ProposalKind: one entry each, or this
 * does not compile), each tied to one CMP trigger. Looked up by any string: a kind a newer
 * decisions adds has no trigger.
 */
const proposalKindTriggers: Readonly<Record<string, string>> = {
  STRATEGIC: 'major strategic decisions',
  BRAND: 'brand direction changes',
  RESOURCE_ALLOCATION: 'resource allocation above budget limit',
  DATA_PRIVACY: 'data privacy decisions',
  RESEARCH_METHOD: 'research methodology changes',
  CROSS_DEPARTMENT: 'cross-department conflicts',
  QUALITY: 'quality threshold breaches',
  DISPUTE: 'inter-department disputes',
} satisfies Record<ProposalKind, string>;

export interface Voter {
  agentId: string;
  role: AgentRole;
  departmentId: string;
  departmentName: string;
  /** Departments whose honeycomb cells share an edge with the voter's. */
  neighbourDepartmentIds: readonly string[];
  capability: Pick<RoleCapability, 'title' | 'autonomyThreshold' | 'cmpTriggers'>;
}

export interface ProposalFeatures {
  id: string;
  title: string;
  description: string;
  kind: string;
  /** Each in [0, 1]. */
  risk: number;
  stakeholderImpact: number;
  urgency: number;
  /** Departments the proposal affects, the proposing one first. */
  departmentIds: readonly string[];
}

/** The previous round as a later round's voters see it (`Proposal.previousRound`): no names. */
export interface PreviousRound {
  round: number;
  approve: number;
  reject: number;
  abstain: number;
  rationales: readonly string[];
}

export interface VoteQuestion {
  voter: Voter;
  proposal: ProposalFeatures;
  /** Same seed, same answer: the worker passes `${proposalId}:${round}`. */
  seed: string;
  /** In a later round: what the previous one showed, and the seed the agent answered it with. */
  previous?: { round: PreviousRound; seed: string };
}

export interface VoteAdvice {
  choice: VoteChoice;
  /** 0–1, two decimals. */
  confidence: number;
  /** Names the role, the department and the features that drove the vote, with their figures. */
  rationale: string;
}

/**
 * Forms an agent's vote. The LLM through the router (issue 5) will be another implementation;
 * until then the offline policy is the only one.
 */
export interface VoteAdvisor {
  readonly name: string;
  advise(question: VoteQuestion): Promise<VoteAdvice>;
}

export const offlineVoteAdvisor: VoteAdvisor = {
  name: 'offline policy',
  advise: async (question) => decideVote(question),
};

interface RoleWeights {
  bias: number;
  risk: number;
  impact: number;
  urgency: number;
  /** Extra weight on risk for kinds the role guards (e.g. Data Scouts on privacy). */
  kindRisk?: Readonly<Record<string, number>>;
}

/** Role dispositions: Growth Advisors favour urgency, Research Scouts distrust haste, … */
const roleWeights: Readonly<Record<AgentRole, RoleWeights>> = {
  STRATEGIC_ADVISOR: { bias: 0.2, risk: -1.2, impact: 0.8, urgency: 0.2 },
  CREATIVE_ADVISOR: { bias: 0.3, risk: -0.4, impact: 0.4, urgency: 0.3, kindRisk: { BRAND: -1 } },
  GROWTH_ADVISOR: { bias: 0.3, risk: -0.6, impact: 0.3, urgency: 1.6 },
  DATA_SCOUT: {
    bias: 0,
    risk: -1.4,
    impact: -0.2,
    urgency: -0.2,
    kindRisk: { DATA_PRIVACY: -2.5 },
  },
  RESEARCH_SCOUT: {
    bias: 0,
    risk: -1,
    impact: 0,
    urgency: -0.8,
    kindRisk: { RESEARCH_METHOD: -1 },
  },
  SYNTHESIZER: { bias: 0.1, risk: -1, impact: 0.5, urgency: 0.2 },
  EXECUTION_AGENT: {
    bias: 0.2,
    risk: -1.2,
    impact: -0.3,
    urgency: 0.8,
    kindRisk: { QUALITY: -1.5 },
  },
  // Border Agents weigh impact through the department term: spill-over onto the cells they bridge.
  BORDER_AGENT: { bias: 0.1, risk: -0.8, impact: 0, urgency: 0.1 },
};

/**
 * Competence of each role (rows) on each kind (columns, in `proposalKindTriggers` order). The
 * diagonal is the role's own CMP trigger; a kind whose trigger is in the voter's capability row
 * counts 1 whatever the table says, so the matrix in the seed stays the authority.
 */
const kindOrder = Object.keys(proposalKindTriggers);
const competenceRows: Readonly<Record<AgentRole, readonly number[]>> = {
  // Columns: STRATEGIC BRAND RESOURCE_ALLOCATION DATA_PRIVACY RESEARCH_METHOD CROSS_DEPARTMENT
  // QUALITY DISPUTE.
  STRATEGIC_ADVISOR: [1.0, 0.6, 0.8, 0.4, 0.4, 0.7, 0.3, 0.5],
  CREATIVE_ADVISOR: [0.6, 1.0, 0.4, 0.2, 0.3, 0.4, 0.4, 0.3],
  GROWTH_ADVISOR: [0.7, 0.6, 1.0, 0.3, 0.3, 0.5, 0.4, 0.3],
  DATA_SCOUT: [0.4, 0.2, 0.4, 1.0, 0.7, 0.3, 0.5, 0.2],
  RESEARCH_SCOUT: [0.5, 0.3, 0.3, 0.6, 1.0, 0.4, 0.4, 0.2],
  SYNTHESIZER: [0.6, 0.4, 0.5, 0.4, 0.5, 1.0, 0.4, 0.7],
  EXECUTION_AGENT: [0.3, 0.3, 0.6, 0.4, 0.3, 0.4, 1.0, 0.3],
  BORDER_AGENT: [0.4, 0.3, 0.3, 0.3, 0.2, 0.8, 0.4, 1.0],
};

const votePolicy = {
  /** Below this competence the agent abstains: the question is not its to judge. */
  abstainBelow: 0.25,
  /** Competence on a kind the policy does not know (a newer decisions subgraph). */
  unknownKindCompetence: 0.3,
  /** Logit penalty per unit of risk above the role's autonomy threshold. */
  overreach: 2,
  ownDepartment: 0.3,
  distantDepartment: -0.1,
  /** Border Agents: logit per unit of impact above ½, own cell and a neighbouring cell. */
  borderSpillOwn: -1,
  borderSpillNeighbour: -1.5,
  wording: 0.4,
  /** Temperament is uniform in ±this (logits). */
  temperament: 0.3,
  /** The share of the others' evidence a re-vote takes in, before its own competence lowers it. */
  deference: 0.5,
  /** Confidence credited to a counted vote whose rationale does not state one. */
  unstatedConfidence: 0.2,
  /** Stated confidences are capped here: one voter's "certainty" is not infinite evidence. */
  maxStatedConfidence: 0.95,
} as const;

/** Words that say a change can be undone (or not): cheap evidence of real risk. */
const reversibleWords = /\b(pilot|trial|experiment|reversible|rollback|phased)\b/i;
const irreversibleWords = /\b(irreversible|permanent|terminate|shut down|delete)\b/i;

interface Term {
  label: string;
  contribution: number;
}

export function decideVote(question: VoteQuestion): VoteAdvice {
  const { voter, proposal, seed, previous } = question;
  const trigger = proposalKindTriggers[proposal.kind];
  const ownTrigger = trigger !== undefined && voter.capability.cmpTriggers.includes(trigger);
  const skill = ownTrigger ? 1 : competenceOn(voter.role, proposal.kind);
  const terms = scoreTerms(voter, proposal, seed);
  if (previous) terms.push(crowdTerm(question, skill, previous));
  const z = terms.reduce((sum, term) => sum + term.contribution, 0);
  const p = 1 / (1 + Math.exp(-z));
  const lean = p >= 0.5 ? 'APPROVE' : 'REJECT';
  const who = `${voter.capability.title}, ${voter.departmentName}`;
  const kindNote = ownTrigger
    ? `${proposal.kind} is its own CMP trigger (competence 1.00, autonomy threshold ${fixed(voter.capability.autonomyThreshold)})`
    : `${trigger ? '' : 'unfamiliar kind '}${proposal.kind}: competence ${fixed(skill)}`;

  if (skill < votePolicy.abstainBelow) {
    return {
      choice: 'ABSTAIN',
      confidence: round2(1 - skill),
      rationale: `${who}: ABSTAIN. ${kindNote}, below ${fixed(votePolicy.abstainBelow)}; it would have leaned ${lean} (p ${fixed(p)}).`,
    };
  }
  const confidence = Math.max(0.01, round2(skill * Math.abs(2 * p - 1)));
  return {
    choice: lean,
    confidence,
    rationale: individualRationale(who, lean, p, confidence, kindNote, terms),
  };
}

/**
 * The agent's own account of its vote: its role, department and competence, and every feature it
 * weighed with its own figures, strongest first. Written so two agents share little beyond the
 * feature names: a templated sentence every agent repeats reads as a copied rationale to CMP's
 * copy check (COPIED_RATIONALE, Jaccard of 3-word shingles ≥ 0.80).
 */
function individualRationale(
  who: string,
  lean: 'APPROVE' | 'REJECT',
  p: number,
  confidence: number,
  kindNote: string,
  terms: readonly Term[],
): string {
  const weighed = terms
    .filter((term) => Math.abs(term.contribution) >= 0.005)
    .toSorted((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .map((term) => `${term.label} ${signed(term.contribution)}`);
  const strongest = weighed[0] ?? 'no feature';
  return (
    `${who}: ${lean} (p ${fixed(p)}, confidence ${fixed(confidence)}). ` +
    `${kindNote}. Mostly ${strongest}` +
    (weighed.length > 1 ? `; then ${weighed.slice(1).join('; ')}.` : '.')
  );
}

function scoreTerms(voter: Voter, proposal: ProposalFeatures, seed: string): Term[] {
  const weights = roleWeights[voter.role];
  const { risk, stakeholderImpact: impact, urgency, kind } = proposal;
  const kindRisk = weights.kindRisk?.[kind] ?? 0;
  const threshold = voter.capability.autonomyThreshold;
  const relation = departmentRelation(voter, proposal.departmentIds);
  return [
    { label: `${voter.capability.title}'s disposition`, contribution: weights.bias },
    {
      label: `${kindRisk ? `${kind.toLowerCase().replaceAll('_', ' ')} ` : ''}risk ${fixed(risk)}`,
      contribution: weights.risk * (risk - 0.5) + kindRisk * risk,
    },
    {
      label: `risk above its autonomy threshold ${fixed(threshold)}`,
      contribution: -votePolicy.overreach * Math.max(0, risk - threshold),
    },
    { label: `stakeholder impact ${fixed(impact)}`, contribution: weights.impact * (impact - 0.5) },
    { label: `urgency ${fixed(urgency)}`, contribution: weights.urgency * (urgency - 0.5) },
    departmentTerm(voter, relation, impact),
    wordingTerm(`${proposal.title}\n${proposal.description}`),
    { label: 'its own temperament', contribution: temperament(`${seed}:${voter.agentId}`) },
  ];
}

/**
 * What the previous round adds: δ·E (see the header), labelled with the distribution it read.
 * The agent's own earlier ballot is recomputed and taken out of the counts and rationales.
 */
function crowdTerm(
  question: VoteQuestion,
  skill: number,
  previous: NonNullable<VoteQuestion['previous']>,
): Term {
  const { round } = previous;
  const own = decideVote({ ...question, seed: previous.seed, previous: undefined });
  const counts = { APPROVE: round.approve, REJECT: round.reject };
  if (own.choice !== 'ABSTAIN') counts[own.choice] = Math.max(0, counts[own.choice] - 1);
  let evidence = 0;
  const stated = { APPROVE: 0, REJECT: 0 };
  let ownSkipped = false;
  for (const text of round.rationales) {
    if (!ownSkipped && text === own.rationale) {
      ownSkipped = true;
      continue;
    }
    const ballot = statedBallot(text);
    if (!ballot || stated[ballot.choice] >= counts[ballot.choice]) continue;
    stated[ballot.choice]++;
    evidence += (ballot.choice === 'APPROVE' ? 1 : -1) * confidenceLogOdds(ballot.confidence);
  }
  const unstated = confidenceLogOdds(votePolicy.unstatedConfidence);
  evidence += (counts.APPROVE - stated.APPROVE - (counts.REJECT - stated.REJECT)) * unstated;
  const weight = votePolicy.deference * (1 - skill / 2);
  return {
    label:
      `round ${round.round}'s ${counts.APPROVE} other approve / ${counts.REJECT} reject ` +
      `(stated-confidence evidence ${signed(evidence)}, taken at ${fixed(weight)})`,
    contribution: weight * evidence,
  };
}

/** A rationale's own statement of its ballot, "…: APPROVE (p 0.71, confidence 0.42)…", if any. */
function statedBallot(text: string): { choice: 'APPROVE' | 'REJECT'; confidence: number } | null {
  const match = /:\s*(APPROVE|REJECT)\s*\(p [0-9.]+, confidence ([0-9.]+)\)/.exec(text);
  const confidence = Number(match?.[2]);
  if (!match || !Number.isFinite(confidence)) return null;
  return { choice: match[1] as 'APPROVE' | 'REJECT', confidence };
}

/** log((1 + c)/(1 − c)): the log-odds of p = (1 + c)/2, c capped at `maxStatedConfidence`. */
function confidenceLogOdds(confidence: number): number {
  const c = Math.min(votePolicy.maxStatedConfidence, Math.max(0, confidence));
  return Math.log((1 + c) / (1 - c));
}

function competenceOn(role: AgentRole, kind: string): number {
  const column = kindOrder.indexOf(kind);
  return column < 0 ? votePolicy.unknownKindCompetence : (competenceRows[role][column] ?? 0);
}

type Relation = 'own' | 'neighbour' | 'distant';

function departmentRelation(voter: Voter, departmentIds: readonly string[]): Relation {
  if (departmentIds.includes(voter.departmentId)) return 'own';
  return departmentIds.some((id) => voter.neighbourDepartmentIds.includes(id))
    ? 'neighbour'
    : 'distant';
}

function departmentTerm(voter: Voter, relation: Relation, impact: number): Term {
  if (voter.role === AgentRole.BORDER_AGENT && relation !== 'distant') {
    const weight = relation === 'own' ? votePolicy.borderSpillOwn : votePolicy.borderSpillNeighbour;
    const where = relation === 'own' ? 'its cell' : 'a neighbouring cell';
    return {
      label: `spill-over of impact ${fixed(impact)} from ${where}`,
      contribution: weight * (impact - 0.5),
    };
  }
  if (relation === 'own')
    return { label: 'own department', contribution: votePolicy.ownDepartment };
  if (relation === 'neighbour') return { label: 'neighbouring department', contribution: 0 };
  return { label: 'distant department', contribution: votePolicy.distantDepartment };
}

function wordingTerm(text: string): Term {
  const reversible = reversibleWords.exec(text)?.[1];
  if (reversible) return { label: `wording "${reversible}"`, contribution: votePolicy.wording };
  const irreversible = irreversibleWords.exec(text)?.[1];
  if (irreversible)
    return { label: `wording "${irreversible}"`, contribution: -votePolicy.wording };
  return { label: 'wording', contribution: 0 };
}

/** FNV-1a (32 bit) of the key, mapped to ±votePolicy.temperament. */
function temperament(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash / 0x1_0000_0000 - 0.5) * 2 * votePolicy.temperament;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const fixed = (value: number) => value.toFixed(2);
const signed = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;
