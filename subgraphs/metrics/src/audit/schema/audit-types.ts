import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../schema/page-info.js';
import { AuditOperationType, AuditOutcome } from '../domain/audit-entry.js';

registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'How an audited request ended',
  valuesConfig: {
    OK: { description: 'A mutation that succeeded' },
    ERROR: { description: 'A mutation that ran and failed (code: the first error)' },
    REFUSED: { description: 'Refused: not parsed, not valid, over a limit, or not allowed' },
  },
});
registerEnumType(AuditOperationType, { name: 'AuditOperationType' });

@ObjectType({
  description:
    'One audited request: every mutation and every refused request, as the gateway saw it. ' +
    'Variables are never kept (they may hold secrets).',
})
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Date, { description: 'When the gateway received the request' })
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: "The token's subject; null if none" })
  subject!: string | null;

  @Field(() => [String], { description: "The token's roles" })
  roles!: string[];

  @Field(() => String, { nullable: true })
  department!: string | null;

  @Field(() => String, { nullable: true, description: 'The client address' })
  clientIp!: string | null;

  @Field(() => AuditOperationType, { nullable: true, description: 'Null if it did not parse' })
  operationType!: AuditOperationType | null;

  @Field(() => String, { nullable: true })
  operationName!: string | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the whole document' })
  documentSha256!: string | null;

  @Field(() => String, { nullable: true, description: 'The document, cut to 4096 characters' })
  document!: string | null;

  @Field(() => AuditOutcome)
  outcome!: AuditOutcome;

  @Field(() => String, {
    nullable: true,
    description: 'The error code, e.g. MAX_DEPTH_EXCEEDED or RATE_LIMITED; null when OK',
  })
  code!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The HTTP status answered; null over WebSocket',
  })
  httpStatus!: number | null;

  @Field(() => Int, { nullable: true })
  durationMs!: number | null;

  @Field(() => String, { nullable: true, description: 'The request id (X-Request-Id), if any' })
  requestId!: string | null;
}

@ObjectType({ description: 'One page of the audit log, newest first' })
export class AuditLogConnection {
  @Field(() => [AuditEntry])
  nodes!: AuditEntry[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
