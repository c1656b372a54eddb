import type { EntityManager } from '@umrah/db-kit';
import { isUuid } from '@umrah/db-kit';
import type { Viewer } from '@umrah/subgraph-kit';
import { AgentEntity } from './agent.entity';
import { ExternalAgent } from './agent.type';

/** The agent registry names are public to every signed-in party, like the company registry. */
export async function agentsByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(ExternalAgent | null)[]> {
  const valid = ids.filter(isUuid);
  if (!viewer || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(AgentEntity, { id: { $in: valid } });
  const byId = new Map(
    rows.map((r) => [r.id, Object.assign(new ExternalAgent(), { id: r.id, name: r.name, countryCode: r.countryCode })]),
  );
  return ids.map((id) => byId.get(id) ?? null);
}
