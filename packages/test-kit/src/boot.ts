import type { Database } from '@umrah/db-kit';
import { composeSupergraph, startGateway, type GatewayOptions } from '@umrah/gateway';
import {
  SUBGRAPH_SECRET_HEADER,
  type FeedAddresses,
  type RunningSubgraph,
  type SubgraphDefinition,
  type SubgraphRuntime,
} from '@umrah/subgraph-kit';
import { postGraphQL, type Caller, type GraphQLResponse } from './client';
import { openTestDatabase } from './database';
import { testSigningKey, testVerifier } from './identity';

export interface TestSubgraph {
  name: string;
  db: Database;
  url: string;
  secret: string;
  /** Applies what waits in the feeds this subgraph consumes. */
  drainEvents(): Promise<number>;
  /** Runs the subgraph's background workers until nothing is due (no worker loops in tests). */
  runWorkers(): Promise<number>;
  /** Calls the subgraph directly, as the gateway would (with its secret). */
  request<T>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface BootOptions {
  /** Seed the shared demo cast into the fresh database. */
  demo?: boolean;
  /** Feeds this subgraph consumes (bootGraph wires them); tests drain them by hand. */
  feeds?: SubgraphRuntime['feeds'];
  /** bootGraph's gateway settings; by default the gateway's own limits, as in production. */
  gateway?: Pick<GatewayOptions, 'limits' | 'production' | 'corsOrigins'>;
}

export async function bootSubgraph(definition: SubgraphDefinition, options: BootOptions = {}): Promise<TestSubgraph> {
  const db = await openTestDatabase(definition);
  if (options.demo) await definition.seedDemo(db);
  const secret = `test-secret-${definition.name}-0123456789`;
  const running: RunningSubgraph = await definition.start({
    db,
    verifyToken: await testVerifier(),
    secret,
    port: 0,
    signingKey: await testSigningKey(),
    ...(options.feeds ? { feeds: options.feeds } : {}),
    // No background polling in tests: they drain the feeds when they want events applied.
    feedIntervalMs: 3_600_000,
    backgroundWork: false,
  });
  return {
    name: definition.name,
    db,
    url: running.url,
    secret,
    drainEvents: () => running.drainEvents?.() ?? Promise.resolve(0),
    runWorkers: () => running.runWorkers?.() ?? Promise.resolve(0),
    request: (query, variables, caller) =>
      postGraphQL(running.url, query, variables, caller, { [SUBGRAPH_SECRET_HEADER]: secret }),
    close: async () => {
      await running.close();
      await db.close();
    },
  };
}

export interface TestGraph {
  url: string;
  subgraphs: Record<string, TestSubgraph>;
  /** The supergraph the gateway serves (to start another gateway over the same subgraphs). */
  supergraphSdl: string;
  /** Calls the gateway, as a web app or third party would. */
  request<T>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLResponse<T>>;
  /** Signs in through the gateway and returns the access token. */
  login(email: string, password: string): Promise<string>;
  /** Delivers every pending event to every consumer (as the background relays would). */
  drainEvents(): Promise<number>;
  /** SQL statements run by all subgraphs so far. */
  statementCount(): number;
  close(): Promise<void>;
}

/**
 * The whole graph in one process: every subgraph on its own fresh database, behind a real gateway.
 * All subgraphs start first; then each is handed the `/events` of the producers it consumes among
 * those asked for — so subgraphs may consume each other's feeds (a cycle).
 */
export async function bootGraph(definitions: SubgraphDefinition[], options: BootOptions = {}): Promise<TestGraph> {
  const present = new Set(definitions.map((d) => d.name));
  // Filled once every subgraph listens; consumers read it at each poll (and tests drain by hand).
  const addresses: FeedAddresses = {};
  const booted = await Promise.all(
    definitions.map((d) => {
      const sources = (d.consumes ?? []).filter((source) => present.has(source));
      const feeds = (): FeedAddresses =>
        Object.fromEntries(sources.flatMap((s) => (addresses[s] ? [[s, addresses[s]]] : [])));
      return bootSubgraph(d, { ...options, feeds });
    }),
  );
  for (const p of booted) addresses[p.name] = { url: new URL('/events', p.url).toString(), secret: p.secret };
  const subgraphs = booted;
  const sdls = await Promise.all(
    definitions.map(async (d, i) => ({ name: d.name, url: subgraphs[i]!.url, sdl: (await d.buildSchema()).sdl })),
  );
  const supergraphSdl = composeSupergraph(sdls);
  const gateway = await startGateway({
    supergraphSdl,
    secrets: Object.fromEntries(subgraphs.map((s) => [s.name, s.secret])),
    subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
    port: 0,
    ...options.gateway,
  });
  const request = <T>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller,
  ): Promise<GraphQLResponse<T>> => postGraphQL<T>(gateway.url, query, variables, caller);
  return {
    url: gateway.url,
    subgraphs: Object.fromEntries(subgraphs.map((s) => [s.name, s])),
    supergraphSdl,
    request,
    login: async (email, password) => {
      const r = await request<{ login: { accessToken: string } }>(
        'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }',
        { input: { email, password } },
      );
      if (!r.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(r.errors)}`);
      return r.data.login.accessToken;
    },
    drainEvents: async () => (await Promise.all(subgraphs.map((s) => s.drainEvents()))).reduce((a, b) => a + b, 0),
    statementCount: () => subgraphs.reduce((sum, s) => sum + s.db.statementCount, 0),
    close: async () => {
      await gateway.close();
      await Promise.all(subgraphs.map((s) => s.close()));
    },
  };
}
