import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '@umrah/db-kit';
import { startGateway } from '@umrah/gateway';
import { createTokenVerifier, generateSigningKey, publicKeySet, type RunningSubgraph } from '@umrah/subgraph-kit';
import { DEFINITIONS, openBenchDatabase, type SubgraphName } from './databases';

// SQL statements per operation are counted where they are sent: each subgraph's database handle
// counts every statement it runs (`db.statementCount`, db-kit). The counting graph is the same code
// on the same databases, started in this process without background work (no relays, no pollers), so
// a delta around one request is exactly that request's statements: nothing else runs meanwhile.

export interface CountingGraph {
  gatewayUrl: string;
  supergraphSdl: string;
  /** Statements each subgraph has run so far. */
  counts(): Record<SubgraphName, number>;
  close(): Promise<void>;
}

export async function startCountingGraph(size: string): Promise<CountingGraph> {
  const signingKey = await generateSigningKey();
  const verifyToken = createTokenVerifier(publicKeySet([signingKey], []));
  const started: { name: SubgraphName; db: Database; running: RunningSubgraph; secret: string }[] = [];
  for (const definition of DEFINITIONS) {
    const name = definition.name as SubgraphName;
    const db = await openBenchDatabase(size, name, 4);
    if (process.env['BENCH_SQL_LOG']) {
      // Prints each statement as it is counted (to see what an operation runs).
      type OnQuery = (sql: string, params: readonly unknown[]) => string;
      const config = db.orm.config as unknown as {
        get(key: 'onQuery'): OnQuery;
        set(key: 'onQuery', value: OnQuery): void;
      };
      const counted = config.get('onQuery');
      config.set('onQuery', (sql, params) => {
        console.log(`[sql ${name}] ${sql.replace(/\s+/g, ' ').slice(0, 300)}`);
        return counted(sql, params);
      });
    }
    const secret = `bench-count-${name}-0123456789`;
    const running = await definition.start({
      db,
      verifyToken,
      secret,
      port: 0,
      signingKey,
      tokenLifetimeSeconds: 3600,
      feedIntervalMs: 3_600_000,
      backgroundWork: false,
    });
    started.push({ name, db, running, secret });
  }
  const supergraphSdl = readFileSync(
    fileURLToPath(new URL('../../gateway/supergraph.graphql', import.meta.url)),
    'utf8',
  );
  const huge = { perMinute: 1e8, burst: 1e8 };
  const gateway = await startGateway({
    supergraphSdl,
    secrets: Object.fromEntries(started.map((s) => [s.name, s.secret])),
    subgraphUrls: Object.fromEntries(started.map((s) => [s.name, s.running.url])),
    port: 0,
    limits: { clientRate: huge, addressRate: huge },
  });
  return {
    gatewayUrl: gateway.url,
    supergraphSdl,
    counts: () => Object.fromEntries(started.map((s) => [s.name, s.db.statementCount])) as Record<SubgraphName, number>,
    close: async () => {
      await gateway.close();
      for (const s of started) {
        await s.running.close();
        await s.db.close();
      }
    },
  };
}
