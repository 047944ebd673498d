import type { Threshold } from '../domain/cmp/contracts.js';
import { isUuid, uuidArrayLiteral, type SqlConnection } from '@daena/platform';
import { LedgerKind } from '../domain/ledger.js';
import { isClosed, type ProposalDraft, type ProposalStatus } from '../domain/proposal.js';
import type { ProposalKey } from '../domain/proposal-key.js';
import type { ProposalRecord } from './records.js';
import type { LedgerWrites } from './ledger-writes.js';
import { proposalFromRow, type ProposalRow } from './rows.js';
import type { StakeholderSnapshot, StakeholderWrites } from './stakeholder-writes.js';

export interface NewProposal extends ProposalDraft {
  id: string;
  createdBy: string;
  requesterSubject: string;
  /** The creator's idempotency key (proposal-keys.ts); unique per creator. */
  key: ProposalKey | null;
}

/** The proposal row inside a write transaction: its lock, its creation, opening and status. */
export class ProposalWrites {
  constructor(
    private readonly sql: SqlConnection,
    private readonly ledger: LedgerWrites,
    private readonly stakeholders: StakeholderWrites,
  ) {}

  /**
   * Locks the proposal row until commit. Votes, round closes and interventions on one proposal
   * therefore run one at a time: a vote never lands in a round being closed, and sequence numbers
   * of one proposal's votes are handed out in commit order (which `voteTally(asOfVote:)` relies on).
   */
  async lock(id: string): Promise<ProposalRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.sql.rows<ProposalRow>(
      'select * from decisions.proposals where id = ? for update',
      [id],
    );
    return row ? proposalFromRow(row, this.sql.parseDate) : null;
  }

  async insertDraft(proposal: NewProposal): Promise<ProposalRecord> {
    const [row] = await this.sql.rows<ProposalRow>(
      `insert into decisions.proposals
         (id, title, description, department_id, department_ids, status, kind, risk,
          stakeholder_impact, urgency, created_by, requester_subject, requester_agent_id,
          deadline, max_rounds, current_round, round_seconds, idempotency_key,
          idempotency_fingerprint)
       values (?, ?, ?, ?, ?::uuid[], 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
       returning *`,
      [
        proposal.id,
        proposal.title,
        proposal.description,
        proposal.departmentId,
        uuidArrayLiteral(proposal.departmentIds),
        proposal.kind,
        proposal.risk,
        proposal.stakeholderImpact,
        proposal.urgency,
        proposal.createdBy,
        proposal.requesterSubject,
        proposal.requesterAgentId,
        proposal.deadline,
        proposal.maxRounds,
        proposal.roundSeconds,
        proposal.key?.key ?? null,
        proposal.key?.fingerprint ?? null,
      ],
    );
    const created = proposalFromRow(row as ProposalRow, this.sql.parseDate);
    await this.ledger.append(created.id, LedgerKind.CREATED, {
      title: created.title,
      description: created.description,
      kind: created.kind,
      risk: created.risk,
      stakeholderImpact: created.stakeholderImpact,
      urgency: created.urgency,
      departmentIds: proposal.departmentIds,
      requester: proposal.requesterSubject,
      requesterAgentId: proposal.requesterAgentId,
      deadline: proposal.deadline?.toISOString() ?? null,
      maxRounds: proposal.maxRounds,
      createdBy: proposal.createdBy,
    });
    return created;
  }

  /** DRAFT → OPEN: the threshold and the stakeholder snapshot, in round 1. */
  async open(
    id: string,
    threshold: Threshold,
    stakeholders: readonly StakeholderSnapshot[],
  ): Promise<ProposalRecord> {
    const [row] = await this.sql.rows<ProposalRow>(
      `update decisions.proposals
          set status = 'OPEN', current_round = 1, opened_at = now(), threshold = ?,
              threshold_explanation = ?, threshold_terms = ?::jsonb
        where id = ? and status = 'DRAFT'
        returning *`,
      [threshold.value, threshold.explanation, JSON.stringify(threshold.terms), id],
    );
    await this.stakeholders.snapshot(id, stakeholders);
    await this.ledger.append(id, LedgerKind.OPENED, {
      threshold: threshold.value,
      thresholdTerms: threshold.terms,
      stakeholders: stakeholders.map((s) => ({ agentId: s.agentId, weight: s.weight, why: s.why })),
    });
    return proposalFromRow(row as ProposalRow, this.sql.parseDate);
  }

  /** Moves the proposal to `status` (and `round`); closed statuses stamp `closed_at`. */
  async setStatus(id: string, status: ProposalStatus, round: number): Promise<ProposalRecord> {
    const [row] = await this.sql.rows<ProposalRow>(
      `update decisions.proposals
          set status = ?, current_round = ?, closed_at = case when ? then now() else null end
        where id = ?
        returning *`,
      [status, round, isClosed(status), id],
    );
    return proposalFromRow(row as ProposalRow, this.sql.parseDate);
  }
}
