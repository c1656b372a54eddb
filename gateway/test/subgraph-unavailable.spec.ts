import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from '../src/compose';
import { startGateway, type RunningGateway } from '../src/gateway';

/**
 * Two tiny subgraphs behind the real gateway: `companies` answers; `loyalty` is either not
 * listening or accepts the request and never answers. The gateway serves the companies part and
 * reports the loyalty part as missing, at its path, under a code, without the subgraph's address.
 */
const header = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])`;
const companiesSdl = `${header}
  type Query { company: Company }
  type Company @key(fields: "id") { id: ID! name: String! }`;
const loyaltySdl = `${header}
  type Company @key(fields: "id") { id: ID! points: Int }`;

const listen = (server: Server): Promise<string> =>
  new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`)),
  );

const companies = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: { company: { __typename: 'Company', id: 'c1', name: 'Al-Safwa' } } }));
  });
});
// Takes the request and never answers.
const hung = createServer(() => undefined);
const closed = createServer();

let companiesUrl: string;
let hungUrl: string;
let closedUrl: string;
const gateways: RunningGateway[] = [];

beforeAll(async () => {
  companiesUrl = await listen(companies);
  hungUrl = await listen(hung);
  closedUrl = await listen(closed);
  await new Promise((resolve) => closed.close(resolve)); // nothing listens there any more
});
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.close()));
  hung.closeAllConnections();
  await Promise.all([companies, hung].map((s) => new Promise((resolve) => s.close(resolve))));
});

async function gatewayWithLoyaltyAt(loyaltyUrl: string): Promise<RunningGateway> {
  const supergraphSdl = composeSupergraph([
    { name: 'companies', url: companiesUrl, sdl: companiesSdl },
    { name: 'loyalty', url: loyaltyUrl, sdl: loyaltySdl },
  ]);
  const gateway = await startGateway({
    supergraphSdl,
    secrets: { companies: 'secret-companies-0123456789', loyalty: 'secret-loyalty-0123456789' },
    port: 0,
    subgraphTimeoutMs: 300,
  });
  gateways.push(gateway);
  return gateway;
}

async function ask(gateway: RunningGateway): Promise<{ data: unknown; errors?: unknown[] }> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ company { name points } }' }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { data: unknown; errors?: unknown[] };
}

const missingPoints = {
  data: { company: { name: 'Al-Safwa', points: null } },
  errors: [
    {
      message: expect.stringContaining('loyalty service is not answering'),
      path: ['company', 'points'],
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', details: { service: 'loyalty' } },
    },
  ],
};

describe('a subgraph that is down or hung', () => {
  it('costs only its own fields when nothing listens at its address', async () => {
    const answer = await ask(await gatewayWithLoyaltyAt(closedUrl));
    expect(answer).toEqual(missingPoints);
    expect(JSON.stringify(answer)).not.toContain('127.0.0.1');
  });

  it('is given up on at the subgraph timeout when it never answers', async () => {
    const answer = await ask(await gatewayWithLoyaltyAt(hungUrl));
    expect(answer).toEqual(missingPoints);
    expect(JSON.stringify(answer)).not.toContain('127.0.0.1');
  });
});
