import { ArgsType, Directive, Field, ID, InputType, Int } from 'type-graphql';
import { AuditOperationType, AuditOutcome } from '../domain/audit-entry.js';
import { auditPageSize } from '../domain/audit-page.js';

@InputType({
  description: 'Which audit entries to list; all fields are optional and combine (AND)',
})
export class AuditLogFilter {
  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => AuditOutcome, { nullable: true })
  outcome?: AuditOutcome | null;

  @Field(() => String, { nullable: true })
  code?: string | null;

  @Field(() => AuditOperationType, { nullable: true })
  operationType?: AuditOperationType | null;

  @Field(() => Date, { nullable: true, description: 'From this time on (inclusive)' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this time (exclusive)' })
  until?: Date | null;
}

// An argument class keeps the SDL in declaration order (filter, first, after).
@ArgsType()
export class AuditLogArgs {
  @Field(() => AuditLogFilter, { nullable: true })
  filter?: AuditLogFilter | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: auditPageSize.default,
    description: `How many entries, from ${auditPageSize.min} to ${auditPageSize.max}`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'pageInfo.endCursor of the page before' })
  after?: string | null;
}

/** An entry as the gateway sends it (internal: not part of the public API). */
@InputType()
@Directive('@inaccessible')
export class AuditEntryInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => [String], { nullable: true })
  roles?: string[] | null;

  @Field(() => String, { nullable: true })
  department?: string | null;

  @Field(() => String, { nullable: true })
  clientIp?: string | null;

  @Field(() => AuditOperationType, { nullable: true })
  operationType?: AuditOperationType | null;

  @Field(() => String, { nullable: true })
  operationName?: string | null;

  @Field(() => String, { nullable: true })
  documentSha256?: string | null;

  @Field(() => String, { nullable: true })
  document?: string | null;

  @Field(() => AuditOutcome)
  outcome!: AuditOutcome;

  @Field(() => String, { nullable: true })
  code?: string | null;

  @Field(() => Int, { nullable: true })
  httpStatus?: number | null;

  @Field(() => Int, { nullable: true })
  durationMs?: number | null;

  @Field(() => String, { nullable: true })
  requestId?: string | null;
}
