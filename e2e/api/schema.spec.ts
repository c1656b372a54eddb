import { readFileSync } from 'node:fs';
import { buildSupergraphSchema } from '@apollo/federation-internals';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeAll } from '../../scripts/compose';

const root = new URL('../../', import.meta.url);

describe('the supergraph', () => {
  it('composes, and the committed supergraph and subgraph schemas are up to date (npm run compose)', async () => {
    const { files } = await composeAll();
    for (const [path, text] of files) {
      expect(readFileSync(new URL(path, root), 'utf8'), `${path} is stale: run npm run compose`).toBe(text);
    }
  });

  it('describes every type, field, argument and enum value of the public API', () => {
    const [supergraph] = buildSupergraphSchema(readFileSync(new URL('gateway/supergraph.graphql', root), 'utf8'));
    const api: GraphQLSchema = supergraph.toAPISchema().toGraphQLJSSchema();
    const missing: string[] = [];
    for (const type of Object.values(api.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
      if (isScalarType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });
});
