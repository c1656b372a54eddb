import type { Database } from '@umrah/db-kit';
import { composeSupergraph, startGateway } from '@umrah/gateway';
import {
  SUBGRAPH_SECRET_HEADER,
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
 * A subgraph boots after the subgraphs whose feeds it consumes and is handed their `/events`.
 */
export async function bootGraph(definitions: SubgraphDefinition[], options: BootOptions = {}): Promise<TestGraph> {
  const present = new Set(definitions.map((d) => d.name));
  const byName = new Map<string, TestSubgraph>();
  let pending = [...definitions];
  while (pending.length > 0) {
    // Each wave: the subgraphs whose producers (among those asked for) are all running.
    const ready = pending.filter((d) =>
      (d.consumes ?? []).every((source) => byName.has(source) || !present.has(source)),
    );
    if (ready.length === 0) {
      throw new Error(`bootGraph: ${pending.map((d) => d.name).join(', ')} consume each other's feeds in a cycle`);
    }
    const booted = await Promise.all(
      ready.map((d) => {
        const feeds = Object.fromEntries(
          (d.consumes ?? [])
            .map((source) => byName.get(source))
            .filter((producer) => producer !== undefined)
            .map((p) => [p.name, { url: new URL('/events', p.url).toString(), secret: p.secret }]),
        );
        return bootSubgraph(d, { ...options, feeds });
      }),
    );
    for (const subgraph of booted) byName.set(subgraph.name, subgraph);
    pending = pending.filter((d) => !ready.includes(d));
  }
  const subgraphs = definitions.map((d) => byName.get(d.name)!);
  const sdls = await Promise.all(
    definitions.map(async (d, i) => ({ name: d.name, url: subgraphs[i]!.url, sdl: (await d.buildSchema()).sdl })),
  );
  const gateway = await startGateway({
    supergraphSdl: composeSupergraph(sdls),
    secrets: Object.fromEntries(subgraphs.map((s) => [s.name, s.secret])),
    subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
    port: 0,
  });
  const request = <T>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller,
  ): Promise<GraphQLResponse<T>> => postGraphQL<T>(gateway.url, query, variables, caller);
  return {
    url: gateway.url,
    subgraphs: Object.fromEntries(subgraphs.map((s) => [s.name, s])),
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
