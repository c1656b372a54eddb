import { randomUUID } from 'node:crypto';
import type { Database } from '@umrah/db-kit';
import { applyEvents, type FeedEvent } from '@umrah/events';
import { as, openTestDatabase } from '@umrah/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf, deliver, ledgerDisagreements, registration, visaChanged } from '../../test/support';
import { loyaltySubgraph } from '../index';
import { pilgrimsEventHandler } from './earning.handler';
import { setEarningRules } from '../rules/rules.service';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase(loyaltySubgraph);
});
afterAll(() => db.close());

interface Line {
  kind: string;
  cause: string;
  points: number;
  balance_after: number;
  tier: string;
  multiplier_pct: number;
  rule_version: number;
  expires_on: string;
}

const linesOf = (companyId: string): Promise<Line[]> =>
  db
    .fork()
    .getConnection()
    .execute<Line[]>(
      `select e.kind, e.cause, e.points, e.balance_after, e.tier, e.multiplier_pct, r.version as rule_version,
              (select l.expires_on::text from loyalty_lot_use u join loyalty_points_lot l on l.id = u.lot_id where u.entry_id = e.id) as expires_on
         from loyalty_ledger_entry e join loyalty_account a on a.id = e.account_id
         left join loyalty_earning_rules r on r.id = e.rule_id
        where a.company_id = ? order by e.line`,
      [companyId],
    );

describe('earning from the pilgrims subgraph’s events', () => {
  it('opens an account on the company’s first registration and earns the rate in force when it happened', async () => {
    const company = randomUUID();
    expect(await balanceOf(db, company)).toBeNull();
    await deliver(db, registration(company, '2026-11-01T09:00:00Z'));
    expect(await balanceOf(db, company)).toBe(12);
    expect(await linesOf(company)).toEqual([
      {
        kind: 'EARN',
        cause: 'PILGRIM_REGISTERED',
        points: 12,
        balance_after: 12,
        tier: 'BRONZE',
        multiplier_pct: 100,
        rule_version: 2,
        // 24 months after the day it was earned (Riyadh calendar).
        expires_on: '2028-11-01',
      },
    ]);
  });

  it('earns nothing for events from before the programme’s first rules', async () => {
    const company = randomUUID();
    await deliver(db, registration(company, '2024-06-01T09:00:00Z'));
    expect(await balanceOf(db, company)).toBe(0);
    expect(await linesOf(company)).toEqual([]);
  });

  it('earns once per event and once per pilgrim, however often and by whichever consumer it arrives', async () => {
    const company = randomUUID();
    const event = registration(company, '2026-11-03T09:00:00Z');
    expect(await deliver(db, event)).toBe(true);
    expect(await deliver(db, event)).toBe(false); // the inbox knows it
    // A second consumer of the same feed (its own inbox) applies it again: the ledger refuses a second accrual.
    expect(await deliver(db, event, 'pilgrims-replay')).toBe(true);
    // The same pilgrim under another event id (a producer retry) earns nothing more either.
    await deliver(db, { ...registration(company, '2026-11-03T09:05:00Z', event.aggregateId) });
    expect(await balanceOf(db, company)).toBe(12);
    expect(await linesOf(company)).toHaveLength(1);
  });

  it('ignores events without a company and other event types', async () => {
    const before = await db
      .fork()
      .getConnection()
      .execute<{ n: string }[]>('select count(*) as n from loyalty_ledger_entry');
    const odd = registration('not-a-uuid', '2026-11-03T09:00:00Z');
    await deliver(db, odd);
    await deliver(db, { ...registration(randomUUID(), '2026-11-03T09:00:00Z'), type: 'PilgrimUpdated' });
    const after = await db
      .fork()
      .getConnection()
      .execute<{ n: string }[]>('select count(*) as n from loyalty_ledger_entry');
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('a change of the earning rules', () => {
  // A version announced for 2030, with low tier thresholds so tiers are reached in a few events.
  const from = new Date('2030-01-01T00:00:00+03:00');
  const at = (minutes: number): Date => new Date(from.getTime() + minutes * 60_000);

  beforeAll(async () => {
    await setEarningRules(db.fork(), as.officer(), {
      season: '1451',
      reason: 'Test season with low tiers',
      effectiveFrom: from,
      pointsPerPilgrim: 20,
      visaIssuedBonus: 5,
      silverFrom: 2,
      goldFrom: 3,
      platinumFrom: 4,
    });
  });

  it('applies from its effective date; earlier points keep the rule they were earned under', async () => {
    const company = randomUUID();
    await deliver(db, registration(company, at(-60))); // before: rules v2, 12 points
    await deliver(db, registration(company, at(1))); // after: rules v3, 20 points (1 pilgrim before: Bronze)
    const lines = await linesOf(company);
    expect(lines.map((l) => [l.points, l.rule_version, l.tier])).toEqual([
      [12, 2, 'BRONZE'],
      [20, 3, 'BRONZE'],
    ]);
  });

  it('multiplies by the tier the pilgrims of the 12 months before reach, and lets old pilgrims drop out', async () => {
    const company = randomUUID();
    for (let i = 0; i < 6; i++) await deliver(db, registration(company, at(10 + i)));
    // 13 months later the window holds none of them again.
    await deliver(db, registration(company, new Date('2031-02-02T00:00:00+03:00')));
    expect((await linesOf(company)).map((l) => [l.tier, l.multiplier_pct, l.points])).toEqual([
      ['BRONZE', 100, 20],
      ['BRONZE', 100, 20],
      ['SILVER', 110, 22],
      ['GOLD', 125, 25],
      ['PLATINUM', 150, 30],
      ['PLATINUM', 150, 30],
      ['BRONZE', 100, 20],
    ]);
    expect(await balanceOf(db, company)).toBe(20 + 20 + 22 + 25 + 30 + 30 + 20);
  });

  it('gives the visa bonus only under rules that have one, and nothing for other visa changes', async () => {
    const company = randomUUID();
    await deliver(db, visaChanged(company, '2026-11-02T09:00:00Z')); // rules v2: no bonus
    await deliver(db, visaChanged(company, at(5), 'APPROVED'));
    expect((await balanceOf(db, company)) ?? 0).toBe(0);
    await deliver(db, visaChanged(company, at(6))); // rules v3: 5 points
    expect(await balanceOf(db, company)).toBe(5);
    expect((await linesOf(company)).map((l) => [l.cause, l.points, l.rule_version])).toEqual([['VISA_ISSUED', 5, 3]]);
  });

  it('earns a chunk of events applied at once exactly as the same events applied one by one', async () => {
    // Two companies interleaved, tiers reached inside the chunk, a pilgrim carried by two events,
    // a visa bonus, an event from before the rules, and a registration 13 months before the rest
    // that leaves the window part-way through.
    const script = (a: string, b: string): FeedEvent[] => {
      const repeated = randomUUID();
      return [
        registration(a, '2029-01-01T00:21:30+03:00'), // in the window of at(20) and at(21), out of at(23)'s
        registration(a, at(20), repeated),
        registration(b, at(20)),
        registration(a, at(21)),
        visaChanged(b, at(21)),
        registration(a, at(21)), // same instant as the one before: not counted for it
        registration(b, '2024-06-01T09:00:00Z'), // no rules yet
        registration(a, at(22), repeated), // the same pilgrim again
        registration(a, at(23)),
        registration(b, at(24)),
        registration(a, at(25)),
      ];
    };
    const [a1, b1, a2, b2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const event of script(a1, b1)) await deliver(db, event);
    const chunk = script(a2, b2);
    expect(await applyEvents(db, 'pilgrims', chunk, pilgrimsEventHandler)).toBe(chunk.length);

    const shape = async (company: string) =>
      (await linesOf(company)).map((l) => [l.cause, l.points, l.balance_after, l.tier, l.rule_version, l.expires_on]);
    expect(await shape(a2)).toEqual(await shape(a1));
    expect(await shape(b2)).toEqual(await shape(b1));
    expect((await shape(a2)).map((line) => line[3])).toEqual([
      'BRONZE',
      'BRONZE',
      'SILVER',
      'SILVER',
      'GOLD',
      'PLATINUM',
    ]);
    expect(await balanceOf(db, a2)).toBe(await balanceOf(db, a1));
    // Applied again, as a consumer that lost its position would: nothing changes.
    expect(await applyEvents(db, 'pilgrims-replay', chunk, pilgrimsEventHandler)).toBe(chunk.length);
    expect(await shape(a2)).toEqual(await shape(a1));
  });

  it('counts, in a chunk, the registrations the ledger already holds between the chunk’s instants', async () => {
    const [one, chunked] = [randomUUID(), randomUUID()];
    for (const company of [one, chunked]) await deliver(db, registration(company, at(31)));
    for (const event of [registration(one, at(30)), registration(one, at(32))]) await deliver(db, event);
    await applyEvents(
      db,
      'pilgrims',
      [registration(chunked, at(30)), registration(chunked, at(32))],
      pilgrimsEventHandler,
    );
    const tiers = async (company: string) => (await linesOf(company)).map((l) => l.tier);
    expect(await tiers(chunked)).toEqual(['BRONZE', 'BRONZE', 'SILVER']);
    expect(await tiers(chunked)).toEqual(await tiers(one));
  });

  it('counts a year of pilgrims from the daily counts exactly as the ledger lines would', async () => {
    const company = randomUUID();
    // Registrations over two years, some on UTC midnight and some a millisecond either side of it.
    const day = 86_400_000;
    // From the past into the future, so both ways of counting a partial day are taken (see migration 0010).
    const start = Date.parse('2025-06-01T00:00:00Z');
    const instants = Array.from({ length: 60 }, (_, i) => start + Math.floor(((i * 7919) % 730) * day) + (i % 3) - 1);
    instants.push(start + 400 * day, start + 400 * day); // two at one instant
    // Through whole days too: either side of noon, where the partial days switch how they are counted.
    const hour = 3_600_000;
    for (const d of [100, 465, 466]) {
      for (const h of [3, 11.99, 12, 12.01, 20]) instants.push(start + d * day + Math.round(h * hour));
    }
    const events = instants.sort((a, b) => a - b).map((t) => registration(company, new Date(t)));
    await applyEvents(db, 'pilgrims', events, pilgrimsEventHandler);
    const probes = [
      ...instants,
      ...instants.map((t) => t + 1),
      ...instants.map((t) => t - 1),
      ...[365.5, 465.25, 465.75, 466.5, 831.4, 831.6].map((d) => start + d * day),
      Date.now(),
      Date.now() - 60_000,
    ];
    const rows = await db
      .fork()
      .getConnection()
      .execute<{ counted: string; direct: string; counted_incl: string; direct_incl: string }[]>(
        `select loyalty_pilgrims_in_year(a.id, p.at, false) as counted, loyalty_pilgrims_in_year(a.id, p.at, true) as counted_incl,
                (select coalesce(sum(pilgrims), 0) from loyalty_ledger_entry e where e.account_id = a.id and e.pilgrims > 0
                   and e.occurred_at > p.at - interval '12 months' and e.occurred_at < p.at) as direct,
                (select coalesce(sum(pilgrims), 0) from loyalty_ledger_entry e where e.account_id = a.id and e.pilgrims > 0
                   and e.occurred_at > p.at - interval '12 months' and e.occurred_at <= p.at) as direct_incl
           from loyalty_account a, jsonb_array_elements_text(?::jsonb) as t(v), lateral (select t.v::timestamptz as at) p
          where a.company_id = ?`,
        [JSON.stringify(probes.map((t) => new Date(t).toISOString())), company],
      );
    expect(rows).toHaveLength(probes.length);
    expect(rows.filter((r) => Number(r.counted) > 0).length).toBeGreaterThan(probes.length / 2);
    for (const r of rows) {
      expect([Number(r.counted), Number(r.counted_incl)]).toEqual([Number(r.direct), Number(r.direct_incl)]);
    }
  });

  it('leaves the books in agreement', async () => {
    expect(await ledgerDisagreements(db)).toEqual([]);
  });

  it('refuses a numbered batch whose lines do not follow their account, whole, and moves nothing', async () => {
    const company = randomUUID();
    await deliver(db, registration(company, '2026-11-03T09:00:00Z'));
    const before = await balanceOf(db, company);
    const rows = await db
      .fork()
      .getConnection()
      .execute<{ id: string; balance: number; last_line: number }[]>(
        `select id, balance, last_line from loyalty_account where company_id = ?`,
        [company],
      );
    const account = rows[0]!;
    // The first line follows on; the second skips a number (or, in the second try, the balance is not the running sum).
    for (const [line2, balance2] of [
      [account.last_line + 3, account.balance + 20],
      [account.last_line + 2, account.balance + 25],
    ] as const) {
      const post = db.fork().transactional(async (tx) => {
        const run = (text: string, params: unknown[] = []) =>
          tx.getConnection().execute(text, params, 'run', tx.getTransactionContext());
        await run(`select set_config('loyalty.batch', 'on', true)`);
        await run(
          `insert into loyalty_ledger_entry (id, account_id, line, kind, cause, points, balance_after, source, occurred_at, reason)
           values (?, ?, ?, 'ADJUST', 'OFFICER_ADJUSTMENT', 10, ?, ?, now(), 'Batch test'),
                  (?, ?, ?, 'ADJUST', 'OFFICER_ADJUSTMENT', 10, ?, ?, now(), 'Batch test')`,
          [
            randomUUID(),
            account.id,
            account.last_line + 1,
            account.balance + 10,
            `test:${randomUUID()}`,
            randomUUID(),
            account.id,
            line2,
            balance2,
            `test:${randomUUID()}`,
          ],
        );
      });
      await expect(post).rejects.toThrow(/do not follow their accounts/);
    }
    expect(await balanceOf(db, company)).toBe(before);
    expect(await ledgerDisagreements(db)).toEqual([]);
  });
});

// Two consumers applying one event at the same moment only race on a PostgreSQL server.
describe.runIf(process.env['TEST_DATABASE_URL'])('concurrent delivery (PostgreSQL)', () => {
  it('earns once when two consumers apply the same registrations at the same moment', async () => {
    const company = randomUUID();
    const events = Array.from({ length: 8 }, (_, i) => registration(company, `2026-11-05T09:0${i}:00Z`));
    await Promise.all(
      events.flatMap((event) => [deliver(db, event, 'pilgrims'), deliver(db, event, 'pilgrims-replay')]),
    );
    expect(await balanceOf(db, company)).toBe(8 * 12);
    expect(await linesOf(company)).toHaveLength(8);
    expect(await ledgerDisagreements(db)).toEqual([]);
  });
});
