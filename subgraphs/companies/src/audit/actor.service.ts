import type { EntityManager } from '@umrah/db-kit';
import { isUuid } from '@umrah/db-kit';
import type { Role, SubgraphContext } from '@umrah/subgraph-kit';
import { AccountEntity } from '../account/account.entity';

export interface Actor {
  displayName: string;
  role: Role;
}

/** Accounts by id in one query; null for an unknown id (a system action, a token not from an account). */
export async function actorsByIds(em: EntityManager, ids: readonly string[]): Promise<(Actor | null)[]> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return ids.map(() => null);
  const rows = await em.find(AccountEntity, { id: { $in: valid } }, { fields: ['id', 'displayName', 'role'] });
  const byId = new Map(rows.map((r) => [r.id, { displayName: r.displayName, role: r.role as Role }]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Whoever acted, batched per request over every history and audit row of the response. */
export function loadActor(ctx: SubgraphContext, accountId: string | null): Promise<Actor | null> {
  if (!accountId) return Promise.resolve(null);
  return ctx.loaders.get<string, Actor | null>('actor', (ids) => actorsByIds(ctx.em, ids)).load(accountId);
}
