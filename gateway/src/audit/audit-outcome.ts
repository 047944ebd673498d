import type { AuditOperationType, AuditOutcome } from '@daena/contracts/graphql/metrics';

/** Codes that mean "not allowed": the operation is refused even when it ran. */
const deniedCodes = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED']);

/** Not refusals: the first leg of automatic persisted queries asks the client for the text. */
const routineCodes = new Set(['PERSISTED_QUERY_NOT_FOUND']);

export interface OperationResult {
  /** Whether execution started (false: refused while parsing, validating or planning). */
  executed: boolean;
  operationType: AuditOperationType | null;
  /** The `extensions.code` of each error, in order, as the client saw them. */
  codes: readonly string[];
}

/**
 * Whether and how an operation goes into the audit trail: every mutation (OK, or ERROR with the
 * first code), and every refused operation (REFUSED: stopped before execution, or denied access
 * while running). Successful and failing queries are not recorded: too many, nothing to audit.
 */
export function auditOutcome(
  result: OperationResult,
): { outcome: AuditOutcome; code: string | null } | null {
  const codes = result.codes.filter((code) => !routineCodes.has(code));
  if (!result.executed) {
    return codes[0] === undefined ? null : { outcome: 'REFUSED', code: codes[0] };
  }
  const denied = codes.find((code) => deniedCodes.has(code));
  if (denied !== undefined) return { outcome: 'REFUSED', code: denied };
  if (result.operationType !== 'MUTATION') return null;
  return codes[0] === undefined
    ? { outcome: 'OK', code: null }
    : { outcome: 'ERROR', code: codes[0] };
}

/** The code of an HTTP refusal that carried none (the status alone is known). */
export function codeForStatus(status: number): string {
  switch (status) {
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
  }
}
