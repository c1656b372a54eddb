import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@umrah/db-kit';
import { isUuid } from '@umrah/db-kit';
import { Role, findPage, isMinistry, type Page, type PageArgs, type Viewer } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { ServiceProviderEntity, type ServiceProviderRow } from './provider.entity';
import { ServiceProvider, type ProviderKind } from './provider.type';

export function toServiceProvider(row: ServiceProviderRow): ServiceProvider {
  return Object.assign(new ServiceProvider(), {
    id: row.id,
    nameAr: row.nameAr,
    nameEn: row.nameEn,
    kind: row.kind as ProviderKind,
    city: row.city,
    licenseNumber: row.licenseNumber,
  });
}

/**
 * Which providers a viewer may read: the ministry and company managers see the whole registry
 * (managers compose packages from providers' inventory); a provider only its own entry;
 * anyone else nothing. Null means "no rows at all".
 */
export function providerSlice(viewer: Viewer | null): FilterQuery<ServiceProviderRow> | null {
  if (!viewer) return null;
  if (isMinistry(viewer) || viewer.role === Role.COMPANY_MANAGER) return {};
  if (viewer.role === Role.PROVIDER && viewer.providerId) return { id: viewer.providerId };
  return null;
}

export async function listProviders(
  em: EntityManager,
  viewer: Viewer,
  args: PageArgs,
  info?: GraphQLResolveInfo,
): Promise<Page<ServiceProvider>> {
  // An empty slice still pages through the kit, so page-size and cursor errors read the same for everyone.
  const where = providerSlice(viewer) ?? { id: null };
  const page = await findPage(em, ServiceProviderEntity, where as never, args, info);
  return {
    ...page,
    edges: page.edges.map((e) => ({ cursor: e.cursor, node: toServiceProvider(e.node as ServiceProviderRow) })),
  };
}

/** Providers by id in one query; null where missing or outside the viewer's slice. */
export async function providersByIds(
  em: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<(ServiceProvider | null)[]> {
  const slice = providerSlice(viewer);
  const valid = ids.filter(isUuid);
  if (!slice || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(ServiceProviderEntity, { $and: [slice, { id: { $in: valid } }] });
  const byId = new Map(rows.map((row) => [row.id, toServiceProvider(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}
