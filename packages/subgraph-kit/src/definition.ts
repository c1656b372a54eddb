import type { Database, DatabaseOptions, MigrationClass } from '@umrah/db-kit';
import type { SigningKey, TokenVerifier } from './auth';
import type { FederatedSchema } from './federation';
import { startSubgraph, type RunningSubgraph, type SubgraphOptions } from './server';

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
  /** Access-token lifetime in seconds (companies only). */
  tokenLifetimeSeconds?: number;
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
}

export interface SubgraphSpec<C extends object = object> extends Omit<SubgraphDefinition, 'start'> {
  /** Public routes (mounted before the secret check), given the runtime. */
  publicRoutes?: (runtime: SubgraphRuntime) => SubgraphOptions<C>['publicRoutes'];
  /** Routes behind the subgraph secret (event feed), given the runtime. */
  privateRoutes?: (runtime: SubgraphRuntime) => SubgraphOptions<C>['privateRoutes'];
  /** Subgraph-specific context fields, built once from the runtime. */
  context?: (runtime: SubgraphRuntime) => () => C;
}

/** A subgraph definition whose `start` is the one every subgraph shares. */
export function defineSubgraph<C extends object = object>(spec: SubgraphSpec<C>): SubgraphDefinition {
  const { publicRoutes, privateRoutes, context, ...definition } = spec;
  return {
    ...definition,
    async start(runtime) {
      const { schema } = await spec.buildSchema();
      const routes = publicRoutes?.(runtime);
      const internal = privateRoutes?.(runtime);
      const extendContext = context?.(runtime);
      return startSubgraph<C>({
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
    },
  };
}
