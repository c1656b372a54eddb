import { Migration } from '@umrah/db-kit';

/** Licensing rules as data: every change is a new version; the latest effective one applies. */
export class LicensingPolicy extends Migration {
  override name = '0003-licensing-policy';

  up(): void {
    this.addSql(`
      create table licensing_policy (
        id uuid primary key,
        season text not null check (season ~ '^[0-9]{4}$'),
        effective_from date not null,
        license_years integer not null check (license_years between 1 and 10),
        company_cure_days integer not null check (company_cure_days between 1 and 180),
        agent_cure_days integer not null check (agent_cure_days between 1 and 180),
        contract_cutoff_on date not null,
        changed_by uuid,
        reason text not null check (char_length(reason) between 3 and 1000),
        created_at timestamptz not null default now()
      )`);
    this.addSql(
      `create index licensing_policy_effective_idx on licensing_policy (effective_from desc, created_at desc)`,
    );
    // Season 1447 AH as published: contracts close 1 Sha'ban 1447 (2026-01-20); 5-year licences; 30-day cure; agents 10 days.
    this.addSql(`
      insert into licensing_policy (id, season, effective_from, license_years, company_cure_days, agent_cure_days, contract_cutoff_on, reason)
      values ('01900000-0000-7000-8000-000000001447', '1447', date '2025-06-10', 5, 30, 10, date '2026-01-20', 'Season 1447 AH rules as published by the ministry')`);
    // Season 1448 AH opens 14 Dhu al-Hijjah 1447 (2026-05-31); contracts close 1 Sha'ban 1448 (2027-01-09).
    this.addSql(`
      insert into licensing_policy (id, season, effective_from, license_years, company_cure_days, agent_cure_days, contract_cutoff_on, reason)
      values ('01900000-0000-7000-8000-000000001448', '1448', date '2026-05-31', 5, 30, 10, date '2027-01-09', 'Season 1448 AH: the 1447 rules carried forward')`);
  }
}
