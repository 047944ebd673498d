import { createHash, randomUUID } from 'node:crypto';
import type {
  AuditEntryInput,
  AuditOperationType,
  AuditOutcome,
} from '@daena/contracts/graphql/metrics';
import { parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/**
 * One audited request, as `recordAuditEntries(entries: [AuditEntryInput!]!)` on the metrics
 * subgraph takes it (schema/metrics.graphql), every field set. Never the variables: they may hold
 * secrets.
 */
export interface AuditEntry extends AuditEntryInput {
  /** Chosen here, once: metrics inserts by id, so a retried batch cannot duplicate. */
  id: string;
  occurredAt: string;
  subject: string | null;
  roles: string[];
  department: string | null;
  clientIp: string | null;
  operationType: AuditOperationType | null;
  operationName: string | null;
  documentSha256: string | null;
  document: string | null;
  outcome: AuditOutcome;
  code: string | null;
  httpStatus: number | null;
  durationMs: number | null;
  requestId: string | null;
}

/**
 * The bounds metrics enforces (its auditBounds, owned by subgraphs/metrics/src/audit/domain):
 * entries are cut to them here, since metrics refuses a batch with one entry out of bounds.
 * gateway/test/audit-log.test.ts checks both agree.
 */
export const auditEntryBounds = {
  subject: 200,
  roles: 16,
  role: 64,
  department: 200,
  clientIp: 100,
  operationName: 200,
  document: 4096,
  code: 100,
  requestId: 200,
  durationMs: 3_600_000,
} as const;

/** `text` cut to `max` UTF-16 units, never in the middle of a surrogate pair; null for ''. */
export function cut(text: string | null | undefined, max: number): string | null {
  if (!text) return null;
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** The entry within every bound metrics checks (a stored entry is better than a refused batch). */
export function boundEntry(entry: AuditEntry): AuditEntry {
  const b = auditEntryBounds;
  return {
    ...entry,
    subject: cut(entry.subject, b.subject),
    roles: entry.roles
      .slice(0, b.roles)
      .map((role) => cut(role, b.role))
      .filter((role): role is string => role !== null),
    department: cut(entry.department, b.department),
    clientIp: cut(entry.clientIp, b.clientIp),
    operationName: cut(entry.operationName, b.operationName),
    document: cut(entry.document, b.document),
    code: cut(entry.code, b.code),
    requestId: cut(entry.requestId, b.requestId),
    durationMs:
      entry.durationMs === null
        ? null
        : Math.min(Math.max(0, Math.round(entry.durationMs)), b.durationMs),
  };
}

/** What an entry says about the document: its kind, name, hash and (cut) text. */
export type DocumentFacts = Pick<
  AuditEntry,
  'operationType' | 'operationName' | 'documentSha256' | 'document'
>;

/** Parsing a refused document for its kind reads this many tokens at most (it may be hostile). */
const maxParseTokens = 10_000;

/**
 * The facts of a request's document. `parsed` is the AST when the server parsed it already, and
 * null when the server failed to (no second attempt). Left undefined, the text is parsed
 * (bounded) only to find which operation it is; a document that does not parse has no type.
 */
export function documentFacts(
  source: string | undefined,
  operationName: string | undefined,
  parsed?: DocumentNode | null,
): DocumentFacts {
  let document = parsed ?? undefined;
  if (parsed === undefined && source) {
    try {
      document = parse(source, { noLocation: true, maxTokens: maxParseTokens });
    } catch {
      document = undefined;
    }
  }
  const operation = document ? operationOf(document, operationName) : undefined;
  return {
    operationType: operation ? (operation.operation.toUpperCase() as AuditOperationType) : null,
    operationName: operationName ?? operation?.name?.value ?? null,
    documentSha256: source ? createHash('sha256').update(source).digest('hex') : null,
    document: cut(source, auditEntryBounds.document),
  };
}

function operationOf(
  document: DocumentNode,
  name: string | undefined,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === 'OperationDefinition',
  );
  if (name === undefined) return operations.length === 1 ? operations[0] : undefined;
  return operations.find((operation) => operation.name?.value === name);
}

/** Who asked: the verified caller, or nobody (anonymous, or a token that was refused). */
export interface AuditCaller {
  sub: string | null;
  roles: readonly string[];
  department: string | null;
}

export interface AuditFacts extends DocumentFacts {
  caller: AuditCaller | null;
  clientIp: string | null;
  requestId: string | null;
  receivedAt: number;
  outcome: AuditOutcome;
  code: string | null;
  httpStatus: number | null;
  durationMs: number | null;
}

/** A new entry with an id of its own (the key that makes retried inserts idempotent). */
export function newAuditEntry(facts: AuditFacts): AuditEntry {
  return {
    id: randomUUID(),
    occurredAt: new Date(facts.receivedAt).toISOString(),
    subject: facts.caller?.sub ?? null,
    roles: [...(facts.caller?.roles ?? [])],
    department: facts.caller?.department ?? null,
    clientIp: facts.clientIp,
    operationType: facts.operationType,
    operationName: facts.operationName,
    documentSha256: facts.documentSha256,
    document: facts.document,
    outcome: facts.outcome,
    code: facts.code,
    httpStatus: facts.httpStatus,
    durationMs: facts.durationMs,
    requestId: facts.requestId,
  };
}
