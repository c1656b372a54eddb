import type { Database } from '@umrah/db-kit';
import { demoAgents, demoCompanies, demoProviders } from '@umrah/demo';
import { PageArgs } from '@umrah/subgraph-kit';
import { as, openTestDatabase } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvider } from '../../test/builders';
import { packagesSubgraph } from '../index';
import { listProviders, providersByIds } from './provider.service';

const [towers, madinahInn] = demoProviders;
const page = (first = 20): PageArgs => Object.assign(new PageArgs(), { first, after: null });

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase(packagesSubgraph);
  await packagesSubgraph.seedDemo(db);
});
afterAll(() => db.close());

describe('provider registry', () => {
  it('shows the whole registry to the ministry and to company managers', async () => {
    expect((await listProviders(db.fork(), as.supervisor(), page(), undefined)).totalCount).toBe(demoProviders.length);
    expect((await listProviders(db.fork(), as.manager(demoCompanies[0]!.id), page(), undefined)).totalCount).toBe(
      demoProviders.length,
    );
  });

  it('shows a provider only its own entry', async () => {
    const own = await listProviders(db.fork(), as.provider(towers!.id), page(), undefined);
    expect(own.edges.map((e) => e.node.id)).toEqual([towers!.id]);
    expect(await providersByIds(db.fork(), as.provider(towers!.id), [madinahInn!.id, towers!.id])).toEqual([
      null,
      expect.objectContaining({ id: towers!.id }),
    ]);
  });

  it('shows agents and anonymous callers nothing', async () => {
    expect(await providersByIds(db.fork(), as.agent(demoAgents[0]!.id), [towers!.id])).toEqual([null]);
    expect(await providersByIds(db.fork(), null, [towers!.id])).toEqual([null]);
  });

  it('refuses a second provider with the same licence number', async () => {
    await expect(createProvider(db, { licenseNumber: towers!.licenseNumber })).rejects.toThrow(/unique/);
  });

  it('refuses an unknown kind of provider', async () => {
    await expect(createProvider(db, { kind: 'AIRLINE' })).rejects.toThrow(/check constraint/);
  });
});
