import { Migration } from '@umrah/db-kit';
import { INBOX_SQL } from '@umrah/events';

/**
 * What this subgraph knows of the companies subgraph's decisions, kept from its events: whether a
 * company's licence lets it take new work, and which agency contracts exist. Registrations and
 * visas check these locally instead of calling another subgraph on every request.
 */
export class CompanyStanding extends Migration {
  override name = '0004-company-standing';

  up(): void {
    for (const sql of INBOX_SQL) this.addSql(sql);
    this.addSql(`
      create table company_standing (
        company_id uuid primary key,
        license_status text not null check (license_status in ('ACTIVE', 'SUSPENDED', 'REVOKED')),
        license_expires_on date not null,
        event_seq bigint not null,
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table agency_contract_standing (
        contract_id uuid primary key,
        company_id uuid not null,
        agent_id uuid not null,
        status text not null,
        valid_from date not null,
        valid_to date not null,
        event_seq bigint not null,
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`create index agency_contract_standing_pair_idx on agency_contract_standing (company_id, agent_id)`);
  }
}
