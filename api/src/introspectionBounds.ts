// Bounds of introspection queries. GraphiQL, GraphQL Code Generator, Apollo and Postman read the
// schema with the standard introspection query (nesting 15, lists types -> fields -> args). It
// costs nothing in the cost model (it reads the schema in memory), so it gets bounds of its own:
// a query that nests the schema's lists deeper (types -> fields -> type -> fields -> ...) would
// multiply its answer with every level.
import { type ASTNode, GraphQLError, Kind, type SelectionSetNode, type ValidationContext } from 'graphql';

export const INTROSPECTION_LIMITS = {
  /** Nesting of fields below __schema / __type (the standard query: 14, its type references 8 ofType deep). */
  depth: 20,
  /** Lists inside lists (the standard query: types -> fields -> args = 3). */
  lists: 3,
};

const LIST_FIELDS = new Set(['types', 'fields', 'args', 'inputFields', 'interfaces', 'possibleTypes', 'enumValues', 'directives']);

type Extent = { depth: number; lists: number };

/** The deepest nesting and list nesting of a selection, fragments followed (a cycle ends the walk; GraphQL reports it). */
function extentOf(context: ValidationContext, set: SelectionSetNode | undefined, seen: Set<string>): Extent {
  const extent: Extent = { depth: 0, lists: 0 };
  for (const selection of set?.selections ?? []) {
    let inner: Extent;
    if (selection.kind === Kind.FIELD) {
      const below = extentOf(context, selection.selectionSet, seen);
      inner = { depth: below.depth + 1, lists: below.lists + (LIST_FIELDS.has(selection.name.value) ? 1 : 0) };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = extentOf(context, selection.selectionSet, seen);
    } else {
      const name = selection.name.value;
      const fragment = seen.has(name) ? undefined : context.getFragment(name);
      inner = fragment ? extentOf(context, fragment.selectionSet, new Set([...seen, name])) : { depth: 0, lists: 0 };
    }
    extent.depth = Math.max(extent.depth, inner.depth);
    extent.lists = Math.max(extent.lists, inner.lists);
  }
  return extent;
}

export function introspectionBoundsRule(context: ValidationContext) {
  return {
    Field(node: ASTNode & { kind: Kind.FIELD }) {
      if (node.name.value !== '__schema' && node.name.value !== '__type') return;
      const { depth, lists } = extentOf(context, node.selectionSet, new Set());
      if (depth > INTROSPECTION_LIMITS.depth || lists > INTROSPECTION_LIMITS.lists) {
        context.reportError(
          new GraphQLError(
            `Introspection nested too deep: ${depth} levels and ${lists} lists inside lists below ${node.name.value}; the limits are ${INTROSPECTION_LIMITS.depth} and ${INTROSPECTION_LIMITS.lists} (the standard introspection query needs 14 and 3).`,
            { nodes: [node] },
          ),
        );
      }
    },
  };
}
