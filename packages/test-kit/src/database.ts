import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '@umrah/db-kit';
import type { SubgraphDefinition } from '@umrah/subgraph-kit';

/**
 * A fresh, migrated database for one test: in-memory PGlite by default; a scratch database on the
 * PostgreSQL server named by TEST_DATABASE_URL when set (dropped again on close).
 */
export async function openTestDatabase(
  definition: Pick<SubgraphDefinition, 'name' | 'entities' | 'migrations'>,
): Promise<Database> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) {
    const db = await openDatabase({ entities: definition.entities, migrations: definition.migrations });
    await db.migrate();
    return db;
  }
  const name = `ug_test_${definition.name}_${randomBytes(5).toString('hex')}`;
  const admin = await openDatabase({ entities: [], migrations: [], url: serverUrl, poolSize: 1 });
  await admin.orm.em.getConnection().execute(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({
    entities: definition.entities,
    migrations: definition.migrations,
    url: url.toString(),
    poolSize: 5,
  });
  await db.migrate();
  return {
    ...db,
    orm: db.orm,
    kind: db.kind,
    fork: db.fork,
    migrate: db.migrate,
    get statementCount() {
      return db.statementCount;
    },
    close: async () => {
      await db.close();
      await admin.orm.em.getConnection().execute(`drop database if exists "${name}" with (force)`);
      await admin.close();
    },
  };
}
