import { Migration } from '@umrah/db-kit';

const text = (column: string, max: number): string =>
  `${column} text not null check (char_length(btrim(${column})) between 1 and ${max})`;

// Fixed ids so every environment names the seeded seasons alike.
const SEASON_1447 = '01900000-0000-7000-8000-000000001447';
const SEASON_1448 = '01900000-0000-7000-8000-000000001448';
const POLICY_1447_V1 = '01900000-0000-7000-8000-000010001447';
const POLICY_1448_V1 = '01900000-0000-7000-8000-000010001448';

/** Gregorian dates of the seeded seasons, computed once with Intl's islamic-umalqura calendar (Asia/Riyadh). */
const SEEDED = [
  {
    id: SEASON_1447,
    policyId: POLICY_1447_V1,
    year: '1447',
    issuanceStartsOn: '2025-06-10', // 14 Dhu al-Hijjah 1446
    contractCutoffOn: '2026-01-20', // 1 Sha'ban 1447
    issuanceEndsOn: '2026-03-20', // 1 Shawwal 1447
    lastEntryOn: '2026-04-03', // 15 Shawwal 1447
    lastDepartureOn: '2026-04-18', // 1 Dhu al-Qa'dah 1447
  },
  {
    id: SEASON_1448,
    policyId: POLICY_1448_V1,
    year: '1448',
    issuanceStartsOn: '2026-05-31', // 14 Dhu al-Hijjah 1447
    contractCutoffOn: '2027-01-09', // 1 Sha'ban 1448
    issuanceEndsOn: '2027-03-09', // 1 Shawwal 1448
    lastEntryOn: '2027-03-23', // 15 Shawwal 1448
    lastDepartureOn: '2027-04-08', // 1 Dhu al-Qa'dah 1448
  },
];

/** Seasons with their dates and rules as versioned data, and per-company visa quota overrides. */
export class SeasonPolicy extends Migration {
  override name = '0003-season-policy';

  up(): void {
    this.addSql(`
      create table season (
        id uuid primary key,
        hijri_year text not null unique check (hijri_year ~ '^[0-9]{4}$'),
        ${text('name_ar', 100)},
        ${text('name_en', 100)}
      )`);
    this.addSql(`
      create table season_policy_version (
        id uuid primary key,
        season_id uuid not null references season (id),
        version integer not null check (version >= 1),
        effective_from timestamptz not null,
        issuance_starts_on date not null,
        issuance_ends_on date not null,
        last_entry_on date not null,
        last_departure_on date not null,
        contract_cutoff_on date not null,
        entry_window_days integer not null default 30 check (entry_window_days > 0),
        max_stay_days integer not null default 90 check (max_stay_days > 0),
        visa_fee_halalas integer not null check (visa_fee_halalas >= 0),
        insurance_fee_halalas integer not null default 8700 check (insurance_fee_halalas >= 0),
        overstay_fine_halalas integer not null default 2500000 check (overstay_fine_halalas >= 0),
        -- A passport must stay valid this many months past the planned departure.
        passport_validity_months integer not null default 6 check (passport_validity_months between 0 and 24),
        -- Null: companies have no visa quota unless one is set for them.
        default_company_quota integer check (default_company_quota >= 0),
        changed_by uuid,
        reason text not null check (char_length(btrim(reason)) between 3 and 1000),
        created_at timestamptz not null default now(),
        constraint season_policy_version_key unique (season_id, version),
        constraint season_policy_dates_ordered check (
          issuance_starts_on <= issuance_ends_on
          and issuance_ends_on <= last_entry_on
          and last_entry_on <= last_departure_on
        ),
        constraint season_policy_cutoff_in_issuance check (
          contract_cutoff_on between issuance_starts_on and issuance_ends_on
        )
      )`);
    this.addSql(
      `create index season_policy_version_in_force_idx on season_policy_version (season_id, effective_from, version)`,
    );
    this.addSql(`
      create table company_visa_quota (
        id uuid primary key,
        season_id uuid not null references season (id),
        company_id uuid not null,
        version integer not null check (version >= 1),
        -- Null: this company has no quota, whatever the season's default.
        quota integer check (quota >= 0),
        changed_by uuid,
        reason text not null check (char_length(btrim(reason)) between 3 and 1000),
        created_at timestamptz not null default now(),
        constraint company_visa_quota_version_key unique (season_id, company_id, version)
      )`);
    // Versions are history: the database refuses to rewrite or delete them.
    this.addSql(`
      create function refuse_history_change() returns trigger language plpgsql as $$
      begin
        raise exception '% rows are append-only', tg_table_name;
      end
      $$`);
    for (const table of ['season_policy_version', 'company_visa_quota']) {
      this.addSql(
        `create trigger ${table}_append_only before update or delete on ${table} for each row execute function refuse_history_change()`,
      );
    }
    for (const s of SEEDED) {
      this.addSql(
        `insert into season (id, hijri_year, name_ar, name_en) values ('${s.id}', '${s.year}', 'موسم عمرة ${s.year}هـ', 'Umrah season ${s.year} AH')`,
      );
      // Effective from long before the season opens; visa fee SAR 300, insurance SAR 87, overstay fine SAR 25,000.
      this.addSql(`
        insert into season_policy_version (
          id, season_id, version, effective_from,
          issuance_starts_on, issuance_ends_on, last_entry_on, last_departure_on, contract_cutoff_on,
          entry_window_days, max_stay_days, visa_fee_halalas, insurance_fee_halalas, overstay_fine_halalas,
          passport_validity_months, default_company_quota, changed_by, reason
        ) values (
          '${s.policyId}', '${s.id}', 1, timestamptz '2025-01-01 00:00:00+03',
          date '${s.issuanceStartsOn}', date '${s.issuanceEndsOn}', date '${s.lastEntryOn}', date '${s.lastDepartureOn}', date '${s.contractCutoffOn}',
          30, 90, 30000, 8700, 2500000,
          6, null, null, 'Season ${s.year} as announced by the ministry'
        )`);
    }
  }
}
