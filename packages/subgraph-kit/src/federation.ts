import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { authChecker } from './access';
import { auditMutations } from './audit';
import type { SubgraphContext } from './context';
import { DateScalar, DateTimeScalar } from './scalars';
import { refuseMalformedText } from './text-guard';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

/**
 * Loads entities of one type by id for `__resolveReference`, batched per request. It returns one
 * entry per id, in order, and null where the entity is missing *or outside the caller's slice*.
 */
export type ReferenceResolver = (
  ids: readonly string[],
  context: SubgraphContext,
) => Promise<readonly (object | null)[]>;

export interface FederatedSchemaOptions {
  // type-graphql takes resolver classes of any shape.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** Entity type name → batched reference loader. */
  references: Record<string, ReferenceResolver>;
}

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL with federation directives, as composed into the supergraph. */
  sdl: string;
}

/** type-graphql schema → SDL with `@link` → `buildSubgraphSchema` with batched reference resolvers. */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<FederatedSchema> {
  const typeSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes ?? [],
    authChecker,
    // Text PostgreSQL cannot store (NUL, unpaired surrogates) is refused before anything reads the arguments.
    globalMiddlewares: [refuseMalformedText, auditMutations],
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Federation directives are declared by @link, which buildSubgraphSchema understands.
    skipCheck: true,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeSchema)}`;
  const resolvers = createResolversMap(typeSchema) as GraphQLResolverMap<SubgraphContext>;
  for (const [typeName, load] of Object.entries(options.references)) {
    const existing = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    resolvers[typeName] = {
      ...existing,
      __resolveReference: (reference: { id: string }, context: SubgraphContext) =>
        context.loaders
          .get<string, object | null>(`reference:${typeName}`, (ids) => load(ids, context))
          .load(String(reference.id)),
    } as never;
  }
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
  return { schema, sdl };
}

export { DateScalar, DateTimeScalar };
