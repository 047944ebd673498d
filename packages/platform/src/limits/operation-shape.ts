import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { documentFragments } from './document-fragments.js';

/** What an operation looks like once its fragments are spread, measured without the schema. */
export interface OperationShape {
  depth: number;
  aliases: number;
  rootFields: number;
  directives: number;
}

interface SetShape {
  depth: number;
  aliases: number;
  directives: number;
}

const empty: SetShape = { depth: 0, aliases: 0, directives: 0 };

/**
 * Measures an operation in one pass. Fragments are measured once and their counts added at each
 * spread, so `{ ...A ...A }` counts A's aliases twice (what execution would do) while a chain of
 * fragments each spreading the next twice costs linear time, not 2^n. A fragment cycle (refused
 * by validation anyway) counts as empty instead of recursing forever.
 */
export function measureOperation(
  operation: OperationDefinitionNode,
  document: DocumentNode,
): OperationShape {
  const fragments = documentFragments(document);
  const measured = new Map<string, SetShape>();
  const visiting = new Set<string>();

  const fragmentShape = (name: string): SetShape => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || visiting.has(name)) return empty;
    visiting.add(name);
    const shape = setShape(fragment.selectionSet);
    const withOwn = { ...shape, directives: shape.directives + (fragment.directives?.length ?? 0) };
    visiting.delete(name);
    measured.set(name, withOwn);
    return withOwn;
  };

  const setShape = (selectionSet: SelectionSetNode): SetShape => {
    let depth = 0;
    let aliases = 0;
    let directives = 0;
    for (const selection of selectionSet.selections) {
      directives += selection.directives?.length ?? 0;
      let inner: SetShape;
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases += 1;
        const children = selection.selectionSet ? setShape(selection.selectionSet) : empty;
        inner = { ...children, depth: children.depth + 1 };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = setShape(selection.selectionSet);
      } else {
        inner = fragmentShape(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
      directives += inner.directives;
    }
    return { depth, aliases, directives };
  };

  const shape = setShape(operation.selectionSet);
  return {
    ...shape,
    directives: shape.directives + (operation.directives?.length ?? 0),
    rootFields: countRootFields(operation.selectionSet, fragments, new Map()),
  };
}

/**
 * Root fields through fragments at the root (`{ ...Q }` with Q selecting 30 fields counts 30);
 * memoized per fragment like the shape, and a cycle counts 0.
 */
function countRootFields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  counted: Map<string, number>,
): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countRootFields(selection.selectionSet, fragments, counted);
    } else {
      const name = selection.name.value;
      const known = counted.get(name);
      if (known !== undefined) {
        count += known;
        continue;
      }
      const fragment = fragments.get(name);
      if (!fragment) continue;
      counted.set(name, 0);
      const inner = countRootFields(fragment.selectionSet, fragments, counted);
      counted.set(name, inner);
      count += inner;
    }
  }
  return count;
}
