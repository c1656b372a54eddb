// Regenerates subgraphs/*/schema.graphql and gateway/supergraph.graphql from the subgraphs' code.
// `--check` fails instead when a committed file is stale or the graph does not compose.
import { readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph } from '@umrah/gateway';
import { companiesSubgraph } from '@umrah/companies';
import { loyaltySubgraph } from '@umrah/loyalty';
import { packagesSubgraph } from '@umrah/packages';
import { pilgrimsSubgraph } from '@umrah/pilgrims';
import type { SubgraphDefinition } from '@umrah/subgraph-kit';

const root = new URL('../', import.meta.url);
const definitions: SubgraphDefinition[] = [companiesSubgraph, pilgrimsSubgraph, packagesSubgraph, loyaltySubgraph];

export async function composeAll(): Promise<{ files: Map<string, string> }> {
  const files = new Map<string, string>();
  const sdls = [];
  for (const d of definitions) {
    const { sdl } = await d.buildSchema();
    files.set(`subgraphs/${d.name}/schema.graphql`, `${sdl.trim()}\n`);
    sdls.push({ name: d.name, url: `http://127.0.0.1:${d.defaultPort}/graphql`, sdl });
  }
  files.set('gateway/supergraph.graphql', `${composeSupergraph(sdls).trim()}\n`);
  return { files };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const { files } = await composeAll();
  let stale = 0;
  for (const [path, text] of files) {
    const url = new URL(path, root);
    let current = '';
    try {
      current = readFileSync(url, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current === text) continue;
    if (check) {
      console.error(`stale: ${path} (run npm run compose)`);
      stale += 1;
    } else {
      writeFileSync(url, text);
      console.log(`wrote ${path}`);
    }
  }
  if (stale) process.exit(1);
  if (!check) console.log('supergraph composes');
}
