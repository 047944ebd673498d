/**
 * Who may read what (ARCHITECTURE §6), written once as data and compiled both into every node
 * type's `@authorization` rules and into the Cypher predicate of the graph walks that
 * @neo4j/graphql cannot generate (`relatedKnowledge`, `history`), so the two cannot drift; the
 * permission fuzz (test/permission-fuzz.test.ts) holds them to one reference model.
 *
 * Only the PUBLIC rule skips authentication, so an anonymous caller sees PUBLIC nodes and
 * nothing else. Admins see everything.
 */
interface ReadCondition {
  level: 'PUBLIC' | 'RESTRICTED' | 'CONFIDENTIAL' | 'PERSONAL';
  /** The node property compared with a JWT claim; none for PUBLIC. */
  match?: { property: 'departmentSlug' | 'ownerId'; claim: 'department' | 'sub' };
  /** The node's list property that holds the JWT claim (RESTRICTED sharing). */
  listed?: { property: 'sharedWithDepartments'; claim: 'department' };
}

const readConditions: readonly ReadCondition[] = [
  { level: 'PUBLIC' },
  { level: 'RESTRICTED', match: { property: 'departmentSlug', claim: 'department' } },
  { level: 'RESTRICTED', listed: { property: 'sharedWithDepartments', claim: 'department' } },
  { level: 'CONFIDENTIAL', match: { property: 'departmentSlug', claim: 'department' } },
  { level: 'PERSONAL', match: { property: 'ownerId', claim: 'sub' } },
];

function graphqlWhere({ level, match, listed }: ReadCondition): string {
  const parts = [`accessLevel: { eq: ${level} }`];
  if (match) parts.push(`${match.property}: { eq: "$jwt.${match.claim}" }`);
  if (listed) parts.push(`${listed.property}: { includes: "$jwt.${listed.claim}" }`);
  return parts.join(', ');
}

const isAdmin = '{ where: { jwt: { roles: { includes: "admin" } } } }';

/**
 * The OR-ed `filter` rules for a node type. `wrap` places each condition under a relationship
 * for types whose visibility follows entries (a topic is visible through its entries).
 */
export function readFilterRules(wrap: (condition: string) => string = (c) => c): string {
  return [
    isAdmin,
    ...readConditions.map((condition) => {
      const where = `where: { node: { ${wrap(graphqlWhere(condition))} } }`;
      return condition.level === 'PUBLIC'
        ? `{ requireAuthentication: false, ${where} }`
        : `{ ${where} }`;
    }),
  ].join('\n');
}

/**
 * The same rules as a Cypher predicate on node `n`, for `@cypher` walks. `$jwt` is the verified
 * claims @neo4j/graphql passes to every custom Cypher statement (null for anonymous callers,
 * which then match PUBLIC only, as in the generated rules).
 */
export function cypherReadPredicate(n: string): string {
  const conditions = readConditions.map(({ level, match, listed }) => {
    const parts = [`${n}.accessLevel = '${level}'`];
    if (match) parts.push(`${n}.${match.property} = $jwt.${match.claim}`);
    if (listed) parts.push(`$jwt.${listed.claim} IN ${n}.${listed.property}`);
    return `(${parts.join(' AND ')})`;
  });
  return `('admin' IN coalesce($jwt.roles, []) OR ${conditions.join(' OR ')})`;
}

/**
 * The `validate` rules of a department-owned type: `filter` never stops a write (ARCHITECTURE
 * §5), so a written node must belong to the caller's department (or the caller be an admin)
 * AFTER a create or update, and BEFORE an update, a delete or a change of its relationships.
 */
export function departmentWriteRules(): string {
  const phases = [
    'when: [AFTER], operations: [CREATE, UPDATE]',
    'when: [BEFORE], operations: [UPDATE, DELETE, CREATE_RELATIONSHIP, DELETE_RELATIONSHIP]',
  ];
  return phases
    .flatMap((phase) => [
      `{ ${phase}, where: { jwt: { roles: { includes: "admin" } } } }`,
      `{ ${phase}, where: { node: { departmentSlug: { eq: "$jwt.department" } } } }`,
    ])
    .join('\n');
}

/**
 * The `filter` rules of a record two departments share (a share request) or one owns (a sharing
 * policy): admins, and members of a department named by one of `properties`.
 */
export function departmentReadRules(properties: readonly string[]): string {
  return [
    isAdmin,
    ...properties.map(
      (property) => `{ where: { node: { ${property}: { eq: "$jwt.department" } } } }`,
    ),
  ].join('\n');
}
