import {
  GraphQLError,
  Kind,
  parseType,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

export interface QueryTwin {
  /** The subscription root field, e.g. `voteTally`. */
  field: FieldNode;
  /** The same selection as a query on the root field's twin, with the event arguments added. */
  document: DocumentNode;
  /** Names of the variables that carry event data into the twin, by twin argument name. */
  eventVariables: Record<string, string>;
}

const eventVariablePrefix = '__event_';

/**
 * Turns `subscription { voteTally(proposalId: $p) { …selection } }` into
 * `query ($__event_asOfVote: ID) { voteTally(proposalId: $p, asOfVote: $__event_asOfVote) { … } }`:
 * the query twin of the subscription root field, run once per event so that every field of the
 * payload (including fields owned by other subgraphs) resolves through the gateway's planner.
 * `twinName` is the Query field its route names (default: the same name); a twin of another
 * name is aliased, so the payload keeps the subscription field's key.
 */
export function buildQueryTwin(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  eventArguments: readonly string[],
  twinName?: string,
): QueryTwin {
  const operation = pickOperation(document, operationName);
  if (operation.operation !== 'subscription') {
    throw new GraphQLError('Expected a subscription operation');
  }
  const roots = operation.selectionSet.selections;
  const field = roots[0];
  if (roots.length !== 1 || field?.kind !== Kind.FIELD) {
    throw new GraphQLError('A subscription selects exactly one root field', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const twinField = schema.getQueryType()?.getFields()[twinName ?? field.name.value];
  if (!twinField) {
    throw new GraphQLError(`Subscription field "${field.name.value}" has no query twin`);
  }
  const renamed: Partial<FieldNode> =
    twinField.name === field.name.value
      ? {}
      : {
          name: { kind: Kind.NAME, value: twinField.name },
          alias: field.alias ?? { kind: Kind.NAME, value: field.name.value },
        };
  const eventVariables: Record<string, string> = {};
  const variableDefinitions = [...(operation.variableDefinitions ?? [])];
  const args = (field.arguments ?? []).filter((arg) => !eventArguments.includes(arg.name.value));
  for (const name of eventArguments) {
    const argument = twinField.args.find((arg) => arg.name === name);
    if (!argument)
      throw new GraphQLError(`Query twin "${twinField.name}" has no argument "${name}"`);
    const variable = `${eventVariablePrefix}${name}`;
    eventVariables[name] = variable;
    variableDefinitions.push({
      kind: Kind.VARIABLE_DEFINITION,
      variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: variable } },
      type: parseType(String(argument.type)),
    });
    args.push({
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: name },
      value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: variable } },
    });
  }
  const twin: OperationDefinitionNode = {
    ...operation,
    operation: 'query' as OperationDefinitionNode['operation'],
    variableDefinitions,
    selectionSet: {
      ...operation.selectionSet,
      selections: [{ ...field, ...renamed, arguments: args }],
    },
  };
  const fragments = document.definitions.filter((def) => def.kind === Kind.FRAGMENT_DEFINITION);
  return {
    field,
    document: { kind: Kind.DOCUMENT, definitions: [twin, ...fragments] },
    eventVariables,
  };
}

function pickOperation(
  document: DocumentNode,
  name: string | null | undefined,
): OperationDefinitionNode {
  const operations = document.definitions.filter(
    (def): def is OperationDefinitionNode => def.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = name ? operations.find((op) => op.name?.value === name) : operations[0];
  if (!operation || (!name && operations.length > 1)) {
    throw new GraphQLError(name ? `Unknown operation "${name}"` : 'Name the operation to run');
  }
  return operation;
}
