import { readFileSync } from 'node:fs';
import { Events } from '@daena/contracts';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { sameForEveryone, sealedVotes } from './visibility.js';
import { subscriptionRoutesFrom } from './supergraph-routes.js';

const supergraph = readFileSync(
  new URL('../../../schema/supergraph.graphql', import.meta.url),
  'utf8',
);
const api = buildSchema(
  readFileSync(new URL('../../../schema/api.graphql', import.meta.url), 'utf8'),
);
const { bridged, forwarded } = subscriptionRoutesFrom(supergraph);

/** The committed supergraph with one declaration rewritten. */
function problemsWith(from: string | RegExp, to: string): readonly string[] {
  const edited = supergraph.replace(from, to);
  expect(edited).not.toBe(supergraph);
  try {
    subscriptionRoutesFrom(edited);
  } catch (error) {
    return (error as { problems: readonly string[] }).problems;
  }
  return [];
}

describe('subscription routes read from the supergraph', () => {
  it('route every subscription field of the API, each to a known event or a subgraph', () => {
    const fields = Object.keys(api.getSubscriptionType()?.getFields() ?? {}).sort();
    expect([...bridged.keys(), ...forwarded.keys()].sort()).toEqual(fields);
    const known = new Set(Object.values(Events).map((event) => event.type));
    for (const route of bridged.values()) expect(known.has(route.event.type)).toBe(true);
    expect(forwarded.get('routeTaskStream')).toEqual({
      field: 'routeTaskStream',
      subgraph: 'agents',
    });
  });

  it('carry what each subgraph declared: event, twin, twin arguments and visibility', () => {
    const voteTally = bridged.get('voteTally');
    expect(voteTally).toMatchObject({ event: Events.voteCast, twin: 'voteTally' });
    expect(voteTally?.visibility).toBe(sealedVotes);
    expect(bridged.get('agentActivity')?.visibility).toBe(sameForEveryone);
    expect(bridged.get('agentMessages')?.visibility).toBeUndefined();
    const cast = Events.voteCast.create({ proposalId: 'p1', voteId: 'v9', agentId: 'a', round: 1 });
    expect(voteTally?.twinArguments['asOfVote']?.(cast)).toBe('v9');
  });

  it.each([
    ['voteTally', { proposalId: 'p1' }, { proposalId: 'p1' }, true],
    ['voteTally', { proposalId: 'p2' }, { proposalId: 'p1' }, false],
    ['voteTally', { proposalId: '' }, { proposalId: 'p1' }, false],
    ['proposalUpdates', {}, { proposalId: 'p1' }, true],
    ['proposalUpdates', { proposalId: 'p2' }, { proposalId: 'p1' }, false],
    ['agentActivity', { departmentId: null }, { departmentId: 'd1' }, true],
    ['agentActivity', { departmentId: 'd1' }, { departmentId: 'd1' }, true],
    ['agentMessages', { agentId: 'a2' }, { recipientAgentIds: ['a1', 'a2'] }, true],
    ['agentMessages', { agentId: 'a3' }, { recipientAgentIds: ['a1', 'a2'] }, false],
    ['routerSelections', { taskType: 'CODE' }, { taskType: 'code' }, true],
    ['routerSelections', { taskType: 'CODE' }, { taskType: 'analysis' }, false],
    ['routerSelections', {}, { taskType: 'analysis' }, true],
    [
      'knowledgeUpdates',
      { departmentId: 'd1' },
      { departmentId: 'd1', departmentSlug: 'hr' },
      true,
    ],
    [
      'knowledgeUpdates',
      { departmentId: 'd2' },
      { departmentId: 'd1', departmentSlug: 'hr' },
      false,
    ],
    [
      'knowledgeUpdates',
      { departmentSlug: 'hr' },
      { departmentId: 'd1', departmentSlug: 'hr' },
      true,
    ],
    ['knowledgeUpdates', {}, { departmentId: null, departmentSlug: 'hr' }, true],
  ])('%s(%j) matches an event with %j: %s', (field, args, data, expected) => {
    const event = { id: 'e', type: 't', occurredAt: '', version: 1, data };
    expect(bridged.get(field)?.matches(args, event)).toBe(expected);
  });

  it('carry the arguments of which a subscriber may give at most one', () => {
    expect(bridged.get('knowledgeUpdates')?.exclusive).toEqual(['departmentId', 'departmentSlug']);
    expect(bridged.get('voteTally')?.exclusive).toEqual([]);
    expect(
      problemsWith('exclusive: "departmentId departmentSlug"', 'exclusive: "departmentId slug"'),
    ).toEqual([
      'Subscription.knowledgeUpdates: exclusive names "slug", which is not one of its nullable arguments',
    ]);
  });

  it('fail when a subscription field declares no route', () => {
    expect(problemsWith(/ @busEvent\(event: "decisions\.vote\.cast"[^\n]*/, '')).toEqual([
      'Subscription.voteTally declares no route: add @busEvent or @subgraphStream in its subgraph',
    ]);
  });

  it('fail when a route names an event no contract declares', () => {
    expect(problemsWith('event: "decisions.vote.cast"', 'event: "decisions.vote.casted"')).toEqual([
      'Subscription.voteTally: @busEvent names an unknown event "decisions.vote.casted" (not in @daena/contracts)',
    ]);
  });

  it('fail on an unknown twin, argument or visibility class', () => {
    expect(problemsWith('twin: "agentActivity"', 'twin: "agentNow"')).toEqual([
      'Subscription.agentActivity: its twin Query.agentNow does not exist',
    ]);
    expect(
      problemsWith(
        'filter: "proposalId", twinArguments: "asOfVote',
        'filter: "id", twinArguments: "asOfVote',
      ),
    ).toEqual(['Subscription.voteTally: filter names "id", which is not one of its arguments']);
    expect(
      problemsWith('twinArguments: "asOfVote: voteId"', 'twinArguments: "since: voteId"'),
    ).toEqual([
      'Subscription.voteTally: its twin Query.voteTally has no argument "since" (twinArguments)',
    ]);
    expect(problemsWith('visibility: "byRoles"', 'visibility: "byRole"')).toEqual([
      'Subscription.routerSelections: @busEvent names an unknown visibility class "byRole"',
    ]);
  });
});
