import { federationVersion } from '@daena/platform';

/**
 * The knowledge model for @neo4j/graphql (`getSubgraphSchema()`, Federation 2). Access
 * (ARCHITECTURE §6) is compiled into every generated Cypher query:
 *
 * - `filter` rules (OR-ed) hide entries the caller may not read, in reads, aggregations,
 *   `_entities`, and in the MATCH of updates and deletes. Only the PUBLIC rule skips
 *   authentication, so an anonymous caller sees PUBLIC entries and nothing else.
 * - `filter` never stops a write (ARCHITECTURE §5), so `validate` rules (OR-ed per phase) check
 *   that a written entry belongs to the caller's department, or that the caller is an admin:
 *   AFTER a create or update (no creating or moving entries into another department), and BEFORE
 *   an update or delete (no editing another department's PUBLIC or shared entries).
 * - `@authentication` on writes turns an anonymous write into "Unauthenticated" before any Cypher
 *   runs. It has no JWT `where`: multi-condition JWT `where` rules are flawed up to 7.6.7 (§5).
 * - `ownerId` and `id` are set by `@populatedBy` callbacks (entry-callbacks.ts), never by input.
 */
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

  """
  A piece of knowledge owned by one department. Lists hold at most 200 entries per page.
  """
  type KnowledgeEntry
    @node
    @key(fields: "id")
    @limit(default: 50, max: 200)
    @authentication(
      operations: [CREATE, UPDATE, DELETE, CREATE_RELATIONSHIP, DELETE_RELATIONSHIP]
    )
    @authorization(
      filter: [
        { requireAuthentication: false, where: { node: { accessLevel: { eq: PUBLIC } } } }
        { where: { jwt: { roles: { includes: "admin" } } } }
        {
          where: {
            node: { accessLevel: { eq: RESTRICTED }, departmentSlug: { eq: "$jwt.department" } }
          }
        }
        {
          where: {
            node: {
              accessLevel: { eq: RESTRICTED }
              sharedWithDepartments: { includes: "$jwt.department" }
            }
          }
        }
        {
          where: {
            node: { accessLevel: { eq: CONFIDENTIAL }, departmentSlug: { eq: "$jwt.department" } }
          }
        }
        { where: { node: { accessLevel: { eq: PERSONAL }, ownerId: { eq: "$jwt.sub" } } } }
      ]
      validate: [
        {
          when: [AFTER]
          operations: [CREATE, UPDATE]
          where: { jwt: { roles: { includes: "admin" } } }
        }
        {
          when: [AFTER]
          operations: [CREATE, UPDATE]
          where: { node: { departmentSlug: { eq: "$jwt.department" } } }
        }
        {
          when: [BEFORE]
          operations: [UPDATE, DELETE]
          where: { jwt: { roles: { includes: "admin" } } }
        }
        {
          when: [BEFORE]
          operations: [UPDATE, DELETE]
          where: { node: { departmentSlug: { eq: "$jwt.department" } } }
        }
      ]
    ) {
    id: ID!
      @populatedBy(callback: "newEntryId", operations: [CREATE])
      @settable(onCreate: false, onUpdate: false)
    "1 to 200 characters."
    title: String!
    "At most 20,000 characters."
    body: String!
    "The slug of the department that owns the entry."
    departmentSlug: String!
    accessLevel: KnowledgeAccessLevel!
    "Department slugs that may read a RESTRICTED entry besides its own department."
    sharedWithDepartments: [String!]!
    "The token subject of the entry's creator."
    ownerId: String!
      @populatedBy(callback: "callerSubject", operations: [CREATE])
      @settable(onCreate: false, onUpdate: false)
    createdAt: DateTime!
      @timestamp(operations: [CREATE])
      @settable(onCreate: false, onUpdate: false)
    updatedAt: DateTime! @timestamp
  }
`;
