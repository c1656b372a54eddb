import { companiesSubgraph } from '@umrah/companies';
import { demoAgents, demoCompanies } from '@umrah/demo';
import { loyaltySubgraph } from '@umrah/loyalty';
import { packagesSubgraph } from '@umrah/packages';
import { agentMayActFor, companiesMayOperate, pilgrimsSubgraph } from '@umrah/pilgrims';
import { as, bootGraph, type TestGraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let graph: TestGraph;
const [safwa, rawda, bayt, , zamzam, marwa] = demoCompanies;
const [nusantara] = demoAgents;

beforeAll(async () => {
  graph = await bootGraph([companiesSubgraph, pilgrimsSubgraph, packagesSubgraph, loyaltySubgraph], { demo: true });
}, 180_000);
afterAll(() => graph?.close());

const pilgrimsDb = () => graph.subgraphs['pilgrims']!.db.fork();

describe('licence and contract decisions reach the pilgrims subgraph as events', () => {
  it('learns the demo’s starting standing from the companies outbox, once', async () => {
    // Consumers start reading as they boot; draining waits for them and finds nothing new after.
    await graph.drainEvents();
    expect(await graph.drainEvents()).toBe(0);
    const count = async (sg: string, table: string): Promise<number> =>
      Number(
        (
          await graph.subgraphs[sg]!.db.orm.em.getConnection().execute<{ n: string }[]>(
            `select count(*) as n from ${table}`,
          )
        )[0]!.n,
      );
    const published = await count('companies', 'outbox_event');
    expect(published).toBeGreaterThan(demoCompanies.length);
    expect(await count('pilgrims', `inbox_event where source = 'companies'`)).toBe(published);
    const standing = await companiesMayOperate(pilgrimsDb(), [safwa!.id, rawda!.id, bayt!.id, zamzam!.id, marwa!.id]);
    expect(standing.get(safwa!.id)).toBe(true);
    expect(standing.get(rawda!.id)).toBe(true);
    expect(standing.get(bayt!.id)).toBe(false); // suspended
    expect(standing.get(zamzam!.id)).toBe(false); // expired on 2026-09-01
    expect(standing.get(marwa!.id)).toBe(false); // revoked
    expect(await agentMayActFor(pilgrimsDb(), safwa!.id, nusantara!.id)).toBe(true);
    expect(await agentMayActFor(pilgrimsDb(), marwa!.id, nusantara!.id)).toBe(false);
  });

  it('stops new work for a company as soon as an officer suspends its licence, and only once', async () => {
    const r = await graph.request(
      `mutation($input: SuspendLicenseInput!) { suspendLicense(input: $input) { id license { status } } }`,
      { input: { companyId: rawda!.id, reason: 'Field inspection found unlicensed housing' } },
      as.officer(),
    );
    expect(r.errors).toBeUndefined();
    // One event, applied once by each subgraph that reads the companies feed: pilgrims, packages, loyalty.
    expect(await graph.drainEvents()).toBe(3);
    expect((await companiesMayOperate(pilgrimsDb(), [rawda!.id])).get(rawda!.id)).toBe(false);
    for (const sg of ['packages', 'loyalty']) {
      const [row] = await graph.subgraphs[sg]!.db.orm.em.getConnection().execute<{ license_status: string }[]>(
        `select license_status from company_directory where company_id = ?`,
        [rawda!.id],
      );
      expect(row?.license_status).toBe('SUSPENDED');
    }
    expect(await graph.drainEvents()).toBe(0);
  });
});
