import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentLimitRules, exceedsTokenLimit } from '../src/document-limits';

const schema = buildSchema(`
  type Query { me: Account }
  type Account { id: ID! role: String! company: Company }
  type Company { id: ID! owner: Account }
`);
const rules = documentLimitRules({ maxDepth: 4, maxAliases: 2, maxDirectives: 2 });
const codes = (query: string) =>
  validate(schema, parse(query), [...specifiedRules, ...rules]).map((e) => e.extensions['code']);

describe('documentLimitRules', () => {
  it('lets a document inside every limit through', () => {
    expect(codes('{ a: me { company { owner { id } } } b: me { id @include(if: true) } }')).toEqual([]);
  });

  it('reports each limit with its own code', () => {
    expect(codes('{ me { company { owner { company { id } } } } }')).toEqual(['QUERY_TOO_DEEP']);
    expect(codes('{ a: me { id } b: me { id } c: me { id } }')).toEqual(['TOO_MANY_ALIASES']);
    expect(codes('{ me { id @include(if: true) role @include(if: true) company @skip(if: false) { id } } }')).toEqual([
      'TOO_MANY_DIRECTIVES',
    ]);
  });

  it('does not count a fragment spread as a level', () => {
    expect(codes('{ me { ...A } } fragment A on Account { company { owner { id } } }')).toEqual([]);
  });
});

describe('exceedsTokenLimit', () => {
  it('counts tokens, not characters', () => {
    expect(exceedsTokenLimit('{ me { id } }', 6)).toBe(false);
    expect(exceedsTokenLimit('{ me { id } }', 5)).toBe(true);
    expect(exceedsTokenLimit(`{ me { ${'id '.repeat(20)} } }`, 20)).toBe(true);
    expect(exceedsTokenLimit(`{ me { id # ${'x'.repeat(100)}\n } }`, 6)).toBe(false);
  });

  it('leaves syntax errors to the parser', () => {
    expect(exceedsTokenLimit('{ me { id '.padEnd(40, ' '), 10)).toBe(false);
  });
});
