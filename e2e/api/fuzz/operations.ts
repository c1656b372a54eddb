import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import {
  hostileDate,
  hostileDateTime,
  hostileFloat,
  hostileId,
  hostileInt,
  hostileString,
  plausibleDateArb,
  plausibleDateTime,
  plausibleInt,
  plausibleString,
  validLookingMrz,
  wrongType,
} from './values';

/** One mutation of the schema, ready to fuzz. */
export interface FuzzOperation {
  name: string;
  description: string;
  /** `mutation Fuzz($a: T!) { field(a: $a) { leaf fields } }` */
  document: string;
  /** Variables: mostly valid-looking ones, or mostly hostile ones. */
  variables: fc.Arbitrary<Record<string, unknown>>;
  /** Variables that are all valid-looking, to find out who may call it. */
  plausible: fc.Arbitrary<Record<string, unknown>>;
}

/** How often a leaf gets a hostile rather than a valid-looking value. */
interface Mix {
  valid: number;
  hostile: number;
  wrongType: number;
}
const MOSTLY_VALID: Mix = { valid: 30, hostile: 1, wrongType: 0 };
const ALL_VALID: Mix = { valid: 1, hostile: 0, wrongType: 0 };
const MOSTLY_HOSTILE: Mix = { valid: 1, hostile: 2, wrongType: 1 };

/** Longest input nesting followed; deeper optional fields are left out (none of ours is that deep). */
const MAX_DEPTH = 4;

/** How many copies of `value` make a huge list whose JSON stays near the body limit. */
const hugeLength = (value: unknown): number =>
  Math.max(2, Math.min(600, Math.floor(1_100_000 / (JSON.stringify(value) ?? 'null').length)));

const mixed = <T>(mix: Mix, valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: mix.valid, arbitrary: valid as fc.Arbitrary<unknown> },
    ...(mix.hostile > 0 ? [{ weight: mix.hostile, arbitrary: hostile as fc.Arbitrary<unknown> }] : []),
    ...(mix.wrongType > 0 ? [{ weight: mix.wrongType, arbitrary: wrongType }] : []),
  );

function leaf(name: string, typeName: string, type: GraphQLInputType, mix: Mix, ids: KnownIds) {
  const named = getNamedType(type);
  if (isEnumType(named)) {
    const values = named.getValues().map((v) => v.name);
    return mixed(mix, fc.constantFrom(...values), fc.constantFrom('NOT_A_VALUE', values[0]!.toLowerCase(), ''));
  }
  switch (typeName) {
    case 'ID':
      return mixed(mix, plausibleId(ids, name), hostileId(ids.all));
    case 'Int':
      return mixed(mix, plausibleInt(name), hostileInt);
    case 'Float':
      return mixed(mix, plausibleInt(name), hostileFloat);
    case 'Boolean':
      return mixed(mix, fc.boolean(), fc.boolean());
    case 'Date':
      return mixed(mix, plausibleDateArb, hostileDate);
    case 'DateTime':
      return mixed(mix, plausibleDateTime, hostileDateTime);
    default:
      // String and any other scalar (taken as text).
      return mixed(mix, plausibleString(name), hostileString);
  }
}

function valueFor(name: string, type: GraphQLInputType, mix: Mix, ids: KnownIds, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueFor(name, type.ofType, mix, ids, depth);
  if (isListType(type)) {
    if (name === 'mrz') return mixed(mix, validLookingMrz, fc.array(hostileString, { maxLength: 3 }));
    const item = valueFor(name, type.ofType, mix, ids, depth + 1);
    const some = fc.array(item, { minLength: 1, maxLength: 3 });
    if (mix.hostile === 0) return some;
    return fc.oneof(
      { weight: 6, arbitrary: some },
      { weight: mix.hostile, arbitrary: fc.constant([]) },
      // A huge list: one value up to 600 times, about as long as the body limit at most.
      { weight: mix.hostile, arbitrary: item.map((v) => Array.from({ length: hugeLength(v) }, () => v)) },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const field of fields) {
      const nonNull = isNonNullType(field.type);
      if (!nonNull && depth >= MAX_DEPTH) continue;
      model[field.name] = valueFor(field.name, field.type, mix, ids, depth + 1);
      if (nonNull) required.push(field.name);
    }
    // Optional fields: sometimes left out, sometimes an explicit null; required ones sometimes missing.
    const dropRequired: fc.Arbitrary<string | null> =
      mix.wrongType > 0 && required.length > 0
        ? fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...required) })
        : fc.constant(null);
    return fc.tuple(fc.record(model, { requiredKeys: required }), dropRequired).map(([value, drop]) => {
      if (drop && drop in value) delete (value as Record<string, unknown>)[drop];
      return value;
    });
  }
  if (isLeafType(type) || isScalarType(type)) return leaf(name, type.name, type, mix, ids);
  return fc.constant(null);
}

function variablesFor(args: readonly GraphQLArgument[], mix: Mix, ids: KnownIds) {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const arg of args) {
    model[arg.name] = valueFor(arg.name, arg.type, mix, ids, 0);
    if (isNonNullType(arg.type)) required.push(arg.name);
  }
  return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
}

/** Ids of rows that exist: all of them, and those of the tables a field's name points to. */
interface KnownIds {
  all: readonly string[];
  byField(name: string): readonly string[];
}

const snake = (camel: string): string => camel.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/**
 * Ids of the tables a name points to: `packageId` → service_package, `pilgrimIds` → pilgrim; for an
 * argument called `id`, the mutation's name without its verb (`approveServicePackage` → service_package).
 */
function idsNamed(known: Record<string, string[]>, name: string): string[] {
  const words = snake(name)
    .replace(/_ids?$/, '')
    .split('_');
  const subject = /Ids?$/.test(name) ? words.join('_') : words.slice(1).join('_');
  if (!subject) return [];
  return Object.entries(known)
    .filter(([table]) => table === subject || table.endsWith(`_${subject}`) || subject.endsWith(table))
    .flatMap(([, ids]) => ids);
}

/** An id that exists: mostly one of the table the name points to, sometimes any. */
function plausibleId(ids: KnownIds, name: string): fc.Arbitrary<string> {
  const named = ids.byField(name);
  if (ids.all.length === 0) return fc.uuid();
  if (named.length === 0) return fc.constantFrom(...ids.all);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...named) },
    { weight: 1, arbitrary: fc.constantFrom(...ids.all) },
  );
}

/** Leaf fields without required arguments of what a mutation answers: enough to serialize its result. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return '';
  const leaves = Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => f.name);
  return ` { __typename ${leaves.join(' ')} }`;
}

/** Every mutation of the schema, each with its document and its variables' arbitrary. */
export function fuzzOperations(schema: GraphQLSchema, known: Record<string, string[]>): FuzzOperation[] {
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  const all = Object.values(known).flat();
  return Object.values(mutation.getFields()).map((field) => {
    const ids: KnownIds = { all, byField: (name) => idsNamed(known, name === 'id' ? field.name : name) };
    const params = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const document =
      `mutation Fuzz${params ? `(${params})` : ''} { ${field.name}${args ? `(${args})` : ''}` + `${selection(field)} }`;
    return {
      name: field.name,
      description: field.description ?? '',
      document,
      variables: fc.oneof(variablesFor(field.args, MOSTLY_VALID, ids), variablesFor(field.args, MOSTLY_HOSTILE, ids)),
      plausible: variablesFor(field.args, ALL_VALID, ids),
    };
  });
}
