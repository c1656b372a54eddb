import type { Database } from '@umrah/db-kit';
import { demoAgents, demoCompanies, demoProviders } from '@umrah/demo';
import { PageArgs } from '@umrah/subgraph-kit';
import { as, openTestDatabase } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvider } from '../../test/builders';
import { packagesSubgraph } from '../index';
import { demoRegistry } from '../inventory/inventory.demo';
import { exactLike, listProviders, providersByIds } from './provider.service';
import { ProviderKind } from './provider.type';

const [towers, madinahInn] = demoProviders;
const page = (first = 20): PageArgs => Object.assign(new PageArgs(), { first, after: null });

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase(packagesSubgraph);
  await packagesSubgraph.seedDemo(db);
});
afterAll(() => db.close());

describe('provider registry', () => {
  it('shows the whole registry to every signed-in party', async () => {
    for (const viewer of [
      as.supervisor(),
      as.manager(demoCompanies[0]!.id),
      as.agent(demoAgents[0]!.id),
      as.provider(towers!.id),
    ]) {
      expect((await listProviders(db.fork(), viewer, page(), null, undefined)).totalCount).toBe(demoRegistry.length);
    }
    expect(await providersByIds(db.fork(), as.provider(towers!.id), [madinahInn!.id, 'nope'])).toEqual([
      expect.objectContaining({ id: madinahInn!.id }),
      null,
    ]);
  });

  it('shows anonymous callers nothing', async () => {
    expect(await providersByIds(db.fork(), null, [towers!.id])).toEqual([null]);
  });

  it('filters by kind and city', async () => {
    const hotels = await listProviders(db.fork(), as.officer(), page(100), {
      kind: ProviderKind.HOTEL,
      city: 'MADINAH',
    });
    expect(hotels.edges.map((e) => e.node.id).sort()).toEqual(
      demoRegistry
        .filter((p) => p.kind === 'HOTEL' && p.city === 'Madinah')
        .map((p) => p.id)
        .sort(),
    );
  });

  it('escapes wildcards in a city', () => {
    expect(exactLike(' 50%_off\\ ')).toBe('50\\%\\_off\\\\');
  });

  it('refuses a second provider with the same licence number', async () => {
    await expect(createProvider(db, { licenseNumber: towers!.licenseNumber })).rejects.toThrow(/unique/);
  });

  it('refuses an unknown kind of provider', async () => {
    await expect(createProvider(db, { kind: 'AIRLINE' })).rejects.toThrow(/check constraint/);
  });
});
