import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationCost } from '../src/cost';

const schema = buildSchema(`
  type Query { companies(first: Int! = 20, after: String): CompanyConnection! me: Account }
  type Mutation { login(email: String!): Session! }
  type Session { accessToken: String! account: Account! }
  type Account { id: ID! company: Company }
  type CompanyConnection { totalCount: Int! edges: [CompanyEdge!]! pageInfo: PageInfo! }
  type PageInfo { hasNextPage: Boolean! }
  type CompanyEdge { cursor: String! node: Company! }
  type Company {
    id: ID!
    name: String!
    pilgrims(first: Int! = 20): PilgrimConnection!
    history: [Change!]!
  }
  type Change { at: String! }
  type PilgrimConnection { edges: [PilgrimEdge!]! }
  type PilgrimEdge { node: Pilgrim! }
  type Pilgrim { id: ID! company: Company! }
`);

const cost = (query: string, variables: Record<string, unknown> = {}, listFactor = 10): number => {
  const document = parse(query);
  return operationCost(schema, document, getOperationAST(document)!, variables, listFactor);
};

describe('operationCost', () => {
  it('counts one per object and nothing for scalars', () => {
    expect(cost('{ me { id company { id name } } }')).toBe(2);
  });

  it('multiplies what is under a paginated field by its page size, written as a literal', () => {
    // companies 1 + pageInfo 1 + 50 × (edges 1 + node 1)
    expect(cost('{ companies(first: 50) { totalCount pageInfo { hasNextPage } edges { node { id } } } }')).toBe(102);
  });

  it('counts a page size passed in a variable exactly as the same literal', () => {
    const literal = cost('{ companies(first: 100) { edges { node { id } } } }');
    const variable = cost('query Q($n: Int!) { companies(first: $n) { edges { node { id } } } }', { n: 100 });
    expect(variable).toBe(literal);
    expect(variable).toBe(1 + 100 * 2);
  });

  it('multiplies nested page sizes', () => {
    const query = `query Q($outer: Int!, $inner: Int!) {
      companies(first: $outer) { edges { node { pilgrims(first: $inner) { edges { node { id } } } } } }
    }`;
    // 1 + 100 × (edges + node + pilgrims) + 100 × 100 × (edges + node)
    expect(cost(query, { outer: 100, inner: 100 })).toBe(1 + 100 * 3 + 100 * 100 * 2);
    expect(cost(query, { outer: 10, inner: 5 })).toBe(1 + 10 * 3 + 50 * 2);
  });

  it('falls back to the operation’s variable default, then to the schema default', () => {
    expect(cost('query Q($n: Int = 7) { companies(first: $n) { edges { node { id } } } }')).toBe(1 + 7 * 2);
    expect(cost('query Q($n: Int) { companies(first: $n) { edges { node { id } } } }')).toBe(1 + 20 * 2);
    expect(cost('{ companies { edges { node { id } } } }')).toBe(1 + 20 * 2);
  });

  it('counts an unpaginated list as listFactor items', () => {
    expect(cost('{ me { company { history { at } } } }', {}, 10)).toBe(2 + 10);
    expect(cost('{ me { company { history { at } } } }', {}, 3)).toBe(2 + 3);
  });

  it('counts fragments and inline fragments where they are spread, aliases each time', () => {
    const query = `query Q($n: Int!) {
      a: companies(first: $n) { ...Page }
      b: companies(first: $n) { ... on CompanyConnection { edges { node { id } } } }
    }
    fragment Page on CompanyConnection { edges { node { id } } }`;
    expect(cost(query, { n: 40 })).toBe(2 * (1 + 40 * 2));
  });

  it('costs mutations by what they return', () => {
    expect(cost('mutation { a: login(email: "x") { account { id } } b: login(email: "y") { accessToken } }')).toBe(3);
  });
});
