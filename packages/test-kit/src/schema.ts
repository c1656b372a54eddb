import {
  buildASTSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  parse,
  type GraphQLSchema,
} from 'graphql';

// Federation's own types (_Service, _Any, link__Import, …) are not ours to document.
const isFederationName = (name: string): boolean =>
  name.startsWith('_') || name.startsWith('link__') || name.startsWith('join__') || name === 'FieldSet';

/**
 * Every type, field, argument and enum value third parties can see, that has no description.
 * Accepts a schema or SDL (a subgraph's, with federation directives).
 */
export function undocumented(schemaOrSdl: GraphQLSchema | string): string[] {
  const schema =
    typeof schemaOrSdl === 'string' ? buildASTSchema(parse(schemaOrSdl), { assumeValidSDL: true }) : schemaOrSdl;
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type) || isFederationName(type.name)) continue;
    if (!type.description?.trim() && !['Query', 'Mutation'].includes(type.name)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (isFederationName(field.name)) continue;
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
    }
    if (isScalarType(type) && !type.description?.trim()) missing.push(type.name);
  }
  return missing;
}
