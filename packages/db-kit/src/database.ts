import type { Constructor, Options } from '@mikro-orm/core';
import { Migration, Migrator } from '@mikro-orm/migrations';
import { MikroORM as PgliteORM, PgliteDriver } from '@mikro-orm/pglite';
import { MikroORM as PostgresORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/sql';

export { Migration };
export type MigrationClass = Constructor<Migration>;

export interface DatabaseOptions {
  /** Entity schemas owned by this subgraph. */
  entities: NonNullable<Options['entities']>;
  /** Committed migrations, oldest first. */
  migrations: MigrationClass[];
  /** PostgreSQL server URL; when absent an embedded PGlite database is used. */
  url?: string;
  /** PGlite data directory; when absent (and no url) the database lives in memory. */
  dataDir?: string;
  /** Connection pool size for PostgreSQL. */
  poolSize?: number;
}

export interface Database {
  readonly orm: PgliteORM | PostgresORM;
  readonly kind: 'pglite' | 'postgresql';
  /** A fresh EntityManager for one unit of work (one request, one job). */
  fork(): EntityManager;
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  /** SQL statements executed so far by this process: tests measure deltas to catch N+1. */
  readonly statementCount: number;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let statements = 0;
  const common = {
    entities: options.entities,
    extensions: [Migrator],
    migrations: {
      migrationsList: options.migrations,
      transactional: true,
      allOrNothing: true,
      silent: true,
      snapshot: false,
    },
    // Schema changes only ever come from committed migrations.
    ensureDatabase: false,
    // An administrative connection (creating scratch test databases) maps no entities.
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: false,
    onQuery: (sql: string) => {
      statements += 1;
      return sql;
    },
  };
  const orm = options.url
    ? await PostgresORM.init({
        ...common,
        driver: PostgreSqlDriver,
        clientUrl: options.url,
        pool: { min: 0, max: options.poolSize ?? 10 },
      })
    : await PgliteORM.init({
        ...common,
        driver: PgliteDriver,
        ...(options.dataDir ? { dbName: options.dataDir } : {}),
      });
  return {
    orm,
    kind: options.url ? 'postgresql' : 'pglite',
    fork: () => orm.em.fork() as unknown as EntityManager,
    migrate: async () => (await orm.migrator.up()).map((m) => m.name),
    get statementCount() {
      return statements;
    },
    close: () => orm.close(true),
  };
}
