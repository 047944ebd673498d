import { buildSchema, parse, print, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildQueryTwin } from './query-twin.js';

const schema = buildSchema(`
  type Tally { proposalId: ID! approve: Int! lastVote: Vote }
  type Vote { id: ID! agent: Agent! }
  type Agent { id: ID! name: String! }
  type Query {
    voteTally(proposalId: ID!, asOfVote: ID): Tally!
    tallyAsOf(proposalId: ID!, asOfVote: ID): Tally!
  }
  type Subscription { voteTally(proposalId: ID!): Tally! }
`);

describe('buildQueryTwin', () => {
  it('turns a subscription into its query twin with event variables, keeping fragments', () => {
    const document = parse(`
      subscription Live($id: ID!) { voteTally(proposalId: $id) { approve ...Who } }
      fragment Who on Tally { lastVote { agent { name } } }
    `);
    const twin = buildQueryTwin(schema, document, 'Live', ['asOfVote']);
    expect(twin.eventVariables).toEqual({ asOfVote: '__event_asOfVote' });
    expect(print(twin.document)).toContain(
      'query Live($id: ID!, $__event_asOfVote: ID) {\n  voteTally(proposalId: $id, asOfVote: $__event_asOfVote)',
    );
    expect(print(twin.document)).toContain('fragment Who on Tally');
    expect(validate(schema, twin.document)).toEqual([]);
  });

  it("runs a twin of another name under the subscription field's key", () => {
    const document = parse('subscription { voteTally(proposalId: "1") { approve } }');
    const twin = buildQueryTwin(schema, document, undefined, ['asOfVote'], 'tallyAsOf');
    expect(print(twin.document)).toContain(
      'voteTally: tallyAsOf(proposalId: "1", asOfVote: $__event_asOfVote)',
    );
    expect(validate(schema, twin.document)).toEqual([]);
  });

  it('rejects more than one root field', () => {
    const document = parse(
      'subscription { a: voteTally(proposalId: "1") { approve } b: voteTally(proposalId: "2") { approve } }',
    );
    expect(() => buildQueryTwin(schema, document, undefined, ['asOfVote'])).toThrow(
      /exactly one root field/,
    );
  });

  it('rejects a twin argument the query field does not have', () => {
    const document = parse('subscription { voteTally(proposalId: "1") { approve } }');
    expect(() => buildQueryTwin(schema, document, undefined, ['since'])).toThrow(
      /no argument "since"/,
    );
  });

  it('overrides a client-supplied event argument', () => {
    const document = parse('subscription { voteTally(proposalId: "1") { approve } }');
    const twin = buildQueryTwin(schema, document, undefined, ['asOfVote']);
    expect(print(twin.document)).not.toContain('asOfVote: "');
  });
});
