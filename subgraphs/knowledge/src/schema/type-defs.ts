import { federationVersion } from '@daena/platform';
import { cypherReadPredicate, departmentWriteRules, readFilterRules } from './access-rules.js';

/**
 * The knowledge graph for @neo4j/graphql (`getSubgraphSchema()`, Federation 2). Access
 * (ARCHITECTURE §6, access-rules.ts) is compiled into every generated Cypher query, for every
 * node type, so nested traversals, `…Aggregate`, `…Connection.totalCount`, full-text search and
 * `_entities` only ever meet nodes the caller may read:
 *
 * - `filter` rules (OR-ed) hide what the caller may not read, also in the MATCH of writes.
 * - `validate` rules stop writes into, or edits of, another department (`filter` does not).
 * - `@authentication` turns an anonymous write into "Unauthenticated" before any Cypher runs.
 * - `id`, `ownerId`, `version` and the classification are set by `@populatedBy` callbacks
 *   (entry-callbacks.ts) or by the service, never by input. RELATED_TO, DERIVED_FROM and
 *   SUPERSEDES are written by the service only (`nestedOperations: []`).
 * - The graph walks (`relatedKnowledge`, `history`) are `@cypher` with the same access
 *   predicate on every node of the path, and the library's filter again on what they return.
 */
const entryRead = readFilterRules();
const writeRules = departmentWriteRules();
const visible = cypherReadPredicate;

/** The most hops `relatedKnowledge` walks; the schema bounds `depth` to 1..this. */
export const relatedDepthMax = 3;

export const knowledgeTypeDefs = /* GraphQL */ `
  extend schema
    @link(
      url: "https://specs.apollo.dev/federation/${federationVersion}"
      import: ["@key", "@shareable"]
    )

  type JWT @jwt {
    sub: String
    roles: [String!]!
    department: String
  }

  """
  Who may read a knowledge entry. Admins read every entry.
  """
  enum KnowledgeAccessLevel {
    "Everyone, anonymous callers included."
    PUBLIC
    "The owning department and the departments in sharedWithDepartments."
    RESTRICTED
    "The owning department only."
    CONFIDENTIAL
    "The entry's owner only."
    PERSONAL
  }

  "What an entry is; classified from the content when the author does not say."
  enum KnowledgeKind {
    NOTE
    FACT
    PROCEDURE
    DECISION
    POLICY
    REPORT
  }

  "Why two entries are related, and how strongly (written by the service on each write)."
  type RelatedTo @relationshipProperties {
    "BM25 score of the full-text match divided by the entry's own score: (0, 1]."
    strength: Float!
    "How the relation was found."
    reason: String!
  }

  """
  A piece of knowledge owned by one department; its latest version. Lists hold at most 200
  entries per page.
  """
  type KnowledgeEntry
    @node
    @key(fields: "id")
    @limit(default: 50, max: 200)
    @fulltext(
      indexes: [
        { indexName: "knowledge_entry_text", queryName: "searchKnowledge", fields: ["title", "body"] }
      ]
    )
    @authentication(
      operations: [CREATE, UPDATE, DELETE, CREATE_RELATIONSHIP, DELETE_RELATIONSHIP]
    )
    @authorization(filter: [${entryRead}], validate: [${writeRules}]) {
    id: ID!
      @populatedBy(callback: "newEntryId", operations: [CREATE])
      @settable(onCreate: false, onUpdate: false)
    "1 to 200 characters."
    title: String!
    "At most 20,000 characters."
    body: String!
    "Never null once written: classified from the content when the author leaves it out."
    kind: KnowledgeKind
    "At most 20 tags of 1 to 64 characters."
    tags: [String!]
    "Where the knowledge comes from (a URL, a document, a meeting); at most 500 characters."
    source: String
    "The slug of the department that owns the entry."
    departmentSlug: String!
    "Less strict than suggestedAccessLevel only with an accessOverrideReason."
    accessLevel: KnowledgeAccessLevel!
    "Department slugs that may read a RESTRICTED entry besides its own department."
    sharedWithDepartments: [String!]!
    "The token subject of the entry's creator."
    ownerId: String!
      @populatedBy(callback: "callerSubject", operations: [CREATE])
      @settable(onCreate: false, onUpdate: false)
    "The agent that wrote the entry, when an agent did."
    authorAgentId: ID
    "1 on create, one more with each update (the previous versions are in history)."
    version: Int!
      @populatedBy(callback: "firstVersion", operations: [CREATE])
      @settable(onCreate: false, onUpdate: false)
    "The access level the content calls for (personal data pushes it up)."
    suggestedAccessLevel: KnowledgeAccessLevel!
      @populatedBy(callback: "suggestedAccessLevel", operations: [CREATE])
      @settable(onCreate: false, onUpdate: false)
    "Kinds of personal data found in the content (EMAIL, PHONE, IBAN, PAYMENT_CARD, SALARY)."
    personalData: [String!]!
      @populatedBy(callback: "personalData", operations: [CREATE])
      @settable(onCreate: false, onUpdate: false)
    "Why the author chose a less strict level than suggested (required then)."
    accessOverrideReason: String
    createdAt: DateTime!
      @timestamp(operations: [CREATE])
      @settable(onCreate: false, onUpdate: false)
    updatedAt: DateTime! @timestamp
    "What the entry is about."
    topics: [Topic!]!
      @relationship(type: "ABOUT", direction: OUT, nestedOperations: [CREATE, CONNECT, DISCONNECT])
    "Entries found related on write (both directions), with strength and reason."
    related: [KnowledgeEntry!]!
      @relationship(
        type: "RELATED_TO"
        direction: OUT
        properties: "RelatedTo"
        queryDirection: UNDIRECTED
        nestedOperations: []
      )
    "The entry this one is a copy of (a shared, redacted copy)."
    derivedFrom: [KnowledgeEntry!]!
      @relationship(type: "DERIVED_FROM", direction: OUT, nestedOperations: [])
    "Earlier versions, newest first."
    history: [KnowledgeVersion!]!
      @cypher(
        statement: """
        MATCH (this)-[:SUPERSEDES*1..]->(version:KnowledgeVersion)
        WHERE ${visible('version')}
        RETURN version ORDER BY version.version DESC
        """
        columnName: "version"
      )
  }

  """
  An earlier version of an entry, kept when an update replaced it. It carries the entry's current
  access properties, so it is visible exactly when the entry is.
  """
  type KnowledgeVersion
    @node
    @limit(default: 50, max: 200)
    @mutation(operations: [])
    @authorization(filter: [${entryRead}]) {
    entryId: ID!
    version: Int!
    title: String!
    body: String!
    kind: KnowledgeKind
    tags: [String!]
    source: String
    departmentSlug: String!
    accessLevel: KnowledgeAccessLevel!
    sharedWithDepartments: [String!]!
    ownerId: String!
    "When this version was written."
    updatedAt: DateTime!
    "When the next version replaced it."
    supersededAt: DateTime!
  }

  """
  A subject in one department's vocabulary. Its name is visible to the department and to
  whoever may read an entry about it; the entries stay filtered on their own.
  """
  type Topic
    @node
    @limit(default: 50, max: 200)
    @authentication(
      operations: [CREATE, UPDATE, DELETE, CREATE_RELATIONSHIP, DELETE_RELATIONSHIP]
    )
    @authorization(
      filter: [
        { where: { node: { departmentSlug: { eq: "$jwt.department" } } } }
        ${readFilterRules((condition) => `entries: { some: { ${condition} } }`)}
      ]
      validate: [${writeRules}]
    ) {
    "1 to 64 characters."
    name: String!
    departmentSlug: String!
    entries: [KnowledgeEntry!]!
      @relationship(type: "ABOUT", direction: IN, nestedOperations: [CONNECT, DISCONNECT])
  }

  type Query {
    """
    Entries reachable from entry \`id\` over RELATED_TO in 1 to ${relatedDepthMax} hops: the 50 with the
    strongest path (product of strengths) first; the walk never passes through an entry the
    caller may not read.
    """
    relatedKnowledge(id: ID!, depth: Int! = 1): [KnowledgeEntry!]!
      @cypher(
        statement: """
        MATCH (start:KnowledgeEntry {id: $id})
        WHERE ${visible('start')}
        MATCH path = (start)-[:RELATED_TO*1..${relatedDepthMax}]-(other:KnowledgeEntry)
        WHERE length(path) <= $depth AND other <> start
          AND all(node IN nodes(path) WHERE ${visible('node')})
        WITH other, max(reduce(s = 1.0, r IN relationships(path) | s * r.strength)) AS strength
        RETURN other ORDER BY strength DESC, other.id LIMIT 50
        """
        columnName: "other"
      )
  }
`;
