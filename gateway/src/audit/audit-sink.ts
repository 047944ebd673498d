import {
  DaenaError,
  ErrorCode,
  postToSubgraph,
  serviceTokenLifetimeSec,
  signServiceToken,
  UnavailableError,
  type Logger,
} from '@daena/platform';
import { RecordAuditEntriesDocument } from '@daena/contracts/graphql/metrics';
import type { AuditSink } from './audit-trail.js';

/** Metrics answered with an error: `retryable` unless it judged the batch itself invalid. */
export class AuditBatchRefusedError extends DaenaError {
  constructor(
    readonly refusedCode: string,
    message: string,
  ) {
    super(
      ErrorCode.UNAVAILABLE,
      `metrics refused an audit batch: ${message}`,
      'AUDIT_BATCH_REFUSED',
      {
        code: refusedCode,
      },
    );
  }

  /** A batch metrics finds invalid stays invalid; a token or deployment problem may be fixed. */
  get retryable(): boolean {
    return this.refusedCode !== ErrorCode.BAD_USER_INPUT;
  }
}

export function isRetryableAuditFailure(error: unknown): boolean {
  return !(error instanceof AuditBatchRefusedError) || error.retryable;
}

export interface MetricsAuditSinkOptions {
  /** The metrics subgraph's /graphql (METRICS_URL). */
  url: string;
  /** The HS256 secret the service token is signed with (JWT_SECRET, which metrics shares). */
  secret: string;
  issuer: string;
  timeoutMs: number;
  log: Logger;
}

/**
 * Sends batches to metrics' `recordAuditEntries` with a short-lived service token (signed as
 * `gateway`, audience `daena-services`: it opens nothing but this mutation), renewed at half
 * its lifetime.
 */
export function metricsAuditSink(options: MetricsAuditSinkOptions): AuditSink {
  const endpoint = {
    name: 'metrics',
    url: options.url,
    timeoutMs: options.timeoutMs,
    log: options.log,
    unavailable: () =>
      new UnavailableError('metrics cannot store audit entries now', 'AUDIT_STORE_UNAVAILABLE'),
  };
  let token: { value: Promise<string>; renewAt: number } | undefined;
  const currentToken = () => {
    if (!token || Date.now() >= token.renewAt) {
      token = {
        value: signServiceToken(options.secret, 'gateway', options.issuer),
        renewAt: Date.now() + (serviceTokenLifetimeSec * 1000) / 2,
      };
    }
    return token.value;
  };
  return async (entries) => {
    const body = await postToSubgraph(
      endpoint,
      // The internal mutation (@inaccessible: not in the public API) that stores a batch.
      { document: RecordAuditEntriesDocument, variables: { entries } },
      await currentToken(),
    );
    const [error] = body.errors ?? [];
    if (error) {
      throw new AuditBatchRefusedError(String(error.extensions?.code ?? 'UNKNOWN'), error.message);
    }
  };
}
