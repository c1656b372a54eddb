import type { Database, DatabaseOptions, MigrationClass } from '@umrah/db-kit';
import type { JWK } from 'jose';
import { httpFeed, startConsumer, type Consumer, type EventHandler, type Feed } from '@umrah/events';
import type { SigningKey, TokenVerifier } from './auth';
import type { FederatedSchema } from './federation';
import { startSubgraph, type RunningSubgraph, type SubgraphOptions } from './server';
import { runWorkers, type BackgroundWorker, type WorkerSet } from './worker';

/** Where each consumed feed is read: source name → the producer's `/events` URL and its subgraph secret. */
export type FeedAddresses = Record<string, { url: string; secret: string }>;

/** A feed whose address is looked up at each read; empty until the address is known. */
function lateFeed(address: () => { url: string; secret: string } | undefined): Feed {
  return {
    read: (after, limit) => {
      const known = address();
      return known ? httpFeed(known.url, known.secret).read(after, limit) : Promise.resolve([]);
    },
  };
}

/** What a subgraph needs from its surroundings to run; tests and `main.ts` both provide it. */
export interface SubgraphRuntime {
  db: Database;
  verifyToken: TokenVerifier;
  secret: string;
  port: number;
  host?: string;
  production?: boolean;
  /** Only the companies subgraph signs tokens; it is handed its key here. */
  signingKey?: SigningKey;
  /** Public keys the companies subgraph publishes beside its signing key while keys rotate. */
  trustedKeys?: JWK[];
  /** Access-token lifetime in seconds (companies only). */
  tokenLifetimeSeconds?: number;
  /**
   * Event feeds of other subgraphs this one consumes: source name → feed URL and that source's
   * secret. Given as a function, it is read at every poll, so the feeds can be handed over after
   * this subgraph listens (subgraphs that consume each other's feeds all start first); a source
   * it does not name yet reads as an empty feed.
   */
  feeds?: FeedAddresses | (() => FeedAddresses);
  /**
   * Milliseconds between polls of each feed once it is read to the end: 250 by default, so an event
   * reaches its consumers within about a quarter of a second (a poll is one indexed read). Tests
   * set it high and drain by hand.
   */
  feedIntervalMs?: number;
  /** Whether background workers loop on their own (default); tests turn it off and drain by hand. */
  backgroundWork?: boolean;
}

const FEED_INTERVAL_MS = 250;

/** Events this subgraph applies from another subgraph's outbox, once each. */
export interface EventConsumerSpec {
  source: SubgraphDefinition['name'];
  handler: EventHandler;
  /** The event types the handler takes; the feed's others are passed over. All when absent. */
  types?: readonly string[];
}

/** One subgraph as a unit: its schema, its tables and how to start it. */
export interface SubgraphDefinition {
  name: 'companies' | 'pilgrims' | 'packages' | 'loyalty';
  defaultPort: number;
  entities: DatabaseOptions['entities'];
  migrations: MigrationClass[];
  buildSchema(): Promise<FederatedSchema>;
  /** Fills an empty database with the demo cast's share that this subgraph owns. */
  seedDemo(db: Database): Promise<void>;
  start(runtime: SubgraphRuntime): Promise<RunningSubgraph>;
  /** Subgraphs whose event feeds this one consumes (its consumers' sources), so they can be wired to it. */
  consumes?: readonly SubgraphDefinition['name'][];
}

export interface SubgraphSpec<C extends object = object> extends Omit<SubgraphDefinition, 'start'> {
  /** Public routes (mounted before the secret check), given the runtime. */
  publicRoutes?: (runtime: SubgraphRuntime) => SubgraphOptions<C>['publicRoutes'];
  /** Routes behind the subgraph secret (event feed), given the runtime. */
  privateRoutes?: (runtime: SubgraphRuntime) => SubgraphOptions<C>['privateRoutes'];
  /** Subgraph-specific context fields, built once from the runtime (and the started workers, to wake them). */
  context?: (runtime: SubgraphRuntime, workers: WorkerSet) => () => C;
  /** Background workers (queues, scheduled jobs), made once from the runtime; `wake` lets one wake another. */
  workers?: (runtime: SubgraphRuntime, wake: (name: string) => void) => BackgroundWorker[];
  /** Feeds of other subgraphs to consume. */
  consumers?: EventConsumerSpec[];
}

/** A subgraph definition whose `start` is the one every subgraph shares. */
export function defineSubgraph<C extends object = object>(spec: SubgraphSpec<C>): SubgraphDefinition {
  const { publicRoutes, privateRoutes, context, consumers = [], workers, ...definition } = spec;
  return {
    ...definition,
    consumes: consumers.map((consumer) => consumer.source),
    async start(runtime) {
      const { schema } = await spec.buildSchema();
      const routes = publicRoutes?.(runtime);
      const internal = privateRoutes?.(runtime);
      // Workers may wake each other; the set they belong to exists only once they are made.
      const late: { set?: WorkerSet } = {};
      const wake = (name: string): void => late.set?.wake(name);
      const background = runWorkers(workers?.(runtime, wake) ?? [], { loop: runtime.backgroundWork ?? true });
      late.set = background;
      const extendContext = context?.(runtime, background);
      const running = await startSubgraph<C>({
        name: spec.name,
        schema,
        db: runtime.db,
        verifyToken: runtime.verifyToken,
        secret: runtime.secret,
        port: runtime.port,
        ...(runtime.host ? { host: runtime.host } : {}),
        production: runtime.production ?? false,
        ...(routes ? { publicRoutes: routes } : {}),
        ...(internal ? { privateRoutes: internal } : {}),
        ...(extendContext ? { extendContext } : {}),
      });
      const feeds = runtime.feeds;
      const started: Consumer[] = consumers.flatMap((consumer) => {
        const common = {
          db: runtime.db,
          source: consumer.source,
          handler: consumer.handler,
          ...(consumer.types ? { types: consumer.types } : {}),
        };
        const intervalMs = runtime.feedIntervalMs ?? FEED_INTERVAL_MS;
        if (typeof feeds === 'function') {
          return [startConsumer({ ...common, intervalMs, feed: lateFeed(() => feeds()[consumer.source]) })];
        }
        const feed = feeds?.[consumer.source];
        if (!feed) return [];
        return [startConsumer({ ...common, intervalMs, feedUrl: feed.url, secret: feed.secret })];
      });
      return {
        ...running,
        drainEvents: async () => (await Promise.all(started.map((c) => c.drain()))).reduce((a, b) => a + b, 0),
        runWorkers: () => background.drain(),
        close: async () => {
          await background.stop();
          await Promise.all(started.map((c) => c.stop()));
          await running.close();
        },
      };
    },
  };
}
