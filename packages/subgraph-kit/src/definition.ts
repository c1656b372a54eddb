import type { Database, DatabaseOptions, MigrationClass } from '@umrah/db-kit';
import type { SigningKey, TokenVerifier } from './auth';
import type { FederatedSchema } from './federation';
import type { RunningSubgraph } from './server';

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
