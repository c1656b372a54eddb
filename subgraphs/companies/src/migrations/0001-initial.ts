import { Migration } from '@umrah/db-kit';

export class InitialCompanies extends Migration {
  override name = '0001-initial';

  up(): void {
    this.addSql(`
      create table license (
        id uuid primary key,
        number text not null unique,
        status text not null check (status in ('ACTIVE', 'SUSPENDED', 'REVOKED')),
        issued_on date not null,
        expires_on date not null,
        suspended_until date,
        check (expires_on > issued_on),
        check (status <> 'SUSPENDED' or suspended_until is not null)
      )`);
    this.addSql(`create index license_status_expiry_idx on license (status, expires_on)`);
    this.addSql(`
      create table company (
        id uuid primary key,
        name_ar text not null check (char_length(name_ar) between 2 and 200),
        name_en text not null check (char_length(name_en) between 2 and 200),
        cr_number text not null unique check (cr_number ~ '^[0-9]{10}$'),
        city text not null check (char_length(city) between 2 and 80),
        license_id uuid not null unique references license (id),
        created_at timestamptz not null default now()
      )`);
    this.addSql(`create index company_city_idx on company (city)`);
    this.addSql(`create index company_name_en_idx on company (lower(name_en))`);
    this.addSql(`
      create table external_agent (
        id uuid primary key,
        name text not null check (char_length(name) between 2 and 200),
        country_code char(2) not null check (country_code ~ '^[A-Z]{2}$'),
        home_license_number text not null,
        status text not null default 'PENDING' check (status in ('PENDING', 'ACTIVE', 'SUSPENDED')),
        created_at timestamptz not null default now(),
        unique (country_code, home_license_number)
      )`);
    this.addSql(`
      create table account (
        id uuid primary key,
        email text not null unique check (email = lower(email) and email like '%_@_%'),
        display_name text not null,
        password_hash text not null,
        role text not null check (role in ('MINISTRY_SUPERVISOR', 'MINISTRY_OFFICER', 'COMPANY_MANAGER', 'AGENT', 'PROVIDER')),
        company_id uuid references company (id),
        agent_id uuid references external_agent (id),
        provider_id uuid,
        disabled_at timestamptz,
        created_at timestamptz not null default now(),
        check ((role = 'COMPANY_MANAGER') = (company_id is not null)),
        check ((role = 'AGENT') = (agent_id is not null)),
        check ((role = 'PROVIDER') = (provider_id is not null))
      )`);
  }
}
