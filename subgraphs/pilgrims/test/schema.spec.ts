import { Kind, parse, type DefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { pilgrimsSubgraph } from '../src/index';

// Third parties read the schema documentation: every type, field, argument and enum value is described.
function undocumented(definitions: readonly DefinitionNode[]): string[] {
  const missing: string[] = [];
  for (const def of definitions) {
    if (
      def.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      def.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION &&
      def.kind !== Kind.ENUM_TYPE_DEFINITION &&
      def.kind !== Kind.SCALAR_TYPE_DEFINITION
    ) {
      continue;
    }
    const type = def.name.value;
    if (!def.description?.value.trim() && type !== 'Query') missing.push(type);
    if (def.kind === Kind.ENUM_TYPE_DEFINITION) {
      for (const value of def.values ?? [])
        if (!value.description?.value.trim()) missing.push(`${type}.${value.name.value}`);
    } else if (def.kind !== Kind.SCALAR_TYPE_DEFINITION) {
      for (const field of def.fields ?? []) {
        if (!field.description?.value.trim()) missing.push(`${type}.${field.name.value}`);
        if ('arguments' in field) {
          for (const arg of field.arguments ?? []) {
            if (!arg.description?.value.trim()) missing.push(`${type}.${field.name.value}(${arg.name.value})`);
          }
        }
      }
    }
  }
  return missing;
}

describe('pilgrims schema', () => {
  it('describes every type, field, argument and enum value', async () => {
    const { sdl } = await pilgrimsSubgraph.buildSchema();
    expect(undocumented(parse(sdl).definitions)).toEqual([]);
  });

  it('owns Pilgrim and VisaApplication, extends Company and only references ExternalAgent', async () => {
    const { sdl } = await pilgrimsSubgraph.buildSchema();
    expect(sdl).toContain('type Pilgrim @key(fields: "id")');
    expect(sdl).toContain('type VisaApplication @key(fields: "id")');
    expect(sdl).toContain('type Company @key(fields: "id")');
    expect(sdl).toContain('type ExternalAgent @key(fields: "id", resolvable: false)');
  });
});
