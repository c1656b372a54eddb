import { randomUUID } from 'node:crypto';
import { companiesSubgraph } from '@umrah/companies';
import { demoAgents, demoCompanies } from '@umrah/demo';
import { loyaltySubgraph } from '@umrah/loyalty';
import { packagesSubgraph } from '@umrah/packages';
import { pilgrimsSubgraph } from '@umrah/pilgrims';
import { as, bootGraph, type TestGraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A visa from the agent's submission to issuance through the whole graph: the agent registers and
 * submits, the company books, confirms and approves, payment and MOFA (simulated, zero latency in
 * tests) follow. Prints the submit→issued times it measured; asserts outcomes, never timings.
 */
let graph: TestGraph;
const safwa = demoCompanies[0]!;
const agentId = demoAgents.find((a) => a.companyIds.includes(safwa.id))!.id;
const agent = as.agent(agentId);
const manager = as.manager(safwa.id);
const day = (fromToday: number): string => new Date(Date.now() + fromToday * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  graph = await bootGraph([companiesSubgraph, pilgrimsSubgraph, packagesSubgraph, loyaltySubgraph], { demo: true });
  await graph.drainEvents();
  // The demo's applications caught mid-way are processed first, so the figures below are ours alone.
  await graph.subgraphs['pilgrims']!.runWorkers();
}, 180_000);
afterAll(() => graph?.close());

async function approvedPackage(): Promise<string> {
  const id = randomUUID();
  await graph.subgraphs['packages']!.db.orm.em.getConnection().execute(
    `insert into service_package (id, company_id, name_ar, name_en, status, price_halalas, makkah_nights, madinah_nights, sale_starts_on, sale_ends_on)
     values (?, ?, 'باقة اختبار', 'Visa flow package', 'APPROVED', 450000, 5, 3, ?, ?)`,
    [id, safwa.id, day(-10), day(120)],
  );
  return id;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

describe('a visa from submission to issuance, through the gateway', () => {
  it('issues every approved application with a MOFA reference and records its processing time', async () => {
    const COUNT = 20;
    const packageId = await approvedPackage();
    const ids: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const registered = await graph.request<{ registerPilgrim: { id: string } }>(
        `mutation R($input: RegisterPilgrimInput!) { registerPilgrim(input: $input) { id } }`,
        {
          input: {
            companyId: safwa.id,
            givenNameAr: 'عبدالله',
            fatherNameAr: 'محمد',
            grandfatherNameAr: 'علي',
            familyNameAr: 'سيتياوان',
            givenNameEn: 'Abdullah',
            fatherNameEn: 'Muhammad',
            grandfatherNameEn: 'Ali',
            familyNameEn: 'Setiawan',
            passportNumber: `ID${9_000_000 + i}${Date.now() % 1000}`,
            nationality: 'ID',
            dateOfBirth: '1979-03-12',
            sex: 'MALE',
            passportIssuedOn: '2021-05-01',
            passportExpiresOn: '2031-05-01',
          },
        },
        agent,
      );
      expect(registered.errors).toBeUndefined();
      const pilgrimId = registered.data!.registerPilgrim.id;
      const booked = await graph.request<{ bookPackage: { id: string } }>(
        `mutation B($input: BookPackageInput!) { bookPackage(input: $input) { id } }`,
        { input: { packageId, pilgrimId, startsOn: day(5), endsOn: day(13) } },
        manager,
      );
      expect(booked.errors).toBeUndefined();
      await graph.request(
        `mutation C($id: ID!) { confirmBooking(id: $id, paymentReference: "SADAD-1") { id } }`,
        {
          id: booked.data!.bookPackage.id,
        },
        manager,
      );
      ids.push(pilgrimId);
    }
    await graph.drainEvents(); // the bookings reach the pilgrims subgraph

    const latencies: number[] = [];
    const visaIds: string[] = [];
    for (const pilgrimId of ids) {
      const started = performance.now();
      const submitted = await graph.request<{ submitVisaApplication: { id: string } }>(
        `mutation S($p: ID!, $key: String) { submitVisaApplication(pilgrimId: $p, idempotencyKey: $key) { id } }`,
        { p: pilgrimId, key: `submit:${pilgrimId}` },
        agent,
      );
      const id = submitted.data!.submitVisaApplication.id;
      const approved = await graph.request(
        `mutation A($id: ID!) { approveVisaApplication(id: $id) { status } }`,
        { id },
        manager,
      );
      expect(approved.errors).toBeUndefined();
      await graph.subgraphs['pilgrims']!.runWorkers();
      latencies.push(performance.now() - started);
      visaIds.push(id);
    }

    const read = await graph.request<{
      visaApplications: {
        edges: { node: { id: string; status: string; mofaReference: string; processingSeconds: number } }[];
      };
    }>(
      `query { visaApplications(first: 100, filter: { statuses: [ISSUED] }) { edges { node { id status mofaReference processingSeconds } } } }`,
      {},
      agent,
    );
    const ours = read.data!.visaApplications.edges.map((e) => e.node).filter((v) => visaIds.includes(v.id));
    expect(ours).toHaveLength(COUNT);
    for (const visa of ours) expect(visa.mofaReference).toMatch(/^[0-9]{8,9}$/);

    const sorted = [...latencies].sort((a, b) => a - b);
    const recorded = ours.map((v) => v.processingSeconds * 1000).sort((a, b) => a - b);
    console.log(
      `[visa-flow] submit→issued through the gateway, MOFA and payment simulated at 0 ms, ${COUNT} applications: ` +
        `p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms; ` +
        `recorded processing time p50 ${percentile(recorded, 50).toFixed(0)} ms, p95 ${percentile(recorded, 95).toFixed(0)} ms`,
    );
  });
});
