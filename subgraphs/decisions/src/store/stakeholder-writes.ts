import type { Stakeholder } from '../domain/cmp/contracts.js';
import type { ProposalStakeholderRecord } from './records.js';
import { stakeholderFromRow, type StakeholderRow } from './rows.js';
import type { SqlConnection } from '@daena/platform';

/** A stakeholder as opening a proposal snapshots it. */
export interface StakeholderSnapshot extends Stakeholder {
  role: string;
  departmentId: string;
}

/** A proposal's voters inside a write transaction: the agents snapshotted at open, and people. */
export class StakeholderWrites {
  constructor(private readonly sql: SqlConnection) {}

  /** The stakeholder agents snapshotted at open: who is asked to vote and completes a round. */
  agentsOf(proposalId: string): Promise<ProposalStakeholderRecord[]> {
    return this.voters(proposalId, 'person_subject is null');
  }

  /** The people (executives) who voted on the proposal, each with the voter id they vote under. */
  peopleOf(proposalId: string): Promise<ProposalStakeholderRecord[]> {
    return this.voters(proposalId, 'person_subject is not null');
  }

  /** Stores the agents chosen when the proposal opens, with their weights and evidence. */
  async snapshot(proposalId: string, stakeholders: readonly StakeholderSnapshot[]): Promise<void> {
    if (stakeholders.length === 0) return;
    await this.sql.rows(
      `insert into decisions.proposal_stakeholders
         (proposal_id, agent_id, weight, why, role, department_id, log_odds, log_odds_variance,
          accuracy, accuracy_evidence)
       values ${stakeholders.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      stakeholders.flatMap((stakeholder) => [
        proposalId,
        stakeholder.agentId,
        stakeholder.weight,
        stakeholder.why,
        stakeholder.role,
        stakeholder.departmentId,
        stakeholder.logOdds ?? null,
        stakeholder.logOddsVariance ?? null,
        stakeholder.accuracy ?? null,
        stakeholder.accuracyEvidence ?? null,
      ]),
    );
  }

  private async voters(proposalId: string, which: string): Promise<ProposalStakeholderRecord[]> {
    const rows = await this.sql.rows<StakeholderRow>(
      `select * from decisions.proposal_stakeholders
        where proposal_id = ? and ${which}
        order by agent_id`,
      [proposalId],
    );
    return rows.map(stakeholderFromRow);
  }
}
