import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import type * as GraphQL from 'graphql';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { apiSchemaFromSupergraph } from './apiSchema';

const supergraphSdl = readFileSync(
  fileURLToPath(new URL('../../../../../gateway/supergraph.graphql', import.meta.url)),
  'utf8',
);

const print = (schema: Parameters<typeof printSchema>[0]) => printSchema(lexicographicSortSchema(schema));

describe('apiSchemaFromSupergraph', () => {
  it('gives the committed supergraph exactly the API schema Apollo Federation derives from it', () => {
    // federation-internals loads graphql as CommonJS: print with that copy, rebuild with this one.
    const commonJsGraphql = createRequire(import.meta.url)('graphql') as typeof GraphQL;
    const expected = buildSchema(
      commonJsGraphql.printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema()),
    );
    expect(print(apiSchemaFromSupergraph(supergraphSdl))).toBe(print(expected));
  });

  it('keeps the descriptions the documentation explorer shows', () => {
    const schema = apiSchemaFromSupergraph(supergraphSdl);
    expect(schema.getQueryType()?.getFields()['auditLog']?.description).toMatch(/^The audit log of the whole graph/);
    expect(schema.getType('AuditSource')?.description).toBe('The part of the graph that recorded an audit entry.');
  });

  it('leaves no federation machinery behind', () => {
    const printed = printSchema(apiSchemaFromSupergraph(supergraphSdl));
    expect(printed).not.toMatch(/join__|link__|@link/);
  });

  it('drops inaccessible elements and names imported from linked specs', () => {
    const schema = apiSchemaFromSupergraph(`
      schema
        @link(url: "https://specs.apollo.dev/link/v1.0")
        @link(url: "https://specs.apollo.dev/join/v0.4", for: EXECUTION)
        @link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)
      { query: Query }
      directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
      directive @join__type(graph: join__Graph!) repeatable on OBJECT
      directive @inaccessible on FIELD_DEFINITION | OBJECT
      scalar link__Import
      enum link__Purpose { SECURITY EXECUTION }
      enum join__Graph { A @join__graph(name: "a", url: "http://a") }
      directive @join__graph(name: String!, url: String!) on ENUM_VALUE
      "The root."
      type Query @join__type(graph: A) {
        "Shown."
        visible: String
        hidden: Secret @inaccessible
      }
      type Secret @inaccessible { id: ID }
    `);
    expect(printSchema(schema)).toBe('"""The root."""\ntype Query {\n  """Shown."""\n  visible: String\n}');
  });
});
