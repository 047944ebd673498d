import {
  federationVersion,
  subscriptionDirectiveDefinitions,
  subscriptionDirectiveLink,
} from '@daena/platform';
import { Events } from '@daena/contracts';
import {
  cypherReadPredicate,
  departmentReadRules,
  departmentWriteRules,
  readFilterRules,
} from '../domain/access-rules.js';

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
      import: ["@key", "@shareable", "@composeDirective", "@inaccessible"]
    )
  ${subscriptionDirectiveLink}
  ${subscriptionDirectiveDefinitions}

  type JWT @jwt {
    sub: String
    roles: [String!]!
    department: String
  }

  "An agent of the organization, owned by the agents subgraph."
  type Agent @key(fields: "id", resolvable: false) {
    id: ID!
  }

  "A department of the organization, owned by the agents subgraph (found by its slug)."
  type Department @key(fields: "slug", resolvable: false) {
    slug: String!
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
    """
    A key the writer chooses so that a create it sends again makes no second entry (1 to 200
    characters): a create repeating a key its caller used before fails with CONFLICT
    (IDEMPOTENCY_KEY_REPEATED) naming the entry the first one made. Set on create only, never
    read back.
    """
    idempotencyKey: String
      @settable(onCreate: true, onUpdate: false)
      @selectable(onRead: false, onAggregate: false)
      @filterable(byValue: false, byAggregate: false)
      @sortable(byValue: false)
    "The slug of the department that owns the entry."
    departmentSlug: String!
    "That department, resolved by the agents subgraph (null for a slug it does not know)."
    department: Department @customResolver(requires: "departmentSlug")
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
    "That agent, resolved by the agents subgraph (null when no agent wrote it)."
    authorAgent: Agent @customResolver(requires: "authorAgentId")
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

  "Where a share request stands."
  enum KnowledgeShareStatus {
    "Waiting for the owning department's lead (or its Border Agent, by the owner's policy)."
    PENDING
    "A redacted copy was made for the target department and carried there by the Border Agents."
    APPROVED
    "The owning department said no; nothing was copied."
    REFUSED
    "Approved, then withdrawn: the copy is gone."
    REVOKED
  }

  """
  A request to share an entry with another department (issue 16 §6), routed over the Border
  Agents of the shortest hex path. Visible to both departments; written by the share mutations
  only.
  """
  type KnowledgeShare
    @node
    @limit(default: 50, max: 200)
    @mutation(operations: [])
    @authorization(filter: [${departmentReadRules(['fromDepartmentSlug', 'toDepartmentSlug'])}]) {
    id: ID!
    "The shared entry (the original)."
    entryId: ID!
    "The department that owns the entry."
    fromDepartmentSlug: String!
    "The department the redacted copy is for."
    toDepartmentSlug: String!
    "Why the share was asked for (1 to 500 characters)."
    reason: String!
    status: KnowledgeShareStatus!
    "The token subject of whoever asked."
    requestedBy: String!
    requestedAt: DateTime!
    """
    The owning department's Border Agent, which received the request (null until the Border
    Agents carried it: when the agents subgraph was down, the service sends it again later).
    """
    ownerBorderAgentId: ID
    "The message that carried the request (null until carried, as ownerBorderAgentId)."
    requestMessageId: ID
    """
    The message that carried the owner's answer back to the target department: the copy once
    approved, the refusal once refused (null until carried).
    """
    deliveryMessageId: ID
    "The Border Agents that relayed the request, then those that relayed the answer, in order."
    relayAgentIds: [ID!]!
    "The token subject of whoever approved, refused or revoked, and when."
    decidedBy: String
    decidedAt: DateTime
    "Why it was refused or revoked, when said."
    decisionReason: String
    "The redacted copy (APPROVED only; gone once REVOKED)."
    copyId: ID
  }

  """
  Who approves a department's outgoing shares: always its lead (and admins); its Border Agent too
  when the department says so.
  """
  type KnowledgeSharingPolicy
    @node
    @mutation(operations: [])
    @authorization(filter: [${departmentReadRules(['departmentSlug'])}]) {
    departmentSlug: String!
    borderAgentApproves: Boolean!
    "The token subject of the lead who set it."
    setBy: String!
    updatedAt: DateTime!
  }

  "What happened to an entry."
  enum KnowledgeChangeKind {
    CREATED
    UPDATED
    "A redacted copy arrived from another department."
    SHARED
    "A shared copy was withdrawn and is gone."
    REVOKED
  }

  """
  One change to an entry of a department, as \`knowledgeUpdates\` delivers it. It carries the
  entry's access properties as they were, so it is visible exactly to those who could read the
  entry (a REVOKED copy's change, to the department that had it).
  """
  type KnowledgeChange
    @node
    @limit(default: 50, max: 200)
    @mutation(operations: [])
    @authorization(filter: [${entryRead}]) {
    id: ID!
    change: KnowledgeChangeKind!
    entryId: ID!
    departmentSlug: String!
    accessLevel: KnowledgeAccessLevel!
    sharedWithDepartments: [String!]!
    ownerId: String!
    at: DateTime!
    "The entry as it is now: empty once it is gone, or for a caller who may no longer read it."
    entry: [KnowledgeEntry!]! @relationship(type: "CHANGED", direction: OUT, nestedOperations: [])
  }

  """
  An entry as its creation was recorded, for agents' autonomy sweep: no title or body, only what
  makes its task.
  """
  type CreatedKnowledgeEntry @inaccessible {
    id: ID!
    "The slug of the department that owns the entry."
    departmentSlug: String!
    "The agent that wrote it; null when a person did."
    authorAgentId: ID
    "When its creation was recorded."
    createdAt: DateTime!
  }

  type Mutation {
    """
    Asks the owning department to share entry \`entryId\` with a department: a message from that
    department's Border Agent to the owner's, over the Border Agents of the shortest hex path.
    Name the department by \`departmentId\` (a Department's id) or by \`departmentSlug\`, exactly
    one. The caller must be able to read the entry; PERSONAL entries are never shared.
    """
    requestShare(
      entryId: ID!
      departmentId: ID
      departmentSlug: String
      reason: String!
    ): KnowledgeShare!
    """
    Approves a pending share (the owner's lead, an admin, or the owner's Border Agent if its
    policy says so): a redacted copy (personal data removed, DERIVED_FROM the original) is made
    for the target department and carried there by the Border Agents.
    """
    approveShare(shareId: ID!): KnowledgeShare!
    """
    Refuses a pending share (the same approvers); nothing is copied. The refusal travels back to
    the requesting department through the Border Agents, as a copy does.
    """
    refuseShare(shareId: ID!, reason: String): KnowledgeShare!
    "Withdraws an approved share (the same approvers): the copy disappears for the target."
    revokeShare(shareId: ID!, reason: String): KnowledgeShare!
    "Lets the caller's department's Border Agent approve its outgoing shares, or not (its lead)."
    setSharingPolicy(borderAgentApproves: Boolean!): KnowledgeSharingPolicy!
  }

  type Subscription {
    """
    Changes to entries the caller may read, as they are committed: of the department named by
    \`departmentId\` (a Department's id) or by \`departmentSlug\`, at most one of the two
    (BAD_USER_INPUT otherwise), or of every department when neither is given.
    """
    knowledgeUpdates(departmentId: ID, departmentSlug: String): KnowledgeChange!
      @busEvent(
        event: "${Events.knowledgeEntryChanged.type}"
        twin: "knowledgeUpdate"
        filter: "departmentId departmentSlug"
        exclusive: "departmentId departmentSlug"
        twinArguments: "changeId"
      )
  }

  type Query {
    """
    Entries created at or after \`since\`, oldest first, at most \`limit\` (1 to 200): each as its
    \`knowledge.entry.created\` event told it, entries deleted since left out. For agents' autonomy
    sweep, which catches up on the events the bus lost: the agents service's token only.
    """
    createdEntriesSince(since: DateTime!, limit: Int!): [CreatedKnowledgeEntry!]! @inaccessible
    """
    Query twin of Subscription.knowledgeUpdates: change \`changeId\`, if it is of department
    \`departmentSlug\` when that is given (the gateway matches \`departmentId\` on the event).
    """
    knowledgeUpdate(departmentId: ID, departmentSlug: String, changeId: ID!): KnowledgeChange
      @cypher(
        statement: """
        MATCH (change:KnowledgeChange {id: $changeId})
        WHERE $departmentSlug IS NULL OR change.departmentSlug = $departmentSlug
        RETURN change
        """
        columnName: "change"
      )
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
