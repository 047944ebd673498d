import type { IncomingMessage } from 'node:http';
import type { Logger, Principal } from '@daena/platform';
import type { Request, RequestHandler, Response } from 'express';
import { documentFacts, newAuditEntry, type DocumentFacts } from './audit-entry.js';
import { codeForStatus } from './audit-outcome.js';
import type { AuditTrail } from './audit-trail.js';
import type { AuditedRequest } from './audited-request.js';

export interface RequestAuditOptions {
  trail: AuditTrail;
  /** The request's verified caller (shared with the rate limit and the GraphQL context). */
  principalOf(request: IncomingMessage): Promise<Principal>;
  /** The client's address, as the rate limit sees it (trusted proxies included). */
  addressOf(request: IncomingMessage): string;
  log: Logger;
}

/** A request id the client or a proxy in front set; the gateway keeps it, bounded, if any. */
const requestIdHeader = 'x-request-id';

/**
 * Follows each HTTP request to /graphql from its first middleware to the end of its response.
 * What Apollo audited (the plugin's entries) is written then with the status sent; a request
 * refused before Apollo ran (a refused token 401, rate limit 429, body too large 413, wrong
 * content type 415 …) becomes one REFUSED entry: with the code its refuser reported through
 * `recordRefusal`, or else the code its status implies.
 */
export class RequestAudit {
  private readonly requests = new WeakMap<IncomingMessage, AuditedRequest>();

  constructor(private readonly options: RequestAuditOptions) {}

  /** Mount first on /graphql, so every other middleware's refusals are seen. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const audited: AuditedRequest = {
        receivedAt: Date.now(),
        clientIp: this.options.addressOf(req),
        requestId: headerValue(req.headers[requestIdHeader]),
        operationsSeen: 0,
        pending: [],
      };
      this.requests.set(req, audited);
      res.once('close', () => {
        this.finish(req, res, audited).catch((error: unknown) =>
          this.options.log.error({ err: error }, 'could not audit a request'),
        );
      });
      next();
    };
  }

  /** The audited request, for the GraphQL context. */
  of(req: IncomingMessage): AuditedRequest | undefined {
    return this.requests.get(req);
  }

  /** A refusal by middleware (rate limit, body limit …), with the code the client gets. */
  recordRefusal({ req, code, status }: { req: IncomingMessage; code: string; status: number }) {
    const audited = this.requests.get(req);
    if (audited) audited.refusal ??= { code, status };
    else this.options.log.warn({ code, status }, 'refusal of a request the audit did not see');
  }

  private async finish(req: Request, res: Response, audited: AuditedRequest): Promise<void> {
    const httpStatus = res.statusCode;
    const durationMs = Date.now() - audited.receivedAt;
    for (const pending of audited.pending) {
      this.options.trail.record(newAuditEntry({ ...pending, httpStatus, durationMs }));
    }
    const refused = audited.refusal !== undefined || httpStatus >= 400;
    if (audited.operationsSeen > 0 || !refused) return;
    const caller = await this.options.principalOf(req).catch(() => null);
    this.options.trail.record(
      newAuditEntry({
        ...requestDocument(req),
        caller,
        clientIp: audited.clientIp,
        requestId: audited.requestId,
        receivedAt: audited.receivedAt,
        outcome: 'REFUSED',
        code: audited.refusal?.code ?? codeForStatus(httpStatus),
        httpStatus,
        durationMs,
      }),
    );
  }
}

/** The document of a request Apollo never read: from the JSON body or the GET query string. */
function requestDocument(req: Request): DocumentFacts {
  const body: unknown = req.body;
  const params: unknown =
    req.method === 'GET' ? req.query : body && typeof body === 'object' ? body : {};
  const { query, operationName } = (Array.isArray(params) ? {} : params) as Record<string, unknown>;
  return documentFacts(
    typeof query === 'string' ? query : undefined,
    typeof operationName === 'string' ? operationName : undefined,
  );
}

function headerValue(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first ? first : null;
}
