import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';
import { documentFacts, newAuditEntry } from './audit-entry.js';
import { auditOutcome } from './audit-outcome.js';
import type { AuditTrail } from './audit-trail.js';

/**
 * Audits what Apollo Server sees of each operation: every mutation (OK or ERROR with the first
 * error's code) and every operation refused before execution (parse or validation failure,
 * limits such as MAX_DEPTH_EXCEEDED, a plan refused in didResolveOperation) or denied while
 * running (UNAUTHENTICATED, FORBIDDEN). Over HTTP the entry joins its request (AuditedRequest)
 * and is written with the final status; operations run in-process (graphql-ws, the
 * subscription bridge) have no request, and only their mutations are recorded here.
 */
export function auditPlugin(trail: AuditTrail): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const request = contextValue.audit;
      if (request) request.operationsSeen++;
      const receivedAt = request?.receivedAt ?? Date.now();
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({
          response,
          source,
          document,
          operation,
          operationName,
          request: sent,
        }) {
          const facts = documentFacts(
            source ?? sent.query,
            operationName ?? sent.operationName ?? undefined,
            // Apollo parsed it, or could not: never parse a refused document twice.
            document ?? null,
          );
          const operationType = operation
            ? (operation.operation.toUpperCase() as typeof facts.operationType)
            : facts.operationType;
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : [];
          const verdict = auditOutcome({
            executed,
            operationType,
            codes: (errors ?? []).map((error) => String(error.extensions?.['code'] ?? 'UNKNOWN')),
          });
          if (!verdict || (!request && operationType !== 'MUTATION')) return;
          const { principal } = contextValue;
          const pending = {
            ...facts,
            operationType,
            ...verdict,
            caller: principal,
            clientIp: request?.clientIp ?? null,
            requestId: request?.requestId ?? null,
            receivedAt,
          };
          if (request) request.pending.push(pending);
          else {
            trail.record(
              newAuditEntry({ ...pending, httpStatus: null, durationMs: Date.now() - receivedAt }),
            );
          }
        },
      };
    },
  };
}
