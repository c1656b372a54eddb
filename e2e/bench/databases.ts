import { companiesSubgraph } from '@umrah/companies';
import { openDatabase, type Database } from '@umrah/db-kit';
import { loyaltySubgraph } from '@umrah/loyalty';
import { packagesSubgraph } from '@umrah/packages';
import { pilgrimsSubgraph } from '@umrah/pilgrims';
import type { SubgraphDefinition } from '@umrah/subgraph-kit';

/** The four subgraphs, in start order; each has its own database per dataset size. */
export const DEFINITIONS = [companiesSubgraph, pilgrimsSubgraph, packagesSubgraph, loyaltySubgraph] as const;
export type SubgraphName = 'companies' | 'pilgrims' | 'packages' | 'loyalty';
export const SUBGRAPH_NAMES: SubgraphName[] = ['companies', 'pilgrims', 'packages', 'loyalty'];

export const serverUrl = (): string =>
  process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** `10k`, `100k`, `1m`, `10m` → pilgrim count. */
export function parseSize(size: string): number {
  const match = /^(\d+)([km]?)$/i.exec(size);
  if (!match) throw new Error(`size must look like 10k, 100k, 1m or 10m (got ${size})`);
  const unit = match[2]!.toLowerCase();
  return Number(match[1]) * (unit === 'k' ? 1_000 : unit === 'm' ? 1_000_000 : 1);
}

export const databaseName = (size: string, name: SubgraphName): string => `umrah_bench_${size.toLowerCase()}_${name}`;

export function databaseUrl(size: string, name: SubgraphName): string {
  const url = new URL(serverUrl());
  url.pathname = `/${databaseName(size, name)}`;
  return url.toString();
}

export const definitionOf = (name: SubgraphName): SubgraphDefinition => DEFINITIONS.find((d) => d.name === name)!;

/** Opens a bench database with its subgraph's entities and migrations. */
export const openBenchDatabase = (size: string, name: SubgraphName, poolSize = 4): Promise<Database> =>
  openDatabase({
    entities: definitionOf(name).entities,
    migrations: definitionOf(name).migrations,
    url: databaseUrl(size, name),
    poolSize,
  });

/** Runs statements on the server's maintenance database (create/drop database). */
export async function onServer(statements: string[]): Promise<void> {
  const admin = await openDatabase({ entities: [], migrations: [], url: serverUrl(), poolSize: 1 });
  try {
    for (const s of statements) await admin.orm.em.getConnection().execute(s);
  } finally {
    await admin.close();
  }
}
