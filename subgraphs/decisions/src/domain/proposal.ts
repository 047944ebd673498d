import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  isUuid,
  NotFoundError,
  Role,
  type Principal,
} from '@daena/platform/domain';
import { ProposalKind } from './cmp/contracts.js';

/**
 * A proposal's life (issue 4): DRAFT until opened, OPEN through its voting rounds, then exactly
 * one final status. See `src/domain/lifecycle.ts` for the allowed transitions.
 */
export const ProposalStatus = {
  DRAFT: 'DRAFT',
  OPEN: 'OPEN',
  ACCEPTED: 'ACCEPTED',
  REJECTED: 'REJECTED',
  NO_CONSENSUS: 'NO_CONSENSUS',
  ESCALATED: 'ESCALATED',
  WITHDRAWN: 'WITHDRAWN',
  EXPIRED: 'EXPIRED',
} as const;
export type ProposalStatus = (typeof ProposalStatus)[keyof typeof ProposalStatus];
export type ClosedStatus = Exclude<ProposalStatus, 'DRAFT' | 'OPEN'>;

const closedStatuses: readonly ClosedStatus[] = [
  ProposalStatus.ACCEPTED,
  ProposalStatus.REJECTED,
  ProposalStatus.NO_CONSENSUS,
  ProposalStatus.ESCALATED,
  ProposalStatus.WITHDRAWN,
  ProposalStatus.EXPIRED,
];

export function isClosed(status: ProposalStatus): status is ClosedStatus {
  return (closedStatuses as readonly string[]).includes(status);
}

/** Limits of the issues "Foundation" and "CMP"; the migrations' check constraints repeat them. */
const proposalLimits = {
  titleMax: 200,
  descriptionMax: 10_000,
  departmentsMax: 64,
  roundsMax: 10,
  defaultMaxRounds: 3,
  roundSecondsMax: 7 * 24 * 3600,
  reasonMax: 2_000,
} as const;

export interface ProposalRequest {
  title: string;
  description?: string | null | undefined;
  departmentId: string;
  /** Further departments the decision affects (the proposing one is always first). */
  affectedDepartmentIds?: readonly string[] | null | undefined;
  deadline?: Date | null | undefined;
  kind?: ProposalKind | null | undefined;
  risk?: number | null | undefined;
  stakeholderImpact?: number | null | undefined;
  urgency?: number | null | undefined;
  maxRounds?: number | null | undefined;
  /** How long each round waits for votes; the service's default when unset. */
  roundSeconds?: number | null | undefined;
  /** The agent that asks for the decision; else the caller. */
  requesterAgentId?: string | null | undefined;
}

export interface ProposalDraft {
  title: string;
  description: string;
  departmentId: string;
  /** Every affected department, the proposing one first, without repeats. */
  departmentIds: string[];
  deadline: Date | null;
  kind: ProposalKind;
  risk: number;
  stakeholderImpact: number;
  urgency: number;
  maxRounds: number;
  roundSeconds: number;
  requesterAgentId: string | null;
}

/**
 * Features left unset are "middling" (0.5): neither raising nor lowering the threshold. A
 * proposal opened without a kind is STRATEGIC, the most general CMP trigger of the matrix.
 */
const featureDefaults = { kind: ProposalKind.STRATEGIC, feature: 0.5 } as const;

/** Counts code points, as Postgres `length()` does on UTF-8 text. */
const length = (text: string) => [...text].length;

function unitInterval(name: string, value: number | null | undefined): number {
  const result = value ?? featureDefaults.feature;
  if (!Number.isFinite(result) || result < 0 || result > 1) {
    throw new BadInputError(`${name} must be between 0 and 1`, 'FEATURE_OUT_OF_RANGE', {
      field: name,
    });
  }
  return result;
}

function integerIn(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadInputError(`${name} must be an integer from ${min} to ${max}`, 'OUT_OF_RANGE', {
      field: name,
    });
  }
  return value;
}

function departmentIdsOf(request: ProposalRequest): string[] {
  const ids = [...new Set([request.departmentId, ...(request.affectedDepartmentIds ?? [])])];
  if (!ids.every(isUuid)) {
    throw new BadInputError('department ids must be department ids (UUIDs)', 'INVALID_ID');
  }
  if (ids.length > proposalLimits.departmentsMax) {
    throw new BadInputError(
      `at most ${proposalLimits.departmentsMax} departments`,
      'TOO_MANY_DEPARTMENTS',
    );
  }
  return ids;
}

/** Checks and normalizes what a caller asks to create; `now` is injected for testability. */
export function validateProposalRequest(
  request: ProposalRequest,
  now: Date,
  defaultRoundSeconds: number,
): ProposalDraft {
  const title = request.title.trim();
  if (length(title) < 1 || length(title) > proposalLimits.titleMax) {
    throw new BadInputError(
      `title must have 1 to ${proposalLimits.titleMax} characters`,
      'TITLE_LENGTH',
    );
  }
  const description = request.description ?? '';
  if (length(description) > proposalLimits.descriptionMax) {
    throw new BadInputError(
      `description must have at most ${proposalLimits.descriptionMax} characters`,
      'DESCRIPTION_TOO_LONG',
    );
  }
  const departmentIds = departmentIdsOf(request);
  const deadline = request.deadline ?? null;
  if (deadline && !(deadline.getTime() > now.getTime())) {
    throw new BadInputError('deadline must be in the future', 'DEADLINE_NOT_IN_FUTURE');
  }
  const requesterAgentId = request.requesterAgentId ?? null;
  if (requesterAgentId !== null && !isUuid(requesterAgentId)) {
    throw new BadInputError('requesterAgentId must be an agent id (a UUID)', 'INVALID_ID');
  }
  return {
    title,
    description,
    departmentId: request.departmentId,
    departmentIds,
    deadline,
    kind: request.kind ?? featureDefaults.kind,
    risk: unitInterval('risk', request.risk),
    stakeholderImpact: unitInterval('stakeholderImpact', request.stakeholderImpact),
    urgency: unitInterval('urgency', request.urgency),
    maxRounds: integerIn(
      'maxRounds',
      request.maxRounds ?? proposalLimits.defaultMaxRounds,
      1,
      proposalLimits.roundsMax,
    ),
    roundSeconds: integerIn(
      'roundSeconds',
      request.roundSeconds ?? defaultRoundSeconds,
      1,
      proposalLimits.roundSecondsMax,
    ),
    requesterAgentId,
  };
}

/** Admins and executives open proposals anywhere; a department lead only in their department. */
export function assertMayOpenProposalIn(principal: Principal, departmentSlug: string): void {
  if (principal.roles.includes(Role.ADMIN) || principal.roles.includes(Role.EXECUTIVE)) return;
  if (principal.roles.includes(Role.DEPARTMENT_LEAD) && principal.department === departmentSlug) {
    return;
  }
  throw new ForbiddenError(
    `A department lead opens proposals only in their own department, not in ${departmentSlug}`,
    'OTHER_DEPARTMENT',
  );
}

/** Only an OPEN proposal takes votes or closes rounds. */
export function assertOpen<T extends { status: ProposalStatus }>(
  proposal: T | null,
  proposalId: string,
): T {
  if (!proposal) throw new NotFoundError('Proposal', proposalId);
  if (proposal.status === ProposalStatus.DRAFT) {
    throw new ConflictError(`Proposal ${proposalId} is still a draft`, 'PROPOSAL_NOT_OPEN', {
      status: proposal.status,
    });
  }
  if (proposal.status !== ProposalStatus.OPEN) {
    throw new ConflictError(`Proposal ${proposalId} is ${proposal.status}`, 'PROPOSAL_CLOSED', {
      status: proposal.status,
    });
  }
  return proposal;
}

/** A free-text reason (veto, escalation, withdrawal, outcome note): trimmed, bounded. */
export function validateReason(reason: string | null | undefined, required: boolean): string {
  const text = (reason ?? '').trim();
  if (required && text.length === 0) {
    throw new BadInputError('a reason is required', 'REASON_REQUIRED');
  }
  if (length(text) > proposalLimits.reasonMax) {
    throw new BadInputError(
      `reason must have at most ${proposalLimits.reasonMax} characters`,
      'REASON_TOO_LONG',
    );
  }
  return text;
}
