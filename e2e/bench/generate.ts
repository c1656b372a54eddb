// `npm run bench:generate -w @umrah/e2e -- <size>`: a season at <size> pilgrims (10k, 100k, 1m, 10m) in
// PostgreSQL databases umrah_bench_<size>_<subgraph>. The demo cast is seeded first (its accounts sign
// in; its five companies get 30 % of the bulk rows), then bulk rows go in with `insert … select
// generate_series(…)`, a million pilgrims per transaction, into tables whose secondary indexes are built
// after the rows; the maintained aggregates are recomputed from the rows at the end.
import { demoCompanies } from '@umrah/demo';
import type { Database } from '@umrah/db-kit';
import { DEFINITIONS, SUBGRAPH_NAMES, databaseName, onServer, openBenchDatabase, parseSize } from './databases';

const SEASON = '1448';
// Weighted like seed 003's first-day figures (Indonesia, Pakistan, India … lead).
const NATIONALITIES = [
  ...Array<string>(28).fill('ID'),
  ...Array<string>(14).fill('PK'),
  ...Array<string>(10).fill('IN'),
  ...Array<string>(8).fill('EG'),
  ...Array<string>(6).fill('TR'),
  ...Array<string>(6).fill('BD'),
  ...Array<string>(5).fill('MY'),
  ...Array<string>(4).fill('DZ'),
  ...Array<string>(4).fill('ZA'),
  ...Array<string>(3).fill('NG'),
  ...Array<string>(3).fill('US'),
  ...Array<string>(3).fill('KE'),
  ...Array<string>(2).fill('GB'),
  ...Array<string>(2).fill('JO'),
  ...Array<string>(2).fill('MA'),
];
// Out of 100 pilgrims: 90 have an application, in every status the workflow knows.
const STATUS_BUCKETS: [string, number][] = [
  ['SUBMITTED', 4],
  ['APPROVED', 1],
  ['PAID', 1],
  ['SENT_TO_MOFA', 1],
  ['REJECTED', 3],
  ['CANCELLED', 3],
  ['ISSUED', 30],
  ['EXPIRED', 4],
  ['ARRIVED', 25],
  ['DEPARTED', 15],
  ['OVERSTAYED', 3],
];

const sqlArray = (values: readonly string[], type: string): string =>
  `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::${type}[]`;
/** A uuid fixed by a label (md5), so rows in different databases can name each other. */
const uuidOf = (label: string): string => `md5(${label})::uuid`;

/** Pilgrims per bulk transaction: 10 M rows in one statement grow WAL and temp files past what the server holds. */
const CHUNK = 1_000_000;

/** [from, to] ranges of at most CHUNK pilgrims covering 1..n. */
function chunksOf(n: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let from = 1; from <= n; from += CHUNK) ranges.push([from, Math.min(n, from + CHUNK - 1)]);
  return ranges;
}

export interface GenerateOptions {
  size: string;
  log?: (line: string) => void;
}

async function run(db: Database, statements: string[], triggersOff = false): Promise<void> {
  await db.fork().transactional(async (tx) => {
    const connection = tx.getConnection();
    const ctx = tx.getTransactionContext();
    // Triggers (and FK checks) off for bulk rows that are consistent by construction; aggregates are recomputed after.
    if (triggersOff) await connection.execute(`set local session_replication_role = replica`, [], 'run', ctx);
    for (const s of statements) await connection.execute(s, [], 'run', ctx);
  });
}

/**
 * Drops the secondary indexes of `tables` (those no constraint owns) and returns a function that builds
 * them again: one sort per index after the bulk rows instead of millions of random index inserts, the
 * difference between minutes and hours at 10 M.
 */
async function deferIndexes(db: Database, tables: string[]): Promise<() => Promise<void>> {
  const connection = db.orm.em.getConnection();
  const indexes = await connection.execute<{ name: string; def: string }[]>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
       from pg_index i
      where i.indrelid = any(${sqlArray(tables, 'regclass')})
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
  );
  for (const { name } of indexes) await connection.execute(`drop index ${name}`);
  return () => run(db, [`set local maintenance_work_mem = '1GB'`, ...indexes.map((i) => i.def)]);
}

export async function generate({ size, log = console.log }: GenerateOptions): Promise<void> {
  const n = parseSize(size);
  const started = Date.now();
  const step = (what: string) => log(`[generate ${size}] ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  // The industry's shape at every size (DOMAIN.md: ~500 licensed companies, 3,000+ agents): only the
  // season's volume grows with the size, so a read's cost at 10 k and at 10 M compare like with like.
  const generatedCompanies = 495;
  // Agents per generated company; agent g works for generated company 1 + (g - 1) % generatedCompanies.
  const agentsPerCompany = 6;
  const agents = generatedCompanies * agentsPerCompany;

  await onServer(
    SUBGRAPH_NAMES.flatMap((name) => [
      `drop database if exists "${databaseName(size, name)}" with (force)`,
      `create database "${databaseName(size, name)}"`,
    ]),
  );
  const dbs = Object.fromEntries(
    await Promise.all(
      DEFINITIONS.map(async (d) => {
        const db = await openBenchDatabase(size, d.name as never, 2);
        await db.migrate();
        await d.seedDemo(db);
        return [d.name, db] as const;
      }),
    ),
  ) as Record<string, Database>;
  step('migrated and demo seeded');

  try {
    // Companies: the demo's five plus generated ones (licensed), agents with active contracts.
    const companyIdSql = `(${uuidOf(`'bench-company-' || g`)})`;
    await run(dbs['companies']!, [
      `insert into license (id, number, status, issued_on, expires_on)
         select ${uuidOf(`'bench-license-' || g`)}, 'BL-' || lpad(g::text, 6, '0'), 'ACTIVE', date '2024-01-01', date '2029-01-01'
           from generate_series(1, ${generatedCompanies}) g`,
      `insert into company (id, name_ar, name_en, cr_number, city, license_id, created_at)
         select ${companyIdSql}, 'شركة عمرة ' || g, 'Umrah Company ' || g, lpad((9000000000 + g)::text, 10, '0'),
                (array['Makkah','Madinah','Jeddah','Riyadh'])[1 + g % 4], ${uuidOf(`'bench-license-' || g`)},
                date_trunc('milliseconds', now() - interval '400 days')
           from generate_series(1, ${generatedCompanies}) g`,
      `insert into external_agent (id, name, country_code, home_license_number, status, created_at, approved_at)
         select ${uuidOf(`'bench-agent-' || g`)}, 'Travel Agency ' || g, (${sqlArray(NATIONALITIES, 'text')})[1 + g % ${NATIONALITIES.length}],
                'HL' || lpad(g::text, 7, '0'), 'ACTIVE', now() - interval '300 days', now() - interval '290 days'
           from generate_series(1, ${agents}) g`,
      `insert into agency_contract (id, company_id, agent_id, valid_from, valid_to, status, season, created_at, submitted_at, approved_at)
         select ${uuidOf(`'bench-contract-' || g`)}, ${uuidOf(`'bench-company-' || (1 + (g - 1) % ${generatedCompanies})`)},
                ${uuidOf(`'bench-agent-' || g`)}, current_date - 200, current_date + 165, 'ACTIVE', '${SEASON}',
                now() - interval '200 days', now() - interval '199 days', now() - interval '198 days'
           from generate_series(1, ${agents}) g`,
    ]);
    step(`companies: ${generatedCompanies} companies, ${agents} agents`);

    // Which company pilgrim i belongs to: 30 % to the demo's five, the rest spread over the generated ones.
    const companies = sqlArray(
      demoCompanies.slice(0, 5).map((c) => c.id),
      'uuid',
    );
    // A generated company's index for pilgrim i (multiplicative hash, so every company gets its share).
    const generatedIndex = (i: string) => `(1 + ((${i}::bigint * 2654435761) % 4294967296) % ${generatedCompanies})`;
    const companyOf = (i: string) =>
      `(case when ${i} % 10 < 3 then (${companies})[1 + (${i} / 10) % 5] else ${uuidOf(`'bench-company-' || ${generatedIndex(i)}`)} end)`;
    // The pilgrim's agent holds a contract with the pilgrim's company; the demo companies' rows have none.
    const agentOf = (i: string) =>
      `(case when ${i} % 10 >= 3 then ${uuidOf(`'bench-agent-' || (${generatedIndex(i)} + ${generatedCompanies} * (${i} % ${agentsPerCompany}))`)} end)`;
    const statusCase = (i: string) => {
      let from = 0;
      const arms = STATUS_BUCKETS.map(([status, share]) => {
        from += share;
        return `when (${i} * 37) % 100 < ${from} then '${status}'`;
      });
      return `(case ${arms.join(' ')} else null end)`;
    };

    const pilgrims = dbs['pilgrims']!;
    const pilgrimsIndexes = await deferIndexes(pilgrims, [
      'pilgrim',
      'visa_application',
      'visa_status_change',
      'pilgrim_booking',
    ]);
    for (const [from, to] of chunksOf(n)) {
      await run(
        pilgrims,
        [
          `insert into pilgrim (id, company_id, agent_id, season, given_name_ar, father_name_ar, grandfather_name_ar, family_name_ar,
                              given_name_en, father_name_en, grandfather_name_en, family_name_en, passport_number, nationality,
                              date_of_birth, sex, created_at, passport_issued_on, passport_expires_on, visa_status)
           select ${uuidOf(`'bench-pilgrim-' || i`)}, ${companyOf('i')},
                  ${agentOf('i')},
                  '${SEASON}',
                  (array['محمد','أحمد','عبدالله','فاطمة','عائشة','خديجة','يوسف','إبراهيم'])[1 + i % 8],
                  (array['علي','حسن','عمر','خالد','سعيد'])[1 + i % 5],
                  (array['إسماعيل','سليمان','موسى','داود'])[1 + i % 4],
                  (array['خان','سيتياوان','حسين','رحمن','أوزتورك','مالك','إبراهيم'])[1 + (i / 7) % 7],
                  (array['Muhammad','Ahmad','Abdullah','Fatimah','Aisha','Khadijah','Yusuf','Ibrahim'])[1 + i % 8],
                  (array['Ali','Hasan','Umar','Khalid','Said'])[1 + i % 5],
                  (array['Ismail','Sulaiman','Musa','Dawud'])[1 + i % 4],
                  (array['Khan','Setiawan','Hussain','Rahman','Ozturk','Malik','Ibrahim'])[1 + (i / 7) % 7],
                  'BN' || lpad(i::text, 9, '0'),
                  (${sqlArray(NATIONALITIES, 'text')})[1 + (i * 7) % ${NATIONALITIES.length}],
                  date '1950-01-01' + ((i::bigint * 13) % 20000)::int,
                  case when i % 2 = 0 then 'MALE' else 'FEMALE' end,
                  date_trunc('milliseconds', now() - interval '1 day' * (1 + (i::bigint * 7919) % 150)),
                  date '2020-01-01' + i % 1500,
                  date '2031-01-01' + i % 1500,
                  ${statusCase('i')}
             from generate_series(${from}, ${to}) i`,
        ],
        true,
      );
      step(`pilgrims ${from}–${to}`);
    }
    step(`${n} pilgrims`);

    // One application for 90 % of them; the dates follow the status (see STATUS_BUCKETS).
    for (const [from, to] of chunksOf(n)) {
      await run(
        pilgrims,
        [
          `create temporary table bench_visa on commit drop as
           select i, ${uuidOf(`'bench-visa-' || i`)} as id, ${uuidOf(`'bench-pilgrim-' || i`)} as pilgrim_id, ${companyOf('i')} as company_id,
                  ${agentOf('i')} as agent_id,
                  (${sqlArray(NATIONALITIES, 'text')})[1 + (i * 7) % ${NATIONALITIES.length}] as nationality,
                  ${statusCase('i')} as status, ((i::bigint * 7919) % 100)::int as d
             from generate_series(${from}, ${to}) i`,
          `delete from bench_visa where status is null`,
          `create temporary table bench_visa_dated on commit drop as
           select v.*,
                  case when status in ('ARRIVED','DEPARTED','OVERSTAYED') then current_date - case status
                         when 'ARRIVED' then d % 80 when 'DEPARTED' then 20 + d % 70 else 95 + d % 30 end end as arrived_on
             from bench_visa v`,
          `create temporary table bench_visa_issued on commit drop as
           select v.*,
                  date_trunc('milliseconds', case
                    when status in ('ISSUED') then now() - interval '1 day' * (d % 25) - interval '1 hour'
                    when status = 'EXPIRED' then now() - interval '1 day' * (45 + d % 60)
                    when arrived_on is not null then (arrived_on - 5)::timestamptz
                  end) as issued_at
             from bench_visa_dated v`,
          `insert into visa_application (id, pilgrim_id, company_id, agent_id, season, nationality, status, submitted_at, updated_at,
                                       approved_at, paid_at, payment_reference, fee_halalas, sent_to_mofa_at, issued_at,
                                       mofa_reference, visa_number, enter_by, arrived_on, arrival_port, arrival_port_kind,
                                       stay_until, departed_on, departure_port, overstayed_at, processing_ms, attempts,
                                       next_attempt_at, holds_quota)
           select id, pilgrim_id, company_id, agent_id, '${SEASON}', nationality, status, submitted_at, now(),
                  case when status not in ('SUBMITTED','REJECTED','CANCELLED') then submitted_at + interval '1 hour' end,
                  case when status not in ('SUBMITTED','REJECTED','CANCELLED','APPROVED') then submitted_at + interval '2 hours' end,
                  case when status not in ('SUBMITTED','REJECTED','CANCELLED','APPROVED') then 'PAY' || lpad(i::text, 12, '0') end,
                  case when status not in ('SUBMITTED','REJECTED','CANCELLED','APPROVED') then 31700 end,
                  case when status not in ('SUBMITTED','REJECTED','CANCELLED','APPROVED','PAID') then submitted_at + interval '3 hours' end,
                  issued_at,
                  case when issued_at is not null then (10000000 + i)::text end,
                  case when issued_at is not null then 'V' || lpad(i::text, 9, '0') end,
                  case when issued_at is not null then (issued_at at time zone 'Asia/Riyadh')::date + 30 end,
                  arrived_on,
                  case when arrived_on is not null then 'JED — King Abdulaziz International Airport' end,
                  case when arrived_on is not null then 'AIR' end,
                  arrived_on + 90,
                  case when status = 'DEPARTED' then arrived_on + 10 end,
                  case when status = 'DEPARTED' then 'JED — King Abdulaziz International Airport' end,
                  case when status = 'OVERSTAYED' then (arrived_on + 91)::timestamptz end,
                  case when issued_at is not null then (extract(epoch from issued_at - submitted_at) * 1000)::bigint end,
                  0,
                  -- Mid-way applications wait for a retry a month away, so the processor leaves them alone during a run.
                  case when status in ('APPROVED','PAID','SENT_TO_MOFA') then now() + interval '30 days' end,
                  status not in ('SUBMITTED','REJECTED','CANCELLED')
             from (select v.*, date_trunc('milliseconds', coalesce(issued_at - interval '2 days',
                            now() - interval '1 day' * (case when status in ('REJECTED','CANCELLED') then 5 + d else 1 + d % 10 end)
                            - interval '2 hours')) as submitted_at
                     from bench_visa_issued v) v`,
          // The history: each step the application went through.
          `insert into visa_status_change (id, visa_application_id, from_status, to_status, changed_at, reason)
           select ${uuidOf(`'bench-visa-step-' || v.id || ':' || s.k`)}, v.id, lag(s.status) over (partition by v.id order by s.k), s.status,
                  case s.status
                    when 'ISSUED' then v.issued_at
                    when 'ARRIVED' then v.arrived_on::timestamptz
                    when 'DEPARTED' then v.departed_on::timestamptz
                    when 'EXPIRED' then (v.enter_by + 1)::timestamptz
                    when 'OVERSTAYED' then v.overstayed_at
                    else v.submitted_at + interval '1 hour' * (s.k - 1)
                  end,
                  case s.status when 'REJECTED' then 'Passport photo unreadable; resubmit with a clear scan.'
                                when 'CANCELLED' then 'The pilgrim postponed the journey.' end
             from visa_application v
             join bench_visa b on b.id = v.id
             cross join lateral unnest(case v.status
                  when 'SUBMITTED' then array['SUBMITTED']
                  when 'REJECTED' then array['SUBMITTED','REJECTED']
                  when 'CANCELLED' then array['SUBMITTED','CANCELLED']
                  when 'APPROVED' then array['SUBMITTED','APPROVED']
                  when 'PAID' then array['SUBMITTED','APPROVED','PAID']
                  when 'SENT_TO_MOFA' then array['SUBMITTED','APPROVED','PAID','SENT_TO_MOFA']
                  when 'ISSUED' then array['SUBMITTED','APPROVED','PAID','SENT_TO_MOFA','ISSUED']
                  when 'EXPIRED' then array['SUBMITTED','APPROVED','PAID','SENT_TO_MOFA','ISSUED','EXPIRED']
                  when 'ARRIVED' then array['SUBMITTED','APPROVED','PAID','SENT_TO_MOFA','ISSUED','ARRIVED']
                  when 'DEPARTED' then array['SUBMITTED','APPROVED','PAID','SENT_TO_MOFA','ISSUED','ARRIVED','DEPARTED']
                  else array['SUBMITTED','APPROVED','PAID','SENT_TO_MOFA','ISSUED','ARRIVED','OVERSTAYED'] end)
                  with ordinality as s(status, k)`,
          // Bookings confirmed for everyone past payment, as the packages subgraph's events would have left them.
          `insert into pilgrim_booking (booking_id, pilgrim_id, company_id, package_id, booking_reference, starts_on, ends_on, status, event_seq, updated_at)
           select ${uuidOf(`'bench-booking-' || v.i`)}, v.pilgrim_id, v.company_id, ${uuidOf(`'bench-package-' || v.company_id`)},
                  'BRN-' || upper(lpad(to_hex(v.i), 10, '0')), current_date - 120, current_date + 120, 'CONFIRMED', 0, now()
             from bench_visa v where v.status not in ('SUBMITTED','REJECTED','CANCELLED','APPROVED')`,
        ],
        true,
      );
      step(`visa applications, history and bookings ${from}–${to}`);
    }
    await pilgrimsIndexes();
    step('pilgrims: secondary indexes built');

    // The maintained aggregates, recomputed from the rows (the triggers were off for the bulk rows).
    await run(pilgrims, [
      `delete from visa_stat`,
      `insert into visa_stat (season, company_id, nationality, status, overstayed, n)
         select season, company_id, nationality, status, overstayed_at is not null, count(*)
           from visa_application group by 1, 2, 3, 4, 5`,
      `delete from visa_day_stat`,
      `insert into visa_day_stat (day, season, company_id, status, n)
         select (c.changed_at at time zone 'Asia/Riyadh')::date, v.season, v.company_id, c.to_status, count(*)
           from visa_status_change c join visa_application v on v.id = c.visa_application_id group by 1, 2, 3, 4`,
      `insert into company_visa_usage (season, company_id, used)
         select season, company_id, count(*) from visa_application where holds_quota group by 1, 2
         on conflict (season, company_id) do update set used = excluded.used`,
      `delete from pilgrim_count`,
      `insert into pilgrim_count (parent_kind, parent_id, n)
         select 'COMPANY', company_id, count(*) from pilgrim group by company_id
         union all select 'GROUP', group_id, count(*) from pilgrim where group_id is not null group by group_id`,
      `delete from pilgrim_filter_count`,
      `insert into pilgrim_filter_count (company_id, nationality, visa_status, n)
         select company_id, nationality, coalesce(visa_status, 'NONE'), count(*) from pilgrim group by 1, 2, 3`,
    ]);
    step('aggregates recomputed');

    // Packages: one approved package per company and the confirmed bookings behind the pilgrims' copies.
    const allCompanies = `(select unnest(${companies}) as company_id union all
                           select ${uuidOf(`'bench-company-' || g`)} from generate_series(1, ${generatedCompanies}) g)`;
    const packages = dbs['packages']!;
    await run(packages, [
      `insert into service_package (id, company_id, name_ar, name_en, status, price_halalas, makkah_nights, madinah_nights, sale_starts_on, sale_ends_on)
         select ${uuidOf(`'bench-package-' || company_id`)}, company_id, 'باقة الموسم', 'Season package', 'APPROVED', 450000, 5, 3,
                current_date - 200, current_date + 165
           from ${allCompanies} c`,
    ]);
    const bookingIndexes = await deferIndexes(packages, ['booking']);
    for (const [from, to] of chunksOf(n)) {
      await run(
        packages,
        [
          `insert into booking (id, booking_reference, pilgrim_id, company_id, package_id, starts_on, ends_on, status, created_by,
                                created_at, confirmed_at, payment_reference)
             select ${uuidOf(`'bench-booking-' || i`)}, 'BRN-' || upper(lpad(to_hex(i), 10, '0')), ${uuidOf(`'bench-pilgrim-' || i`)},
                    ${companyOf('i')}, ${uuidOf(`'bench-package-' || ${companyOf('i')}`)}, current_date - 120, current_date + 120,
                    'CONFIRMED', '00000000-0000-7000-8000-000000000000', now() - interval '130 days', now() - interval '129 days', 'SADAD-' || i
               from generate_series(${from}, ${to}) i
              where ${statusCase('i')} not in ('SUBMITTED','REJECTED','CANCELLED','APPROVED')`,
        ],
        true,
      );
    }
    await bookingIndexes();
    step('packages and bookings');

    // Loyalty: accounts for the generated companies; one earning entry per registered pilgrim (12 points, spread
    // over the 150 days before today as registrations are over a season), numbered
    // and balanced as the ledger's triggers would (row triggers see one row at a time, so they are off for
    // the bulk rows and the lines, balances and lots are computed here).
    const loyalty = dbs['loyalty']!;
    await run(loyalty, [
      `insert into loyalty_account (id, company_id, balance, last_line)
         select ${uuidOf(`'bench-account-' || g`)}, ${uuidOf(`'bench-company-' || g`)}, 0, 0
           from generate_series(1, ${generatedCompanies}) g`,
    ]);
    const ledgerIndexes = await deferIndexes(loyalty, ['loyalty_ledger_entry']);
    for (const [from, to] of chunksOf(n)) {
      await run(
        loyalty,
        [
          // k: the entry's place among its company's entries in this chunk; the account carries the lines before.
          `create temporary table bench_earn on commit drop as
             select i, company_id, row_number() over (partition by company_id order by i) as k
               from (select i, ${companyOf('i')} as company_id from generate_series(${from}, ${to}) i) r`,
          `insert into loyalty_ledger_entry (id, account_id, kind, points, balance_after, source, line, cause, occurred_at, rule_id, pilgrims)
             select ${uuidOf(`'bench-ledger-' || r.i`)}, a.id, 'EARN', 12, a.balance + 12 * r.k, 'bench:pilgrim:' || r.i,
                    a.last_line + r.k, 'PILGRIM_REGISTERED', now() - interval '150 days' * ((${n} - r.i)::float / ${n}),
                    '01900000-0000-7000-8000-000020001448', 1
               from bench_earn r join loyalty_account a on a.company_id = r.company_id`,
          `update loyalty_account a set balance = a.balance + 12 * c.n, last_line = a.last_line + c.n, updated_at = now()
             from (select company_id, count(*) as n from bench_earn group by company_id) c
            where c.company_id = a.company_id`,
        ],
        true,
      );
    }
    await ledgerIndexes();
    await run(
      loyalty,
      [
        `insert into loyalty_points_lot (id, account_id, expires_on, points, remaining)
           select ${uuidOf(`'bench-lot-' || account_id`)}, account_id, current_date + 700, sum(points), sum(points)
             from loyalty_ledger_entry where source like 'bench:%' group by account_id
           on conflict (account_id, expires_on) do update set points = loyalty_points_lot.points + excluded.points,
                                                              remaining = loyalty_points_lot.remaining + excluded.points`,
        `insert into loyalty_pilgrim_day (account_id, day, pilgrims)
           select account_id, (occurred_at at time zone 'UTC')::date, sum(pilgrims)
             from loyalty_ledger_entry where source like 'bench:%' group by 1, 2
           on conflict (account_id, day) do update set pilgrims = loyalty_pilgrim_day.pilgrims + excluded.pilgrims`,
      ],
      true,
    );
    step('loyalty ledger');

    for (const name of SUBGRAPH_NAMES) await dbs[name]!.orm.em.getConnection().execute('vacuum analyze');
    step('vacuum analyze: done');
  } finally {
    await Promise.all(Object.values(dbs).map((db) => db.close()));
  }
}

const invokedDirectly = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!);
if (invokedDirectly) {
  const size = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? '10k';
  await generate({ size });
}
