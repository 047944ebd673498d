import { registerEnumType } from 'type-graphql';
import {
  BiasKind,
  Mitigation,
  ProposalKind,
  VoteChoice,
  type Outcome as OutcomeValue,
} from '../domain/cmp/contracts.js';
import { ProposalStatus } from '../domain/proposal.js';

/** The real-world outcome `recordOutcome` stores: which decision turned out right. */
export const Outcome: { readonly [K in OutcomeValue]: K } = {
  APPROVE: 'APPROVE',
  REJECT: 'REJECT',
};
export type Outcome = OutcomeValue;

registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'DRAFT until opened, OPEN through its rounds, then one final status',
});
registerEnumType(VoteChoice, { name: 'VoteChoice' });

/** Who cast a vote: a stakeholder agent, or an executive (a person). */
export const VoterKind = { AGENT: 'AGENT', EXECUTIVE: 'EXECUTIVE' } as const;
export type VoterKind = (typeof VoterKind)[keyof typeof VoterKind];
registerEnumType(VoterKind, { name: 'VoterKind' });
registerEnumType(ProposalKind, {
  name: 'ProposalKind',
  description: 'What a proposal is about; each kind names the role the capability matrix asks',
});
registerEnumType(BiasKind, { name: 'BiasKind' });
registerEnumType(Mitigation, { name: 'Mitigation' });
registerEnumType(Outcome, {
  name: 'Outcome',
  description: 'Which decision turned out right: APPROVE (approving was) or REJECT',
});

export { BiasKind, Mitigation, ProposalKind, ProposalStatus, VoteChoice };
