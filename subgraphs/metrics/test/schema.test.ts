import { print, type GraphQLField, type GraphQLObjectType, type GraphQLUnionType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildMetricsSchema } from '../src/service.js';

/** `name(arg: Type = default, …): Type`, as the SDL would print it. */
function signature(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.map(
    (arg) =>
      `${arg.name}: ${String(arg.type)}${arg.defaultValue === undefined ? '' : ` = ${String(arg.defaultValue)}`}`,
  );
  return `${field.name}${args.length ? `(${args.join(', ')})` : ''}: ${String(field.type)}`;
}

function fieldsOf(type: GraphQLObjectType | null | undefined): string[] {
  return Object.values(type?.getFields() ?? {}).map(signature);
}

describe('metrics subgraph schema', () => {
  it('serves the metric queries with the documented arguments', async () => {
    const schema = await buildMetricsSchema();
    expect(fieldsOf(schema.getQueryType())).toEqual([
      'alerts(state: AlertState, severity: AlertSeverity, limit: Int = 100): [Alert!]!',
      'alertUpdate(state: AlertState, severity: AlertSeverity, transitionId: ID!): AlertUpdate',
      'auditLog(filter: AuditLogFilter, first: Int = 50, after: String): AuditLogConnection!',
      'forecast(metric: String!, horizon: Int!, step: Int!, at: DateTimeISO): [SeriesForecastResult!]!',
      'kpis(at: DateTimeISO): [Kpi!]!',
      'metricSamples(name: String!, since: DateTimeISO, limit: Int = 100): [MetricSample!]!',
      'metricSummary(name: String!, since: DateTimeISO): MetricSummary!',
      'metricNames: [String!]!',
      'series(metric: String!, range: TimeRangeInput!, step: Int!): [SeriesResult!]!',
      '_entities(representations: [_Any!]!): [_Entity]!',
      '_service: _Service!',
    ]);
  });

  it('keeps the audit writer out of the public API (@inaccessible)', async () => {
    const schema = await buildMetricsSchema();
    const mutation = schema.getMutationType();
    expect(fieldsOf(mutation)).toEqual(['recordAuditEntries(entries: [AuditEntryInput!]!): Int!']);
    const directivesOf = (node: { directives?: readonly Parameters<typeof print>[0][] } | null) =>
      node?.directives?.map((directive) => print(directive));
    expect(directivesOf(mutation?.getFields()['recordAuditEntries']?.astNode ?? null)).toEqual([
      '@inaccessible',
    ]);
    expect(directivesOf(schema.getType('AuditEntryInput')?.astNode ?? null)).toEqual([
      '@inaccessible',
    ]);
  });

  it('declares alertUpdates for the gateway bridge, with its query twin alertUpdate', async () => {
    const schema = await buildMetricsSchema();
    const field = schema.getSubscriptionType()?.getFields()['alertUpdates'];
    expect(field && signature(field)).toBe(
      'alertUpdates(state: AlertState, severity: AlertSeverity): AlertUpdate!',
    );
    expect(field?.astNode?.directives?.map((directive) => print(directive))).toEqual([
      '@busEvent(event: "metrics.alert.transitioned", twin: "alertUpdate", filter: "state severity", twinArguments: "transitionId", visibility: "sameForEveryone")',
    ]);
  });

  it('makes MetricSample a federation entity keyed by id', async () => {
    const schema = await buildMetricsSchema();
    const sample = schema.getType('MetricSample') as GraphQLObjectType;
    expect(fieldsOf(sample)).toEqual([
      'id: ID!',
      'name: String!',
      'value: Float!',
      'labels: JSONObject',
      'recordedAt: DateTimeISO!',
    ]);
    expect(sample.astNode?.directives?.map((directive) => print(directive))).toEqual([
      '@key(fields: "id")',
    ]);
    const entities = schema.getType('_Entity') as GraphQLUnionType;
    expect(entities.getTypes().map((type) => type.name)).toEqual(['Alert', 'MetricSample']);
  });
});
