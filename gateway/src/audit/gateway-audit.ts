import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { ConfigError, type Logger, type Principal } from '@daena/platform';
import type { Express } from 'express';
import type { Registry } from 'prom-client';
import type { GatewayConfig } from '../config.js';
import type { GatewayContext } from '../context.js';
import { clientAddress } from '../rate-limit/client-address.js';
import { documentFacts, newAuditEntry } from './audit-entry.js';
import { auditPlugin } from './audit-plugin.js';
import { isRetryableAuditFailure, metricsAuditSink } from './audit-sink.js';
import { AuditTrail } from './audit-trail.js';
import { RequestAudit } from './request-audit.js';

/** How long one batch may take to reach metrics before it counts as a failure (then retried). */
const sendTimeoutMs = 5_000;

/** The gateway's audit trail, wired: what gateway.ts hooks into startService. */
export interface GatewayAudit {
  /** For startService's plugins. */
  plugin: ApolloServerPlugin<GatewayContext>;
  /** For startService's configure, before every other middleware. */
  configure(app: Express): void;
  /** For the GraphQL context: `{ audit }`, this request's record. */
  contextOf(req: IncomingMessage): Pick<GatewayContext, 'audit'>;
  /** Middleware that refuses a request (429, 413 …) reports it here, with the code it answered. */
  recordRefusal(refusal: { req: IncomingMessage; code: string; status: number }): void;
  /** The graphql-ws server reports a subscription (or operation) it refused. */
  recordSocketRefusal(refusal: {
    request: IncomingMessage;
    principal: Principal | null;
    code: string;
    query?: string | undefined;
    operationName?: string | undefined;
  }): void;
  registerMetrics(registry: Registry): void;
  /** Flushes what is buffered; call after the server stopped taking requests. */
  close(): Promise<void>;
}

export interface GatewayAuditOptions {
  config: GatewayConfig;
  jwtSecret?: string | undefined;
  log: Logger;
  principalOf(request: IncomingMessage): Promise<Principal>;
}

/** The audit trail from the gateway's config; undefined when AUDIT_ENABLED=false. */
export function createGatewayAudit(options: GatewayAuditOptions): GatewayAudit | undefined {
  const { config, log } = options;
  if (!config.AUDIT_ENABLED) return undefined;
  if (!options.jwtSecret) {
    // Failing loudly: an audit trail that quietly switched itself off would be worse than none.
    throw new ConfigError(
      'JWT_SECRET',
      'JWT_SECRET: the audit trail signs its batches to metrics with it (or set AUDIT_ENABLED=false)',
    );
  }
  const auditLog = log.child({ component: 'audit-trail' });
  const trail = new AuditTrail({
    send: metricsAuditSink({
      url: config.METRICS_URL,
      secret: options.jwtSecret,
      issuer: config.JWT_ISSUER,
      timeoutMs: sendTimeoutMs,
      log: auditLog,
    }),
    isRetryable: isRetryableAuditFailure,
    log: auditLog,
  });
  const addressOf = clientAddress(config.RATE_LIMIT_TRUST_PROXY);
  const requests = new RequestAudit({
    trail,
    principalOf: options.principalOf,
    addressOf,
    log: auditLog,
  });
  return {
    plugin: auditPlugin(trail),
    configure: (app) => app.use('/graphql', requests.middleware()),
    contextOf: (req) => {
      const audit = requests.of(req);
      return audit ? { audit } : {};
    },
    recordRefusal: (refusal) => requests.recordRefusal(refusal),
    recordSocketRefusal({ request, principal, code, query, operationName }) {
      const receivedAt = Date.now();
      trail.record(
        newAuditEntry({
          ...documentFacts(query, operationName),
          caller: principal,
          clientIp: addressOf(request),
          requestId: null,
          receivedAt,
          outcome: 'REFUSED',
          code,
          httpStatus: null,
          durationMs: null,
        }),
      );
    },
    registerMetrics: (registry) => trail.registerMetrics(registry),
    close: () => trail.close(),
  };
}
