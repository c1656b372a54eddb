import { demoAgents, demoCompanies, demoProviders } from '@umrah/demo';
import type { Viewer } from '@umrah/subgraph-kit';
import { as, tokenFor, type TestGraph } from '@umrah/test-kit';
import type { Answer } from './verdict';

/** Who the fuzzer calls as, by role; several parties per role so slices differ. */
export type RoleName = 'anonymous' | 'supervisor' | 'officer' | 'manager' | 'agent' | 'provider';

export const ROLES: readonly RoleName[] = ['anonymous', 'supervisor', 'officer', 'manager', 'agent', 'provider'];

export function callersByRole(): Record<RoleName, (Viewer | null)[]> {
  return {
    anonymous: [null],
    supervisor: [as.supervisor()],
    officer: [as.officer()],
    // Active, active, suspended licence.
    manager: demoCompanies.slice(0, 3).map((c) => as.manager(c.id)),
    agent: demoAgents.slice(0, 2).map((a) => as.agent(a.id)),
    provider: demoProviders.map((p) => as.provider(p.id)),
  };
}

/**
 * Ids of real rows of every subgraph (a few per table, by table), so fuzzed calls also name objects
 * that exist, inside and outside the caller's slice.
 */
export async function knownIds(graph: TestGraph): Promise<Record<string, string[]>> {
  const ids: Record<string, string[]> = {};
  for (const subgraph of Object.values(graph.subgraphs)) {
    const connection = subgraph.db.orm.em.getConnection();
    const tables = await connection.execute<{ table_name: string }[]>(
      `select table_name from information_schema.columns
       where table_schema = 'public' and column_name = 'id' and data_type = 'uuid' order by table_name`,
    );
    for (const { table_name } of tables) {
      const rows = await connection.execute<{ id: string }[]>(`select id::text as id from "${table_name}" limit 6`);
      if (rows.length > 0) ids[table_name] = [...(ids[table_name] ?? []), ...rows.map((r) => r.id)];
    }
  }
  return ids;
}

/** Posts a document to the gateway as `caller`; the answer's body is whatever came back (JSON or not). */
export async function call(
  graph: TestGraph,
  document: string,
  variables: Record<string, unknown>,
  caller: Viewer | null,
): Promise<Answer> {
  const token = caller ? await tokenFor(caller) : null;
  const response = await fetch(graph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: document, variables }),
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, body };
}

/** The gateway answers a query, and every subgraph says it and its database are up. */
export async function stillUp(graph: TestGraph): Promise<string | null> {
  const gateway = await call(graph, '{ __typename }', {}, null);
  if ((gateway.body as { data?: { __typename?: string } } | null)?.data?.__typename !== 'Query') {
    return `the gateway answered ${gateway.status} ${JSON.stringify(gateway.body).slice(0, 200)}`;
  }
  for (const subgraph of Object.values(graph.subgraphs)) {
    const health = await fetch(new URL('/health', subgraph.url));
    if (!health.ok) return `${subgraph.name} /health answered ${health.status}`;
  }
  return null;
}
