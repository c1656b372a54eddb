import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Supergraph } from '@apollo/federation-internals';
import { companiesSubgraph } from '@umrah/companies';
import { DEMO_PASSWORD, demoCompanies } from '@umrah/demo';
import {
  DEFAULT_LIMITS,
  documentLimitRules,
  exceedsTokenLimit,
  operationCost,
  startGateway,
  type GatewayOptions,
  type RunningGateway,
} from '@umrah/gateway';
import { loyaltySubgraph } from '@umrah/loyalty';
import { packagesSubgraph } from '@umrah/packages';
import { pilgrimsSubgraph } from '@umrah/pilgrims';
import { as, bootGraph, tokenFor, type TestGraph } from '@umrah/test-kit';
import {
  Kind,
  parse,
  print,
  specifiedRules,
  validate,
  visit,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const [safwa] = demoCompanies;

let graph: TestGraph;
const extraGateways: RunningGateway[] = [];

beforeAll(async () => {
  graph = await bootGraph([companiesSubgraph, pilgrimsSubgraph, packagesSubgraph, loyaltySubgraph], { demo: true });
}, 180_000);
afterAll(async () => {
  await Promise.all(extraGateways.map((g) => g.close()));
  await graph?.close();
});

/** Another gateway over the same subgraphs, with its own settings (and so its own budgets). */
async function gatewayWith(options: Partial<GatewayOptions>): Promise<string> {
  const gateway = await startGateway({
    supergraphSdl: graph.supergraphSdl,
    secrets: Object.fromEntries(Object.values(graph.subgraphs).map((s) => [s.name, s.secret])),
    subgraphUrls: Object.fromEntries(Object.values(graph.subgraphs).map((s) => [s.name, s.url])),
    port: 0,
    ...options,
  });
  extraGateways.push(gateway);
  return gateway.url;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  errors: GraphQLFormattedError[];
  data: Record<string, unknown> | null | undefined;
}

async function send(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(method === 'POST' ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  const json = (text.startsWith('{') ? JSON.parse(text) : {}) as { errors?: GraphQLFormattedError[]; data?: null };
  return { status: response.status, headers: response.headers, text, errors: json.errors ?? [], data: json.data };
}

const bearer = async (viewer: Parameters<typeof tokenFor>[0]) => ({
  authorization: `Bearer ${await tokenFor(viewer)}`,
});
const codeOf = (a: Answer): unknown => a.errors[0]?.extensions?.['code'];
const aliases = (n: number, field: string): string => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');

describe('the web app’s operations', () => {
  it('all pass the default depth, alias, directive, token and cost limits at the largest page size', () => {
    const schema = Supergraph.build(readFileSync(new URL('gateway/supergraph.graphql', root), 'utf8'))
      .apiSchema()
      .toGraphQLJSSchema();
    const files = (readdirSync(new URL('web/src', root), { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.graphql'),
    );
    const definitions: DefinitionNode[] = files.flatMap(
      (f) => parse(readFileSync(new URL(`web/src/${f}`, root), 'utf8')).definitions,
    );
    const fragments = new Map(
      definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
    );
    const operations = definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.length).toBeGreaterThan(50);
    const refused: string[] = [];
    for (const operation of operations) {
      // The operation with the fragments it spreads, as the web sends it.
      const used = new Map<string, FragmentDefinitionNode>();
      const pending: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
      while (pending.length > 0) {
        visit(pending.pop()!, {
          FragmentSpread(node) {
            const fragment = fragments.get(node.name.value);
            if (fragment && !used.has(node.name.value)) {
              used.set(node.name.value, fragment);
              pending.push(fragment);
            }
          },
        });
      }
      const document = { kind: Kind.DOCUMENT, definitions: [operation, ...used.values()] } as const;
      const name = operation.name?.value ?? '(anonymous)';
      const errors = validate(schema, document, [...specifiedRules, ...documentLimitRules(DEFAULT_LIMITS)]);
      for (const e of errors) refused.push(`${name}: ${e.message}`);
      if (exceedsTokenLimit(print(document), DEFAULT_LIMITS.maxTokens)) refused.push(`${name}: too many tokens`);
      // Every Int variable at 100, the largest page size the subgraphs accept.
      const variables = Object.fromEntries(
        (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, 100]),
      );
      const cost = operationCost(schema, document, operation, variables, DEFAULT_LIMITS.listFactor);
      if (cost > DEFAULT_LIMITS.maxCost) refused.push(`${name}: cost ${cost}`);
    }
    expect(refused).toEqual([]);
  });
});

describe('query limits', () => {
  it('refuses a query deeper than the limit with QUERY_TOO_DEEP', async () => {
    let selection = 'id';
    for (let i = 0; i < 6; i++) selection = `company { pilgrims(first: 1) { edges { node { ${selection} } } } }`;
    const a = await send(graph.url, { query: `{ me { ${selection} } }` }, await bearer(as.supervisor()));
    expect(a.status).toBe(400);
    expect(codeOf(a)).toBe('QUERY_TOO_DEEP');
  });

  it('refuses too many aliases, directives or tokens, each with its code', async () => {
    const caller = await bearer(as.supervisor());
    const tooManyAliases = await send(graph.url, { query: `{ ${aliases(16, 'me { role }')} }` }, caller);
    expect([tooManyAliases.status, codeOf(tooManyAliases)]).toEqual([400, 'TOO_MANY_ALIASES']);
    const directives = Array.from({ length: 11 }, (_, i) => `t${i}: __typename @include(if: true)`).join(' ');
    const tooManyDirectives = await send(graph.url, { query: `{ ${directives} }` }, caller);
    expect([tooManyDirectives.status, codeOf(tooManyDirectives)]).toEqual([400, 'TOO_MANY_DIRECTIVES']);
    const tooManyTokens = await send(graph.url, { query: `{ me { ${'role '.repeat(1000)} } }` }, caller);
    expect([tooManyTokens.status, codeOf(tooManyTokens)]).toEqual([400, 'TOO_MANY_TOKENS']);
  });

  const NESTED = `query Nested($outer: Int!, $inner: Int!) {
    companies(first: $outer) { edges { node { id pilgrims(first: $inner) { edges { node { id } } } } } }
  }`;

  it('counts page sizes written as literals', async () => {
    const query = NESTED.replace('query Nested($outer: Int!, $inner: Int!)', '')
      .replace('$outer', '100')
      .replace('$inner', '100');
    const a = await send(graph.url, { query }, await bearer(as.supervisor()));
    expect([a.status, codeOf(a)]).toEqual([400, 'QUERY_TOO_COSTLY']);
    expect(a.errors[0]?.message).toMatch(/cost limit of 5000 exceeded, found 20301/);
  });

  it('counts page sizes passed in variables the same way', async () => {
    const caller = await bearer(as.supervisor());
    const big = await send(graph.url, { query: NESTED, variables: { outer: 100, inner: 100 } }, caller);
    expect([big.status, codeOf(big)]).toEqual([400, 'QUERY_TOO_COSTLY']);
    const small = await send(graph.url, { query: NESTED, variables: { outer: 10, inner: 10 } }, caller);
    expect(small.status).toBe(200);
    expect(small.errors).toEqual([]);
  });
});

describe('HTTP limits', () => {
  it('refuses a body over the size limit with 413', async () => {
    const query = `{ me { role } } # ${'x'.repeat(DEFAULT_LIMITS.maxBodyBytes)}`;
    const a = await send(graph.url, { query });
    expect([a.status, codeOf(a)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(a.text).not.toMatch(/at \S+ \(|<html/i);
  });

  it('refuses a batch of operations', async () => {
    const a = await send(graph.url, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect([a.status, codeOf(a)]).toEqual([400, 'BATCHING_NOT_SUPPORTED']);
  });

  it('refuses a request a browser could send cross-site without asking (CSRF prevention)', async () => {
    const a = await send(graph.url, JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' });
    expect(a.status).toBe(400);
    expect(a.data).toBeUndefined();
  });

  it('answers CORS only for the allowed origins', async () => {
    const url = await gatewayWith({ corsOrigins: ['https://app.umrah.example'] });
    const preflight = (origin: string) =>
      fetch(url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight('https://app.umrah.example')).headers.get('access-control-allow-origin')).toBe(
      'https://app.umrah.example',
    );
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limits', () => {
  it('counts each aliased root field and answers 429 with Retry-After, per token subject', async () => {
    const url = await gatewayWith({ limits: { clientRate: { burst: 5, perMinute: 6 } } });
    const officer = await bearer(as.supervisor());
    const first = await send(url, { query: `{ ${aliases(5, 'me { role }')} }` }, officer);
    expect(first.status).toBe(200);
    const second = await send(url, { query: '{ me { role } }' }, officer);
    expect([second.status, codeOf(second)]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(second.errors[0]?.message).toMatch(/try again in \d+ seconds?/);
    // Another subject from the same address has its own budget.
    const other = await send(url, { query: '{ me { role } }' }, await bearer(as.manager(safwa!.id)));
    expect(other.status).toBe(200);
  });

  it('refuses an operation whose aliases exceed what is left, without running any of it', async () => {
    const url = await gatewayWith({ limits: { clientRate: { burst: 4, perMinute: 6 } } });
    const caller = await bearer(as.supervisor());
    const a = await send(url, { query: `{ ${aliases(6, 'me { role }')} }` }, caller);
    expect([a.status, codeOf(a)]).toEqual([429, 'RATE_LIMITED']);
    expect(a.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(a.data).toBeUndefined();
  });

  it('throttles sign-in attempts packed as aliases in one request, one attempt each', async () => {
    const url = await gatewayWith({ limits: { signInRate: { burst: 3, perMinute: 1 } } });
    const login = (password: string) =>
      `login(input: { email: "manager@safwa.demo", password: "${password}" }) { accessToken }`;
    const four = Array.from({ length: 4 }, (_, i) => `a${i}: ${login(`guess-${i}`)}`).join(' ');
    const packed = await send(url, { query: `mutation { ${four} }` });
    expect([packed.status, codeOf(packed)]).toEqual([429, 'RATE_LIMITED']);
    expect(packed.errors[0]?.message).toMatch(/sign-in attempts/);
    expect(Number(packed.headers.get('retry-after'))).toBeGreaterThan(1);
    // Refused whole: none of the four reached the companies subgraph, so the budget is intact.
    const three = Array.from({ length: 3 }, (_, i) => `a${i}: ${login(DEMO_PASSWORD)}`);
    const allowed = await send(url, { query: `mutation { ${three.join(' ')} }` });
    expect(allowed.status).toBe(200);
    expect(allowed.errors).toEqual([]);
    expect((allowed.data?.['a2'] as { accessToken: string }).accessToken).toBeTruthy();
    const next = await send(url, { query: `mutation { ${login(DEMO_PASSWORD)} }` });
    expect([next.status, codeOf(next)]).toEqual([429, 'RATE_LIMITED']);
  });
});

describe('errors reaching a client', () => {
  let rogue: Server;
  let answer: unknown;

  beforeAll(async () => {
    // A loyalty subgraph that leaks what a careless one would: SQL, a stack trace, no code.
    rogue = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => rogue.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => rogue.close(() => resolve())));

  async function viaRogue(): Promise<Answer> {
    const port = (rogue.address() as AddressInfo).port;
    const url = await gatewayWith({
      subgraphUrls: {
        ...Object.fromEntries(Object.values(graph.subgraphs).map((s) => [s.name, s.url])),
        loyalty: `http://127.0.0.1:${port}/graphql`,
      },
    });
    return send(
      url,
      { query: 'query($id: ID!) { company(id: $id) { id loyalty { balance } } }', variables: { id: safwa!.id } },
      await bearer(as.supervisor()),
    );
  }

  it('masks a subgraph’s uncoded error: no SQL, no stack, a request id', async () => {
    answer = {
      data: null,
      errors: [
        {
          message:
            'select "a0".* from "loyalty_account" as "a0" where "a0"."company_id" in ($1) - relation does not exist',
          extensions: {
            stacktrace: ['error: relation does not exist', '    at Parser.parse (/app/node_modules/pg/x.js:1:1)'],
          },
        },
      ],
    };
    const a = await viaRogue();
    expect(a.status).toBe(200);
    expect((a.data?.['company'] as { id: string }).id).toBe(safwa!.id);
    expect(a.errors).toHaveLength(1);
    expect(a.errors[0]).toMatchObject({
      message: 'Internal server error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(a.errors[0]?.extensions?.['requestId']).toBe(a.headers.get('x-request-id'));
    expect(a.text).not.toMatch(/select|loyalty_account|stacktrace|node_modules|serviceName/i);
  });

  it('masks a coded subgraph error that carries SQL, and passes a clean coded one without its stack', async () => {
    answer = {
      data: null,
      errors: [
        { message: 'duplicate key value violates unique constraint "x_pkey"', extensions: { code: 'CONFLICT' } },
      ],
    };
    const leaky = await viaRogue();
    expect(leaky.errors[0]?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    expect(leaky.text).not.toMatch(/duplicate key|x_pkey/);

    answer = {
      data: null,
      errors: [
        {
          message: 'Loyalty is closed for this company.',
          extensions: { code: 'LOYALTY_CLOSED', stacktrace: ['at x (/app/src/x.ts:1:1)'] },
        },
      ],
    };
    const clean = await viaRogue();
    expect(clean.errors[0]).toMatchObject({
      message: 'Loyalty is closed for this company.',
      extensions: { code: 'LOYALTY_CLOSED' },
    });
    expect(clean.text).not.toMatch(/stacktrace|\/app\/src/);
  });
});

describe('production mode', () => {
  it('answers no introspection and no field suggestions', async () => {
    const url = await gatewayWith({ production: true });
    const caller = await bearer(as.supervisor());
    const introspection = await send(url, { query: '{ __schema { types { name } } }' }, caller);
    expect(introspection.status).toBe(400);
    expect(introspection.data).toBeUndefined();
    expect(introspection.text).toMatch(/introspection/i);
    const typo = await send(url, { query: '{ me { rol } }' }, caller);
    expect(codeOf(typo)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.errors[0]?.message).not.toMatch(/Did you mean|"role"/);

    // Outside production both stay available (GraphiQL, and hints for developers).
    const dev = await send(graph.url, { query: '{ me { rol } }' }, caller);
    expect(dev.errors[0]?.message).toMatch(/Did you mean "role"/);
    const devIntrospection = await send(graph.url, { query: '{ __schema { queryType { name } } }' }, caller);
    expect(devIntrospection.errors).toEqual([]);
  });
});
