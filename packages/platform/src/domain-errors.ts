/**
 * The public error vocabulary. Every error a client sees carries one of these in
 * `extensions.code`; `extensions.reason` adds a stable, more specific reason a client can act on
 * (for example `PROPOSAL_CLOSED`).
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Base of all domain errors: a stable code, an optional specific reason and safe details. */
export class DaenaError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadInputError extends DaenaError {
  constructor(message: string, reason = 'INVALID_INPUT', details?: Record<string, unknown>) {
    super(ErrorCode.BAD_USER_INPUT, message, reason, details);
  }
}
export class NotFoundError extends DaenaError {
  constructor(entity: string, id: string) {
    super(
      ErrorCode.NOT_FOUND,
      `${entity} ${id} does not exist`,
      `${entity.toUpperCase()}_NOT_FOUND`,
      {
        id,
      },
    );
  }
}
export class UnauthenticatedError extends DaenaError {
  constructor(message = 'This operation needs a valid token', reason = 'TOKEN_REQUIRED') {
    super(ErrorCode.UNAUTHENTICATED, message, reason);
  }
}
export class ForbiddenError extends DaenaError {
  constructor(message: string, reason = 'FORBIDDEN') {
    super(ErrorCode.FORBIDDEN, message, reason);
  }
}
export class ConflictError extends DaenaError {
  constructor(message: string, reason = 'CONFLICT', details?: Record<string, unknown>) {
    super(ErrorCode.CONFLICT, message, reason, details);
  }
}
export class UnavailableError extends DaenaError {
  constructor(message: string, reason = 'UNAVAILABLE') {
    super(ErrorCode.UNAVAILABLE, message, reason);
  }
}
