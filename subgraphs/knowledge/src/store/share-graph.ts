import { Neo4jError, type ManagedTransaction, type Transaction } from 'neo4j-driver';
import { cypherReadPredicate } from '../domain/access-rules.js';
import type { AccessLevel } from '../domain/classification.js';
import type { ShareStatus } from '../domain/share-rules.js';

type Tx = Transaction | ManagedTransaction;

/**
 * The share records, sharing policies, redacted copies and change records of issue 16 §6-7, as
 * Cypher the share mutations run in one transaction each. Reads that decide what a caller may
 * touch filter with the same access predicate as every other read (access-rules.ts), with the
 * caller's claims as `$jwt`.
 */

/** A caller's claims as the access predicate reads them (null: anonymous). */
export type Claims = { sub: string; roles: string[]; department?: string } | null;

export interface SharableEntry {
  id: string;
  title: string;
  body: string;
  kind: string | null;
  tags: string[] | null;
  source: string | null;
  departmentSlug: string;
  accessLevel: AccessLevel;
}

const entryProjection = `entry { .id, .title, .body, .kind, .tags, .source, .departmentSlug, .accessLevel }`;

/** The entry, if the caller may read it (else null, whether it exists or not). */
export async function readVisibleEntry(
  tx: Tx,
  id: string,
  jwt: Claims,
): Promise<SharableEntry | null> {
  const result = await tx.run(
    `MATCH (entry:KnowledgeEntry {id: $id}) WHERE ${cypherReadPredicate('entry')}
     RETURN ${entryProjection} AS entry`,
    { id, jwt },
  );
  return (result.records[0]?.get('entry') as SharableEntry | undefined) ?? null;
}

/** The entry as stored, for a decision already authorized on its share. */
export async function readEntry(tx: Tx, id: string): Promise<SharableEntry | null> {
  const result = await tx.run(
    `MATCH (entry:KnowledgeEntry {id: $id}) RETURN ${entryProjection} AS entry`,
    { id },
  );
  return (result.records[0]?.get('entry') as SharableEntry | undefined) ?? null;
}

export interface ShareRecord {
  id: string;
  entryId: string;
  fromDepartmentSlug: string;
  toDepartmentSlug: string;
  reason: string;
  status: ShareStatus;
  requestedBy: string;
  requestedAt: string;
  /** Null until the Border Agents carried the request (relay-outbox.ts). */
  ownerBorderAgentId: string | null;
  requestMessageId: string | null;
  deliveryMessageId: string | null;
  relayAgentIds: string[];
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  copyId: string | null;
}

/** A share as GraphQL reads it: every field, null when not (yet) set. */
export const shareProjection = `share { .id, .entryId, .fromDepartmentSlug, .toDepartmentSlug,
  .reason, .status, .requestedBy, .ownerBorderAgentId, .requestMessageId, .deliveryMessageId,
  .relayAgentIds, .decidedBy, .decisionReason, .copyId,
  requestedAt: toString(share.requestedAt), decidedAt: toString(share.decidedAt) }`;

/** Whether the entry has a pending or approved share with the department already. */
export async function hasOpenShare(tx: Tx, entryId: string, toSlug: string): Promise<boolean> {
  const result = await tx.run(
    `MATCH (share:KnowledgeShare {entryId: $entryId, toDepartmentSlug: $toSlug})
     WHERE share.status IN ['PENDING', 'APPROVED'] RETURN count(share) AS open`,
    { entryId, toSlug },
  );
  return Number(result.records[0]?.get('open') ?? 0) > 0;
}

export type NewShare = Pick<
  ShareRecord,
  'id' | 'entryId' | 'fromDepartmentSlug' | 'toDepartmentSlug' | 'reason' | 'status' | 'requestedBy'
>;

/**
 * The property a uniqueness constraint (neo4j-store.ts) holds to one open (PENDING or APPROVED)
 * share per entry and target department, so two concurrent requests cannot both be written;
 * removed when the share is refused or revoked, so the pair may be asked for again.
 */
const openKey = `share.entryId + '/' + share.toDepartmentSlug`;
export const openShareConstraint = 'knowledge_share_open';

export async function createShare(tx: Tx, share: NewShare): Promise<ShareRecord> {
  const result = await tx.run(
    `CREATE (share:KnowledgeShare) SET share = $share, share.requestedAt = datetime(),
       share.relayAgentIds = [], share.openKey = ${openKey}
     RETURN ${shareProjection} AS share`,
    { share },
  );
  return result.records[0]?.get('share') as ShareRecord;
}

/** Whether `error` is the open-share constraint refusing a second open share for a pair. */
export function isOpenShareTaken(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed' &&
    error.message.includes('openKey')
  );
}

/**
 * The share, if the caller may see it (admins, both departments), locked for the rest of the
 * transaction so two decisions on one share run one after the other.
 */
export async function readShareForDecision(
  tx: Tx,
  id: string,
  jwt: Claims,
): Promise<ShareRecord | null> {
  const result = await tx.run(
    `MATCH (share:KnowledgeShare {id: $id})
     WHERE 'admin' IN coalesce($jwt.roles, [])
        OR share.fromDepartmentSlug = $jwt.department OR share.toDepartmentSlug = $jwt.department
     SET share._lock = true REMOVE share._lock
     RETURN ${shareProjection} AS share`,
    { id, jwt },
  );
  return (result.records[0]?.get('share') as ShareRecord | undefined) ?? null;
}

export async function updateShare(
  tx: Tx,
  id: string,
  changes: Partial<Omit<ShareRecord, 'id' | 'decidedAt' | 'requestedAt'>>,
): Promise<ShareRecord> {
  const result = await tx.run(
    `MATCH (share:KnowledgeShare {id: $id}) SET share += $changes, share.decidedAt = datetime()
     FOREACH (_ IN CASE WHEN share.status IN ['REFUSED', 'REVOKED'] THEN [1] ELSE [] END |
       REMOVE share.openKey)
     RETURN ${shareProjection} AS share`,
    { id, changes },
  );
  return result.records[0]?.get('share') as ShareRecord;
}

/** Whether the department lets its Border Agent decide its shares (no policy: no). */
export async function borderAgentApproves(tx: Tx, departmentSlug: string): Promise<boolean> {
  const result = await tx.run(
    `MATCH (policy:KnowledgeSharingPolicy {departmentSlug: $departmentSlug})
     RETURN policy.borderAgentApproves AS approves`,
    { departmentSlug },
  );
  return result.records[0]?.get('approves') === true;
}

export interface PolicyRecord {
  departmentSlug: string;
  borderAgentApproves: boolean;
  setBy: string;
  updatedAt: string;
}

export async function setPolicy(
  tx: Tx,
  policy: Omit<PolicyRecord, 'updatedAt'>,
): Promise<PolicyRecord> {
  const result = await tx.run(
    `MERGE (policy:KnowledgeSharingPolicy {departmentSlug: $policy.departmentSlug})
     SET policy.borderAgentApproves = $policy.borderAgentApproves, policy.setBy = $policy.setBy,
         policy.updatedAt = datetime()
     RETURN policy { .*, updatedAt: toString(policy.updatedAt) } AS policy`,
    { policy },
  );
  return result.records[0]?.get('policy') as PolicyRecord;
}

/** A redacted copy, as the share approval makes it for the target department. */
export interface CopyDraft {
  id: string;
  title: string;
  body: string;
  kind: string | null;
  tags: string[] | null;
  source: string | null;
  departmentSlug: string;
  ownerId: string;
  suggestedAccessLevel: AccessLevel;
  personalData: string[];
}

/**
 * Writes the copy, CONFIDENTIAL to the target department (its members read it; nobody else gains
 * anything), DERIVED_FROM the original.
 */
export async function createCopy(tx: Tx, copy: CopyDraft, originalId: string): Promise<void> {
  await tx.run(
    `MATCH (original:KnowledgeEntry {id: $originalId})
     CREATE (copy:KnowledgeEntry)-[:DERIVED_FROM]->(original)
     SET copy = $copy, copy.accessLevel = 'CONFIDENTIAL', copy.sharedWithDepartments = [],
         copy.version = 1, copy.createdAt = datetime(), copy.updatedAt = datetime()`,
    { copy, originalId },
  );
}

/** Deletes a shared copy with its versions; its REVOKED change keeps its access properties. */
export async function deleteCopy(tx: Tx, copyId: string): Promise<string | null> {
  const [changeId] = await recordChanges(tx, [copyId], 'REVOKED');
  await tx.run(
    `MATCH (copy:KnowledgeEntry {id: $copyId})
     OPTIONAL MATCH (copy)-[:SUPERSEDES*1..]->(version:KnowledgeVersion)
     DETACH DELETE copy, version`,
    { copyId },
  );
  return changeId ?? null;
}

export type ChangeKind = 'CREATED' | 'UPDATED' | 'SHARED' | 'REVOKED';

/** A change record visible as its entry is (at the time), linked to it. */
export interface RecordedChange {
  changeId: string;
  entryId: string;
  departmentSlug: string;
}

/**
 * One KnowledgeChange per entry, carrying the entry's access properties now, so its
 * `@authorization` filter shows it exactly to those who may read the entry. Returns the change
 * ids, in the order of `entryIds` (entries that do not exist get none).
 */
export async function recordChanges(
  tx: Tx,
  entryIds: readonly string[],
  change: ChangeKind,
): Promise<string[]> {
  return (await recordChangesOf(tx, entryIds, change)).map((recorded) => recorded.changeId);
}

/**
 * `authorAgentIds`, in the order of `entryIds`, are kept on CREATED records: the author its
 * `knowledge.entry.created` event named (an agent caller's id when the input named none), which
 * agents' sweep reads back.
 */
export async function recordChangesOf(
  tx: Tx,
  entryIds: readonly string[],
  change: ChangeKind,
  authorAgentIds: readonly (string | null)[] = [],
): Promise<RecordedChange[]> {
  if (entryIds.length === 0) return [];
  const result = await tx.run(
    `UNWIND range(0, size($entryIds) - 1) AS i
     MATCH (entry:KnowledgeEntry {id: $entryIds[i]})
     CREATE (change:KnowledgeChange {
       id: randomUUID(), change: $change, entryId: entry.id, departmentSlug: entry.departmentSlug,
       accessLevel: entry.accessLevel, sharedWithDepartments: entry.sharedWithDepartments,
       ownerId: entry.ownerId, authorAgentId: $authorAgentIds[i], at: datetime()
     })
     CREATE (change)-[:CHANGED]->(entry)
     RETURN change.id AS changeId, entry.id AS entryId, entry.departmentSlug AS departmentSlug
     ORDER BY i`,
    { entryIds, change, authorAgentIds },
  );
  return result.records.map((record) => ({
    changeId: record.get('changeId') as string,
    entryId: record.get('entryId') as string,
    departmentSlug: record.get('departmentSlug') as string,
  }));
}
