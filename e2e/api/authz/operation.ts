import {
  buildASTSchema,
  getNamedType,
  isLeafType,
  isObjectType,
  Kind,
  parse,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { GraphQLResponse } from '@umrah/test-kit';
import type { Outcome } from './policy';

export type OperationKind = 'query' | 'mutation';

export interface Supergraph {
  schema: GraphQLSchema;
  queries: string[];
  mutations: string[];
  /** `subgraph.Type` for every entity a subgraph resolves (`@join__type(graph:, key:)`, not `resolvable: false`). */
  entities: string[];
}

/** Reads a composed supergraph: its root fields and, per subgraph, the entity types it resolves. */
export function readSupergraph(sdl: string): Supergraph {
  const document: DocumentNode = parse(sdl);
  const schema = buildASTSchema(document, { assumeValidSDL: true });
  const entities: string[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'join__type') continue;
      const arg = (name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;
      const graph = arg('graph');
      const resolvable = arg('resolvable');
      if (!arg('key') || graph?.kind !== Kind.ENUM) continue;
      if (resolvable?.kind === Kind.BOOLEAN && !resolvable.value) continue;
      entities.push(`${graph.value.toLowerCase()}.${definition.name.value}`);
    }
  }
  return {
    schema,
    queries: Object.keys(schema.getQueryType()?.getFields() ?? {}),
    mutations: Object.keys(schema.getMutationType()?.getFields() ?? {}),
    entities: [...new Set(entities)].sort(),
  };
}

/**
 * The smallest operation that calls one root field with the given arguments: each argument a
 * variable of the schema's type, and the least selection that still tells data from nothing.
 */
export function operationFor(
  supergraph: Supergraph,
  kind: OperationKind,
  field: string,
  args: Record<string, unknown>,
): string {
  const root = kind === 'query' ? supergraph.schema.getQueryType() : supergraph.schema.getMutationType();
  const definition = root?.getFields()[field];
  if (!definition) throw new Error(`${kind} ${field} is not in the supergraph`);
  const used = definition.args.filter((a) => a.name in args);
  const unknown = Object.keys(args).filter((name) => !definition.args.some((a) => a.name === name));
  if (unknown.length) throw new Error(`${field}: no argument ${unknown.join(', ')}`);
  const variables = used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const type = getNamedType(definition.type);
  const edges = isObjectType(type) ? type.getFields()['edges'] : undefined;
  const node = edges && getNamedType(edges.type);
  const nodeType = node && isObjectType(node) ? getNamedType(node.getFields()['node']?.type) : undefined;
  const selection = isLeafType(type)
    ? ''
    : nodeType
      ? `{ edges { node { __typename ${parties(nodeType)} } } }`
      : `{ __typename ${parties(type)} }`;
  return `${kind} Authz${variables ? `(${variables})` : ''} { ${field}${call ? `(${call})` : ''} ${selection} }`;
}

/** Whom a row belongs to (its company, provider, agent), where its type says: to check slices. */
export const PARTY_FIELDS = ['company', 'provider', 'agent'] as const;
export type PartyField = (typeof PARTY_FIELDS)[number];

function parties(type: GraphQLNamedType | undefined): string {
  if (!type || !isObjectType(type)) return '';
  const fields = type.getFields();
  return PARTY_FIELDS.filter((name) => {
    const field = fields[name];
    return (
      field &&
      isObjectType(getNamedType(field.type)) &&
      'id' in (getNamedType(field.type) as GraphQLObjectType).getFields()
    );
  })
    .map((name) => `${name} { id }`)
    .join(' ');
}

/** Every company, provider and agent id the rows of an answer name. */
export function partiesNamed(value: unknown): Record<PartyField, string[]> {
  const named: Record<PartyField, string[]> = { company: [], provider: [], agent: [] };
  const rows =
    value && typeof value === 'object' && 'edges' in value
      ? (value as { edges: { node: Record<string, unknown> }[] }).edges.map((e) => e.node)
      : Array.isArray(value)
        ? value
        : value
          ? [value]
          : [];
  for (const row of rows as Record<string, unknown>[]) {
    for (const field of PARTY_FIELDS) {
      const party = row?.[field] as { id?: string } | null | undefined;
      if (party?.id) named[field].push(party.id);
    }
  }
  return named;
}

/** Null, an empty list, or a connection without edges: what "nothing is there" looks like. */
export function looksEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && 'edges' in value) return (value as { edges: unknown[] }).edges.length === 0;
  return false;
}

const REFUSALS = ['FORBIDDEN', 'UNAUTHENTICATED'];
// Not domain errors: a malformed case, or a crash, proves nothing about access.
const NOT_AN_ANSWER = ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'INTERNAL_SERVER_ERROR'];

/** Why a response is not the declared outcome, or null when it is. */
export function mismatch(expected: Outcome, response: GraphQLResponse<Record<string, unknown>>, field: string) {
  const codes = (response.errors ?? []).map((e) => String(e.extensions?.['code']));
  const value = response.data?.[field];
  const seen = codes.length ? codes.join(',') : looksEmpty(value) ? 'EMPTY' : 'OK';
  const fits = (() => {
    switch (expected) {
      case 'FORBIDDEN':
      case 'UNAUTHENTICATED':
        return codes.length === 1 && codes[0] === expected && (value === null || value === undefined);
      case 'OK':
        return codes.length === 0 && !looksEmpty(value);
      case 'EMPTY':
        return codes.length === 0 && looksEmpty(value);
      case 'NOT_FOUND':
        return codes.length === 1 && codes[0] === 'NOT_FOUND' && (value === null || value === undefined);
      case 'PERMITTED':
        return !codes.some((c) => REFUSALS.includes(c) || NOT_AN_ANSWER.includes(c));
    }
  })();
  return fits ? null : { seen, message: response.errors?.[0]?.message };
}
