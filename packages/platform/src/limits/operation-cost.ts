import {
  getDirectiveValues,
  getNamedType,
  getNullableType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { documentFragments } from './document-fragments.js';

/** Arguments that say how many items a list (or a connection's page) returns. */
const slicingArguments = new Set(['first', 'last', 'limit']);
/**
 * Federation's `_entities` returns one item per representation the gateway sends: the gateway
 * priced the query that needs them, and the body-size limit bounds how many one request carries,
 * so a subgraph prices each entity once (a plan fetching 6,400 agents must not be refused where
 * the client's query was allowed).
 */
const entitiesField = '_entities';
/** A mutation does work beyond what it returns (Apollo's demand control prices it at 10). */
const mutationFieldCost = 10;

export interface CostOptions {
  /** The size assumed for a list whose page argument is not given. */
  defaultListSize: number;
}

/**
 * Estimated cost of an operation, after the IBM GraphQL cost specification and Apollo's demand
 * control: each field returning an object costs 1, a scalar 0, a mutation root field 10, and a
 * list multiplies its items' cost by its size. The size is the page argument (`first`, `last`,
 * `limit`; a connection's page sizes its `nodes`/`edges`), or `defaultListSize` when none is
 * given (`_entities`: see below). `@skip`/`@include` are honoured; fragments
 * are priced once per spread type and memoized, so the estimate is linear in the document.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  options: CostOptions,
): number {
  const fragments = documentFragments(document);
  const priced = new Map<string, number>();
  const pricing = new Set<string>();

  const included = (node: FieldNode | { directives?: FieldNode['directives'] }): boolean => {
    if (!node.directives?.length) return true;
    const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
    if (skip?.['if'] === true) return false;
    const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
    return include?.['if'] !== false;
  };

  const argumentValue = (field: FieldNode, definition: GraphQLArgument): unknown => {
    const node = field.arguments?.find((argument) => argument.name.value === definition.name);
    return node ? valueFromAST(node.value, definition.type, variables) : definition.defaultValue;
  };

  /** How many items a field returns, or undefined when it is a single value. */
  const sizeOf = (
    parent: GraphQLCompositeType,
    definition: GraphQLField<unknown, unknown>,
    node: FieldNode,
  ): number | undefined => {
    for (const argument of definition.args) {
      if (slicingArguments.has(argument.name)) {
        const value = argumentValue(node, argument);
        return typeof value === 'number' && value >= 0 ? value : options.defaultListSize;
      }
    }
    if (!isListType(getNullableType(definition.type))) return undefined;
    if (definition.name === entitiesField) return 1;
    // A connection's items are sized by the field that returned the connection.
    if (/(Connection|Page)$/.test(parent.name) && ['nodes', 'edges'].includes(definition.name)) {
      return 1;
    }
    return options.defaultListSize;
  };

  const fieldCost = (parent: GraphQLCompositeType, node: FieldNode, rootCost: number): number => {
    if (node.name.value === '__typename') return 0;
    const definition = fieldDefinition(schema, parent, node.name.value);
    if (!definition) return 0;
    const type = getNamedType(definition.type);
    const own = isCompositeType(type) ? Math.max(1, rootCost) : rootCost;
    const children =
      node.selectionSet && isCompositeType(type) ? setCost(type, node.selectionSet) : 0;
    const size = sizeOf(parent, definition, node);
    return (size ?? 1) * (own + children);
  };

  const setCost = (
    parent: GraphQLCompositeType,
    selectionSet: SelectionSetNode,
    rootCost = 0,
  ): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        cost += fieldCost(parent, selection, rootCost);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        if (condition && isCompositeType(condition)) {
          cost += setCost(condition, selection.selectionSet, rootCost);
        }
      } else {
        cost += fragmentCost(selection.name.value, rootCost);
      }
    }
    return cost;
  };

  const fragmentCost = (name: string, rootCost: number): number => {
    const key = `${name}:${rootCost}`;
    const known = priced.get(key);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    const condition = fragment && schema.getType(fragment.typeCondition.name.value);
    if (!fragment || !condition || !isCompositeType(condition) || pricing.has(key)) return 0;
    pricing.add(key);
    const cost = setCost(condition, fragment.selectionSet, rootCost);
    pricing.delete(key);
    priced.set(key, cost);
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  return setCost(
    root,
    operation.selectionSet,
    operation.operation === 'mutation' ? mutationFieldCost : 0,
  );
}

function fieldDefinition(
  schema: GraphQLSchema,
  parent: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === '__schema' || name === '__type') {
    const introspection = schema.getType(name === '__schema' ? '__Schema' : '__Type');
    if (!introspection) return undefined;
    return {
      name,
      type: introspection,
      args: [],
    } as unknown as GraphQLField<unknown, unknown>;
  }
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  return undefined;
}
