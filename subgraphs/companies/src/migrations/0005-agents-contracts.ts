import { Migration } from '@umrah/db-kit';

/**
 * External agents get contact, approval and rating columns and a status history; agency contracts
 * between a company and an agent get their own table. ACTIVE and EXPIRED are read from the dates
 * (an APPROVED contract inside its validity reads ACTIVE), so they are allowed but rarely stored.
 */
export class AgentsAndContracts extends Migration {
  override name = '0005-agents-contracts';

  up(): void {
    this.addSql(`
      alter table external_agent
        add column contact_email text check (contact_email = lower(contact_email) and contact_email like '%_@_%._%'),
        add column contact_phone text check (contact_phone ~ '^\\+[1-9][0-9]{6,14}$'),
        add column suspended_until date,
        add column rating numeric(3,2) check (rating between 0 and 5),
        add column violations_count integer not null default 0 check (violations_count >= 0),
        add column complaints_count integer not null default 0 check (complaints_count >= 0),
        add column approved_at timestamptz,
        add column approved_by uuid`);
    // A suspension always carries the end of its cure period; rows suspended before this column existed get today.
    this.addSql(`update external_agent set suspended_until = current_date where status = 'SUSPENDED'`);
    this.addSql(`
      alter table external_agent
        add constraint external_agent_suspension_check check (status <> 'SUSPENDED' or suspended_until is not null)`);
    this.addSql(`create index external_agent_status_idx on external_agent (status, id)`);
    this.addSql(`create index external_agent_country_idx on external_agent (country_code, id)`);
    this.addSql(`
      create table agent_status_change (
        id uuid primary key,
        agent_id uuid not null references external_agent (id),
        from_status text check (from_status in ('PENDING', 'ACTIVE', 'SUSPENDED')),
        to_status text not null check (to_status in ('PENDING', 'ACTIVE', 'SUSPENDED')),
        reason text not null check (char_length(reason) between 3 and 1000),
        cure_until date,
        changed_by uuid,
        changed_at timestamptz not null default now()
      )`);
    this.addSql(`create index agent_status_change_agent_idx on agent_status_change (agent_id, id)`);
    this.addSql(`
      create table agency_contract (
        id uuid primary key,
        company_id uuid not null references company (id),
        agent_id uuid not null references external_agent (id),
        valid_from date not null,
        valid_to date not null,
        status text not null default 'DRAFT'
          check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'ACTIVE', 'EXPIRED', 'TERMINATED')),
        season text not null check (season ~ '^[0-9]{4}$'),
        created_by uuid,
        created_at timestamptz not null default now(),
        submitted_at timestamptz,
        approved_at timestamptz,
        approved_by uuid,
        rejected_at timestamptz,
        rejection_reason text,
        terminated_at timestamptz,
        termination_reason text,
        check (valid_to > valid_from),
        check ((status = 'TERMINATED') = (terminated_at is not null and termination_reason is not null))
      )`);
    // One live contract per company, agent and season; terminated and expired ones make room for a new one.
    this.addSql(`
      create unique index agency_contract_live_uidx on agency_contract (company_id, agent_id, season)
        where status not in ('TERMINATED', 'EXPIRED')`);
    this.addSql(
      `create index agency_contract_agent_company_status_idx on agency_contract (agent_id, company_id, status)`,
    );
    this.addSql(`create index agency_contract_company_idx on agency_contract (company_id, id)`);
  }
}
