import {
  Kind,
  TypeInfo,
  getNamedType,
  parse,
  visit,
  visitWithTypeInfo,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

/**
 * Which subgraphs serve each field of the supergraph, read from its `@join__*` directives
 * (the Federation 2 supergraph spec). Entity key fields are left out: an id never changes, so
 * selecting `Agent.id` in a decisions response does not make that response depend on agents.
 */
export type SubgraphOwnership = ReadonlyMap<string, readonly string[]>;

export function subgraphOwnership(supergraphSdl: string): SubgraphOwnership {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph')
      continue;
    for (const value of definition.values ?? []) {
      const name = stringArgument(directive(value.directives, 'join__graph'), 'name');
      if (name) graphNames.set(value.name.value, name);
    }
  }
  const owners = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION
    )
      continue;
    const typeGraphs: string[] = [];
    const keyFields = new Set<string>();
    for (const node of definition.directives ?? []) {
      if (node.name.value !== 'join__type') continue;
      const graph = graphNames.get(enumArgument(node, 'graph') ?? '');
      if (graph) typeGraphs.push(graph);
      for (const field of (stringArgument(node, 'key') ?? '').split(/[\s{}]+/)) {
        if (field) keyFields.add(field);
      }
    }
    for (const field of definition.fields ?? []) {
      const joins = (field.directives ?? []).filter((node) => node.name.value === 'join__field');
      const resolving = joins.filter((node) => !booleanArgument(node, 'external'));
      // A key field is left out however it is joined: with several keys (Department by id and by
      // slug), composition joins `id` to each subgraph that declares it.
      const graphs = keyFields.has(field.name.value)
        ? []
        : joins.length === 0
          ? typeGraphs
          : resolving.flatMap((node) => graphNames.get(enumArgument(node, 'graph') ?? '') ?? []);
      owners.set(`${definition.name.value}.${field.name.value}`, [...new Set(graphs)]);
    }
  }
  return owners;
}

/** The subgraphs whose data an operation's selection can contain, sorted. */
export function operationSubgraphs(
  schema: GraphQLSchema,
  document: DocumentNode,
  ownership: SubgraphOwnership,
): string[] {
  const found = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith('__')) return;
        for (const graph of ownership.get(`${getNamedType(parent).name}.${node.name.value}`) ?? [])
          found.add(graph);
      },
    }),
  );
  return [...found].sort();
}

function directive(
  directives: readonly ConstDirectiveNode[] | undefined,
  name: string,
): ConstDirectiveNode | undefined {
  return directives?.find((node) => node.name.value === name);
}

function argument(node: ConstDirectiveNode | undefined, name: string) {
  return node?.arguments?.find((arg) => arg.name.value === name)?.value;
}

function stringArgument(node: ConstDirectiveNode | undefined, name: string): string | undefined {
  const value = argument(node, name);
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function enumArgument(node: ConstDirectiveNode, name: string): string | undefined {
  const value = argument(node, name);
  return value?.kind === Kind.ENUM ? value.value : undefined;
}

function booleanArgument(node: ConstDirectiveNode, name: string): boolean {
  const value = argument(node, name);
  return value?.kind === Kind.BOOLEAN && value.value;
}
