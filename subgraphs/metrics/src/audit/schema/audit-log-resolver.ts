import { Arg, Args, Ctx, Directive, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { MetricsContext } from '../../schema/context.js';
import type { AuditEntryDraft } from '../domain/audit-entry.js';
import { auditPageSize } from '../domain/audit-page.js';
import { readAuditLog, type AuditLogPage } from '../operations/read-audit-log.js';
import { recordAuditEntries } from '../operations/record-audit-entries.js';
import { requireAuditReader, requireAuditWriter } from './audit-access.js';
import { AuditEntryInput, AuditLogArgs } from './audit-inputs.js';
import { AuditLogConnection } from './audit-types.js';

@Resolver()
export class AuditLogResolver {
  @Query(() => AuditLogConnection, {
    description:
      'Every mutation and every refused request, newest first; admins only. ' +
      'Pass pageInfo.endCursor as `after` for the next page.',
  })
  auditLog(
    @Ctx() ctx: MetricsContext,
    @Args(() => AuditLogArgs) { filter, first, after }: AuditLogArgs,
  ): Promise<AuditLogPage> {
    requireAuditReader(ctx.principal);
    return readAuditLog(
      ctx.auditLog,
      {
        subject: filter?.subject ?? undefined,
        outcome: filter?.outcome ?? undefined,
        code: filter?.code ?? undefined,
        operationType: filter?.operationType ?? undefined,
        since: filter?.since ?? undefined,
        until: filter?.until ?? undefined,
      },
      first ?? auditPageSize.default,
      after ?? null,
    );
  }

  // Internal: the gateway's audit trail writes here with a service token. @inaccessible keeps
  // it out of the gateway's public API; the service token keeps everyone else out of it.
  @Mutation(() => Int, {
    description: 'Stores a batch of audit entries; returns how many were new',
  })
  @Directive('@inaccessible')
  recordAuditEntries(
    @Ctx() ctx: MetricsContext,
    @Arg('entries', () => [AuditEntryInput]) entries: AuditEntryInput[],
  ): Promise<number> {
    requireAuditWriter(ctx);
    return recordAuditEntries(ctx.auditLog, entries.map(toDraft));
  }
}

function toDraft(input: AuditEntryInput): AuditEntryDraft {
  return {
    id: input.id,
    occurredAt: input.occurredAt,
    subject: input.subject ?? null,
    roles: input.roles ?? [],
    department: input.department ?? null,
    clientIp: input.clientIp ?? null,
    operationType: input.operationType ?? null,
    operationName: input.operationName ?? null,
    documentSha256: input.documentSha256 ?? null,
    document: input.document ?? null,
    outcome: input.outcome,
    code: input.code ?? null,
    httpStatus: input.httpStatus ?? null,
    durationMs: input.durationMs ?? null,
    requestId: input.requestId ?? null,
  };
}
