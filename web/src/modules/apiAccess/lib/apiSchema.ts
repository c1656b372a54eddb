import {
  buildASTSchema,
  Kind,
  parse,
  visit,
  type ConstDirectiveNode,
  type ConstValueNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

interface LinkedNames {
  /** Names a linked spec owns outright (`link`, imported `@inaccessible`, `Purpose`…). */
  exact: Set<string>;
  /** Prefixes of the names a linked spec namespaces (`join__`, `link__`). */
  prefixes: string[];
}

function argument(directive: ConstDirectiveNode, name: string): ConstValueNode | undefined {
  return directive.arguments?.find((arg) => arg.name.value === name)?.value;
}

function stringOf(value: ConstValueNode | undefined): string | null {
  return value?.kind === Kind.STRING ? value.value : null;
}

/**
 * The names the supergraph's `@link`ed specs bring in: `@link(url: ".../join/v0.4")` owns
 * `join__*`; `as` renames a spec; `import` brings names in bare (e.g. `@inaccessible`).
 */
function linkedNames(document: DocumentNode): LinkedNames {
  const names: LinkedNames = { exact: new Set(['link']), prefixes: ['link__'] };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'link') continue;
      const url = stringOf(argument(directive, 'url')) ?? '';
      const feature = stringOf(argument(directive, 'as')) ?? /\/([^/]+)\/v\d+\.\d+\/?$/.exec(url)?.[1];
      if (feature) {
        names.exact.add(feature);
        names.prefixes.push(`${feature}__`);
      }
      const imports = argument(directive, 'import');
      for (const item of imports?.kind === Kind.LIST ? imports.values : []) {
        const imported =
          item.kind === Kind.OBJECT ? stringOf(item.fields.find((f) => f.name.value === 'as')?.value) : stringOf(item);
        if (imported) names.exact.add(imported.replace(/^@/, ''));
      }
    }
  }
  return names;
}

/**
 * The API schema of a composed supergraph, as clients see it: the supergraph SDL without the
 * federation machinery (`@link`, `join__*`, `link__*` and other linked specs' types and directives)
 * and without `@inaccessible` elements. Descriptions stay, so the documentation explorer reads
 * exactly what introspection would give — without introspection, which production turns off.
 */
export function apiSchemaFromSupergraph(supergraphSdl: string): GraphQLSchema {
  const document = parse(supergraphSdl, { noLocation: true });
  const linked = linkedNames(document);
  const isLinked = (name: string) => linked.exact.has(name) || linked.prefixes.some((p) => name.startsWith(p));
  const inaccessible = (node: { directives?: readonly { name: { value: string } }[] }) =>
    (node.directives ?? []).some((d) => d.name.value === 'inaccessible' && isLinked('inaccessible'));
  // Returning null from a visitor deletes the node.
  const stripped = visit(document, {
    enter(node) {
      if ('name' in node && node.name && 'directives' in node && inaccessible(node)) return null;
      switch (node.kind) {
        case Kind.DIRECTIVE_DEFINITION:
        case Kind.SCALAR_TYPE_DEFINITION:
        case Kind.ENUM_TYPE_DEFINITION:
        case Kind.OBJECT_TYPE_DEFINITION:
        case Kind.INPUT_OBJECT_TYPE_DEFINITION:
        case Kind.INTERFACE_TYPE_DEFINITION:
        case Kind.UNION_TYPE_DEFINITION:
        case Kind.DIRECTIVE:
          return isLinked(node.name.value) ? null : undefined;
        default:
          return undefined;
      }
    },
  });
  return buildASTSchema(stripped, { assumeValidSDL: false });
}
