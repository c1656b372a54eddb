import { Migration } from '@umrah/db-kit';

/**
 * Company contacts and service centre; the full history of licence status changes; company
 * timestamps kept at millisecond precision so a sort cursor carries them exactly.
 */
export class LicenceHistory extends Migration {
  override name = '0004-licence-history';

  up(): void {
    // Nullable: companies registered before this migration have no contact on record yet.
    this.addSql(`
      alter table company
        add column contact_email text check (
          contact_email is null
          or (contact_email = lower(contact_email) and char_length(contact_email) <= 254 and contact_email ~ '^[^@ ]+@[^@ ]+[.][^@ ]+$')),
        add column contact_phone text check (contact_phone is null or contact_phone ~ '^[+]?[0-9][0-9 -]{6,19}$'),
        add column service_center text check (service_center is null or char_length(service_center) between 2 and 120)`);
    this.addSql(`update company set created_at = date_trunc('milliseconds', created_at)`);
    this.addSql(`
      alter table company
        alter column created_at set default date_trunc('milliseconds', now()),
        add constraint company_created_at_ms check (created_at = date_trunc('milliseconds', created_at))`);
    this.addSql(`create index company_name_en_sort_idx on company (name_en, id)`);
    this.addSql(`create index company_name_ar_sort_idx on company (name_ar, id)`);
    this.addSql(`create index company_created_at_sort_idx on company (created_at, id)`);
    this.addSql(`create index license_expires_on_idx on license (expires_on, id)`);
    this.addSql(`
      create table license_status_change (
        id uuid primary key,
        license_id uuid not null references license (id),
        company_id uuid not null references company (id),
        from_status text check (from_status in ('ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED')),
        to_status text not null check (to_status in ('ACTIVE', 'SUSPENDED', 'REVOKED')),
        action text not null check (action in ('ISSUE', 'SUSPEND', 'REINSTATE', 'REVOKE', 'RENEW')),
        reason text not null check (char_length(reason) between 3 and 1000),
        suspended_until date,
        new_expires_on date,
        actor_account_id uuid,
        at timestamptz not null default now(),
        check ((action = 'ISSUE') = (from_status is null)),
        check ((action = 'SUSPEND') = (suspended_until is not null)),
        check (action not in ('ISSUE', 'RENEW') or new_expires_on is not null)
      )`);
    this.addSql(`create index license_status_change_license_idx on license_status_change (license_id, at, id)`);
    this.addSql(`create index license_status_change_company_idx on license_status_change (company_id, at)`);
    // Licences already on record start their history with one entry saying so.
    this.addSql(`
      insert into license_status_change (id, license_id, company_id, from_status, to_status, action, reason, new_expires_on, at)
      select gen_random_uuid(), l.id, c.id, null, l.status, 'ISSUE', 'On record before the licence history was kept', l.expires_on, c.created_at
        from license l join company c on c.license_id = l.id`);
  }
}
