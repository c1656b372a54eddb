import { randomUUID } from 'node:crypto';
import { companiesSubgraph } from '@umrah/companies';
import { demoCompanies, demoPilgrims } from '@umrah/demo';
import { loyaltySubgraph } from '@umrah/loyalty';
import { packagesSubgraph } from '@umrah/packages';
import { confirmedBookingsOf, pilgrimsSubgraph } from '@umrah/pilgrims';
import { as, bootGraph, codes, type TestGraph } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let graph: TestGraph;
const [safwa, rawda] = demoCompanies;
const pilgrims = demoPilgrims();
// Pilgrims whose visas were issued have no demo booking: free to book here.
const [safwaPilgrim, safwaPilgrim2] = pilgrims.filter((p) => p.companyId === safwa!.id && p.visa.status === 'ISSUED');
const rawdaPilgrim = pilgrims.find((p) => p.companyId === rawda!.id && p.visa.status === 'ISSUED')!;
const manager = as.manager(safwa!.id);

beforeAll(async () => {
  graph = await bootGraph([companiesSubgraph, pilgrimsSubgraph, packagesSubgraph, loyaltySubgraph], { demo: true });
  await graph.drainEvents();
}, 180_000);
afterAll(() => graph?.close());

// What the pilgrims subgraph applies from the packages feed (audit entries go to companies, not counted here).
const drainPilgrims = (): Promise<number> => graph.subgraphs['pilgrims']!.drainEvents();
const pilgrimsDb = () => graph.subgraphs['pilgrims']!.db.fork();
const day = (fromToday: number): string => new Date(Date.now() + fromToday * 86_400_000).toISOString().slice(0, 10);

/** An approved 8-night package of a company, on sale around today whenever the test runs. */
async function approvedPackage(companyId: string): Promise<string> {
  const id = randomUUID();
  await graph.subgraphs['packages']!.db.orm.em.getConnection().execute(
    `insert into service_package (id, company_id, name_ar, name_en, status, price_halalas, makkah_nights, madinah_nights, sale_starts_on, sale_ends_on)
     values (?, ?, 'باقة اختبار', 'Test Package', 'APPROVED', 450000, 5, 3, ?, ?)`,
    [id, companyId, day(-10), day(120)],
  );
  return id;
}

const BOOK = `mutation($input: BookPackageInput!) { bookPackage(input: $input) { id bookingReference status } }`;
const CONFIRM = `mutation($id: ID!) { confirmBooking(id: $id, paymentReference: "SADAD-4455") { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelBooking(id: $id, reason: "Pilgrim withdrew") { id status } }`;
const PILGRIM = `query($id: ID!) {
  pilgrim(id: $id) { id fullNameEn company { id } booking { bookingReference status startsOn endsOn nights package { id nameEn } } }
}`;

interface Booked {
  id: string;
  bookingReference: string;
  status: string;
}

async function bookAndConfirm(pilgrimId: string, packageId: string): Promise<Booked> {
  const booked = await graph.request<{ bookPackage: Booked }>(
    BOOK,
    { input: { packageId, pilgrimId, startsOn: day(5), endsOn: day(13) } },
    manager,
  );
  expect(booked.errors).toBeUndefined();
  const confirmed = await graph.request<{ confirmBooking: Booked }>(
    CONFIRM,
    { id: booked.data!.bookPackage.id },
    manager,
  );
  expect(confirmed.data!.confirmBooking.status).toBe('CONFIRMED');
  return booked.data!.bookPackage;
}

describe('bookings reach the pilgrims subgraph as events', () => {
  it('knows the demo’s confirmed bookings after the first drain', async () => {
    const waiting = pilgrims.filter((p) => ['SUBMITTED', 'APPROVED', 'PAID', 'SENT_TO_MOFA'].includes(p.visa.status));
    const known = await confirmedBookingsOf(
      pilgrimsDb(),
      waiting.map((p) => p.id),
    );
    const booked = waiting.filter((p) => known.get(p.id)!.length > 0);
    expect(booked.length).toBeGreaterThan(waiting.length / 2);
    expect(booked.length).toBeLessThan(waiting.length);
  });

  it('sees a booking once it is confirmed, joins it to the pilgrim across subgraphs, and forgets it once cancelled', async () => {
    const packageId = await approvedPackage(safwa!.id);
    const booked = await graph.request<{ bookPackage: Booked }>(
      BOOK,
      { input: { packageId, pilgrimId: safwaPilgrim!.id, startsOn: day(5), endsOn: day(13) } },
      manager,
    );
    const bookingId = booked.data!.bookPackage.id;
    // Held only: nothing is published, nothing counts for a visa.
    expect(await drainPilgrims()).toBe(0);
    expect((await confirmedBookingsOf(pilgrimsDb(), [safwaPilgrim!.id])).get(safwaPilgrim!.id)).toEqual([]);

    await graph.request(CONFIRM, { id: bookingId }, manager);
    expect(await drainPilgrims()).toBe(1);
    expect((await confirmedBookingsOf(pilgrimsDb(), [safwaPilgrim!.id])).get(safwaPilgrim!.id)).toEqual([
      {
        bookingId,
        bookingReference: booked.data!.bookPackage.bookingReference,
        packageId,
        companyId: safwa!.id,
        startsOn: day(5),
        endsOn: day(13),
      },
    ]);

    const joined = await graph.request<{
      pilgrim: {
        company: { id: string };
        booking: { bookingReference: string; status: string; nights: number; package: { id: string } };
      };
    }>(PILGRIM, { id: safwaPilgrim!.id }, manager);
    expect(joined.errors).toBeUndefined();
    expect(joined.data!.pilgrim.booking).toMatchObject({
      bookingReference: booked.data!.bookPackage.bookingReference,
      status: 'CONFIRMED',
      nights: 8,
      package: { id: packageId },
    });
    const asOfficer = await graph.request<{ pilgrim: { booking: { status: string } | null } }>(
      PILGRIM,
      { id: safwaPilgrim!.id },
      as.officer(),
    );
    expect(asOfficer.data!.pilgrim.booking?.status).toBe('CONFIRMED');

    await graph.request(CANCEL, { id: bookingId }, manager);
    expect(await drainPilgrims()).toBe(1);
    expect((await confirmedBookingsOf(pilgrimsDb(), [safwaPilgrim!.id])).get(safwaPilgrim!.id)).toEqual([]);
    const after = await graph.request<{ pilgrim: { booking: unknown } }>(PILGRIM, { id: safwaPilgrim!.id }, manager);
    expect(after.data!.pilgrim.booking).toBeNull();
  });

  it('changes nothing when the feed delivers its events a second time', async () => {
    const packageId = await approvedPackage(safwa!.id);
    const booking = await bookAndConfirm(safwaPilgrim2!.id, packageId);
    expect(await drainPilgrims()).toBe(1);
    const before = await confirmedBookingsOf(pilgrimsDb(), [safwaPilgrim2!.id]);
    // Forget how far the packages feed was read: every event of it comes again.
    await pilgrimsDb().getConnection().execute(`delete from feed_position where source = 'packages'`);
    expect(await drainPilgrims()).toBe(0);
    expect(await confirmedBookingsOf(pilgrimsDb(), [safwaPilgrim2!.id])).toEqual(before);
    expect(before.get(safwaPilgrim2!.id)!.map((b) => b.bookingId)).toEqual([booking.id]);
  });

  it('never counts a booking of another company’s pilgrim', async () => {
    const packageId = await approvedPackage(safwa!.id);
    // The packages subgraph takes the pilgrim id on trust; the pilgrims subgraph checks whose pilgrim it is.
    await bookAndConfirm(rawdaPilgrim.id, packageId);
    expect(await drainPilgrims()).toBe(1);
    expect((await confirmedBookingsOf(pilgrimsDb(), [rawdaPilgrim.id])).get(rawdaPilgrim.id)).toEqual([]);
    const asRawda = await graph.request<{ pilgrim: { booking: unknown } }>(
      PILGRIM,
      { id: rawdaPilgrim.id },
      as.manager(rawda!.id),
    );
    expect(asRawda.data!.pilgrim.booking).toBeNull();
  });

  it('refuses a supervisor’s booking through the gateway, and publishes nothing', async () => {
    const packageId = await approvedPackage(safwa!.id);
    const r = await graph.request(
      BOOK,
      { input: { packageId, pilgrimId: safwaPilgrim!.id, startsOn: day(5), endsOn: day(13) } },
      as.supervisor(),
    );
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(await drainPilgrims()).toBe(0);
  });
});
