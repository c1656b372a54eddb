import type { FilterQuery } from '@mikro-orm/core';
import { UniqueConstraintViolationException, isUuid, uuidv7, type EntityManager } from '@umrah/db-kit';
import { badInput, findPage, type Page, type PageArgs, type Viewer } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { providerLicenceTaken } from './provider.errors';
import { ServiceProviderEntity, type ServiceProviderRow } from './provider.entity';
import type { RegisterServiceProviderInput, ServiceProviderFilter } from './provider.inputs';
import { ServiceProvider, type ProviderKind } from './provider.type';

const LICENCE_NUMBER = /^[A-Z0-9][A-Z0-9-]{3,39}$/;

export function toServiceProvider(row: ServiceProviderRow): ServiceProvider {
  return Object.assign(new ServiceProvider(), {
    id: row.id,
    nameAr: row.nameAr,
    nameEn: row.nameEn,
    kind: row.kind as ProviderKind,
    city: row.city,
    licenseNumber: row.licenseNumber,
    registeredAt: row.createdAt,
  });
}

/** `value` as an exact, case-insensitive LIKE pattern: its wildcards are escaped. */
export const exactLike = (value: string): string => value.trim().replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Which providers a viewer may read: the registry is public to every signed-in party (managers
 * compose packages from it, agents and providers look partners up); anonymous callers see nothing.
 * Null means "no rows at all".
 */
export function providerSlice(viewer: Viewer | null): FilterQuery<ServiceProviderRow> | null {
  return viewer ? {} : null;
}

export async function listProviders(
  em: EntityManager,
  viewer: Viewer,
  args: PageArgs,
  filter?: ServiceProviderFilter | null,
  info?: GraphQLResolveInfo,
): Promise<Page<ServiceProvider>> {
  // An empty slice still pages through the kit, so page-size and cursor errors read the same for everyone.
  const where: FilterQuery<ServiceProviderRow>[] = [providerSlice(viewer) ?? { id: null }];
  if (filter?.kind) where.push({ kind: filter.kind });
  if (filter?.city != null) {
    if (filter.city.trim().length === 0) throw badInput('filter.city', 'Give a city name, or leave the filter out.');
    where.push({ city: { $ilike: exactLike(filter.city) } });
  }
  const page = await findPage(em, ServiceProviderEntity, { $and: where } as never, args, info);
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
  const valid = [...new Set(ids.filter(isUuid))];
  if (!slice || valid.length === 0) return ids.map(() => null);
  const rows = await em.find(ServiceProviderEntity, { $and: [slice, { id: { $in: valid } }] });
  const byId = new Map(rows.map((row) => [row.id, toServiceProvider(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

function checkText(value: string, field: string, min: number, max: number, what: string): string {
  const text = value.trim();
  // Characters as the database's char_length counts them (an emoji is one, not two UTF-16 units).
  const length = [...text].length;
  if (length < min || length > max) throw badInput(field, `Give ${what} of ${min} to ${max} characters.`);
  return text;
}

/**
 * An officer enters a licensed provider in the registry. The licence number is unique (the
 * database says so too); the provider's accounts are opened in the companies subgraph.
 */
export async function registerProvider(
  em: EntityManager,
  input: RegisterServiceProviderInput,
): Promise<ServiceProvider> {
  const nameAr = checkText(input.nameAr, 'input.nameAr', 2, 200, 'an Arabic name');
  const nameEn = checkText(input.nameEn, 'input.nameEn', 2, 200, 'an English name');
  const city = checkText(input.city, 'input.city', 2, 80, 'a city');
  const licenseNumber = input.licenseNumber.trim().toUpperCase();
  if (!LICENCE_NUMBER.test(licenseNumber)) {
    throw badInput('input.licenseNumber', 'A licence number is 4 to 40 capital letters, digits and dashes.');
  }
  const row = em.create(ServiceProviderEntity, {
    id: uuidv7(),
    nameAr,
    nameEn,
    kind: input.kind,
    city,
    licenseNumber,
    createdAt: new Date(),
  });
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw providerLicenceTaken(licenseNumber);
    throw error;
  }
  return toServiceProvider(row);
}
