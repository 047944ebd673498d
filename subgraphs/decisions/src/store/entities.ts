import { EntitySchema } from '@mikro-orm/core';
import { ProposalStatus } from '../domain/proposal.js';
import { VoteChoice, type Ballot } from '../domain/vote.js';

export interface ProposalRecord {
  id: string;
  title: string;
  description: string;
  departmentId: string;
  status: ProposalStatus;
  /** The token subject that opened it. */
  createdBy: string;
  createdAt: Date;
  deadline: Date | null;
  closedAt: Date | null;
}

/** One stakeholder agent, snapshotted when the proposal opened. */
export interface ProposalStakeholderRecord {
  proposalId: string;
  agentId: string;
}

/** A stored vote: the ballot as cast, plus its identity and order. */
export interface VoteRecord extends Ballot {
  id: string;
  /** Global order of accepted votes (bigint as a decimal string); renewed when a vote changes. */
  seq: string;
  createdAt: Date;
  updatedAt: Date;
}

export const ProposalEntity = new EntitySchema<ProposalRecord>({
  name: 'Proposal',
  tableName: 'proposals',
  properties: {
    id: { type: 'uuid', primary: true },
    title: { type: 'text' },
    description: { type: 'text' },
    departmentId: { type: 'uuid', fieldName: 'department_id' },
    status: { enum: true, items: () => ProposalStatus, type: 'text' },
    createdBy: { type: 'text', fieldName: 'created_by' },
    createdAt: { type: 'Date', fieldName: 'created_at', defaultRaw: 'now()' },
    deadline: { type: 'Date', nullable: true },
    closedAt: { type: 'Date', fieldName: 'closed_at', nullable: true },
  },
});

export const ProposalStakeholderEntity = new EntitySchema<ProposalStakeholderRecord>({
  name: 'ProposalStakeholder',
  tableName: 'proposal_stakeholders',
  properties: {
    proposalId: { type: 'uuid', fieldName: 'proposal_id', primary: true },
    agentId: { type: 'uuid', fieldName: 'agent_id', primary: true },
  },
});

export const VoteEntity = new EntitySchema<VoteRecord>({
  name: 'Vote',
  tableName: 'votes',
  properties: {
    id: { type: 'uuid', primary: true },
    proposalId: { type: 'uuid', fieldName: 'proposal_id' },
    agentId: { type: 'uuid', fieldName: 'agent_id' },
    round: { type: 'integer' },
    choice: { enum: true, items: () => VoteChoice, type: 'text' },
    confidence: { type: 'double' },
    rationale: { type: 'text', nullable: true },
    seq: { type: 'bigint' },
    createdAt: { type: 'Date', fieldName: 'created_at', defaultRaw: 'now()' },
    updatedAt: { type: 'Date', fieldName: 'updated_at', defaultRaw: 'now()' },
  },
});

export const entities = [ProposalEntity, ProposalStakeholderEntity, VoteEntity];
