import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { LimitErrorCode, limitError, type GatewayLimits } from './limits';

/** Arguments that set how many items a list field returns. */
const PAGE_ARGUMENTS = ['first', 'last'] as const;

type Variables = Record<string, unknown>;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Variables;
  defaults: Map<string, number>;
  listFactor: number;
}

/**
 * The number of objects an operation may return at most: every object-typed field costs one for
 * each time it can appear. A page size (`first`/`last`) sets the length of the lists below it
 * (a connection's `edges` and `nodes`), whether it is written in the document or passed in a
 * variable, so a `$first` of 100 costs as much as a literal 100 and nested pages multiply. A list
 * without a page size (a history, a status breakdown) counts as `listFactor` items. Scalars cost
 * nothing: the depth, alias and token limits bound them.
 *
 * graphql-armor's cost limit is a validation rule: it sees no variables, and no page sizes at all.
 * This runs once the operation and its variables are known.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  listFactor: number,
): number {
  const rootType =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!rootType) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const defaults = new Map<string, number>();
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue?.kind === Kind.INT) defaults.set(v.variable.name.value, Number(v.defaultValue.value));
  }
  return selectionCost(
    { schema, fragments, variables, defaults, listFactor },
    rootType,
    operation.selectionSet,
    1,
    null,
  );
}

function selectionCost(
  walk: Walk,
  parentType: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  multiplier: number,
  pendingPageSize: number | null,
  visiting: ReadonlySet<string> = new Set(),
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__') || !selection.selectionSet) continue;
      if (!isObjectType(parentType) && !isInterfaceType(parentType)) continue;
      const field = parentType.getFields()[selection.name.value];
      if (!field) continue;
      const type = getNamedType(field.type);
      if (!isCompositeType(type)) continue;
      const pageSize = pageSizeOf(walk, field, selection);
      if (isListType(getNullableType(field.type))) {
        // A list's length: its own page size, else its connection's, else the assumed one.
        const items = multiplier * (pageSize ?? pendingPageSize ?? walk.listFactor);
        cost += items + selectionCost(walk, type, selection.selectionSet, items, null, visiting);
      } else {
        // One object (a connection, a node) per parent; its lists (edges, nodes) take its page size.
        cost += multiplier + selectionCost(walk, type, selection.selectionSet, multiplier, pageSize, visiting);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parentType;
      if (type && isCompositeType(type)) {
        cost += selectionCost(walk, type, selection.selectionSet, multiplier, pendingPageSize, visiting);
      }
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      // Validation refuses fragment cycles; the guard only keeps a bad document from looping here.
      if (!fragment || visiting.has(name)) continue;
      const type = walk.schema.getType(fragment.typeCondition.name.value);
      if (type && isCompositeType(type)) {
        const inside = new Set(visiting).add(name);
        cost += selectionCost(walk, type, fragment.selectionSet, multiplier, pendingPageSize, inside);
      }
    }
  }
  return cost;
}

/** The page size a field is asked for, or null when the field takes none. */
function pageSizeOf(walk: Walk, field: GraphQLField<unknown, unknown>, node: FieldNode): number | null {
  let size: number | null = null;
  for (const name of PAGE_ARGUMENTS) {
    const definition = field.args.find((a) => a.name === name);
    if (!definition) continue;
    const argument = node.arguments?.find((a) => a.name.value === name);
    let value: unknown = definition.defaultValue;
    if (argument?.value.kind === Kind.INT) value = Number(argument.value.value);
    else if (argument?.value.kind === Kind.VARIABLE) {
      const variable = argument.value.name.value;
      value = walk.variables[variable] ?? walk.defaults.get(variable) ?? definition.defaultValue;
    } else if (argument?.value.kind === Kind.NULL) value = definition.defaultValue;
    // A size the schema gives no default for, or not a number (refused later by coercion anyway).
    const n = typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.ceil(value)) : walk.listFactor;
    size = Math.max(size ?? 0, n);
  }
  return size;
}

/** Refuses an operation whose cost, with its variables, is above the limit, before any subgraph is called. */
export function costLimitPlugin(
  limits: Pick<GatewayLimits, 'maxCost' | 'listFactor'>,
): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {}, limits.listFactor);
          if (cost > limits.maxCost) {
            throw limitError(
              LimitErrorCode.QUERY_TOO_COSTLY,
              `Query cost limit of ${limits.maxCost} exceeded, found ${cost}: ask for smaller pages or fewer nested lists.`,
            );
          }
        },
      };
    },
  };
}
