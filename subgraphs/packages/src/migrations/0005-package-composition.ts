import { Migration } from '@umrah/db-kit';

/**
 * Packages composed from inventory and the ministry's approval workflow: each package lists its
 * components (an inventory item for some days of the stay), counts its versions, and keeps every
 * status change with who made it, when and why. The references to the package are checked at
 * commit, so a package and its components may be written in one flush in any order.
 */
export class PackageComposition extends Migration {
  override name = '0005-package-composition';

  up(): void {
    this.addSql(`
      alter table service_package
        add column version integer not null default 1 check (version >= 1),
        add column updated_at timestamptz not null default now(),
        add column submitted_at timestamptz,
        add column decided_at timestamptz,
        add column rejection_reason text check (char_length(btrim(rejection_reason)) between 3 and 1000),
        add constraint service_package_rejection_check check (rejection_reason is null or status = 'REJECTED')`);
    // The officer's queue: submitted packages, longest waiting first (a package submitted before
    // submissions were stamped waits since it was created).
    this.addSql(
      `create index service_package_queue_idx on service_package ((coalesce(submitted_at, created_at)), id) where status = 'SUBMITTED'`,
    );
    this.addSql(`create index service_package_status_idx on service_package (status, id)`);
    this.addSql(`
      create table package_component (
        id uuid primary key,
        package_id uuid not null references service_package (id) on delete cascade deferrable initially deferred,
        position integer not null check (position between 0 and 29),
        item_id uuid not null references inventory_item (id),
        day_offset integer not null check (day_offset between 0 and 90),
        days integer not null check (days between 1 and 91),
        constraint package_component_position_key unique (package_id, position)
      )`);
    this.addSql(`create index package_component_item_idx on package_component (item_id)`);
    this.addSql(`
      create table package_status_change (
        id uuid primary key,
        package_id uuid not null references service_package (id) on delete cascade deferrable initially deferred,
        company_id uuid not null,
        action text not null check (action in ('CREATED', 'UPDATED', 'SUBMITTED', 'APPROVED', 'REJECTED', 'CHANGED_AFTER_APPROVAL')),
        from_status text check (from_status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')),
        to_status text not null check (to_status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')),
        version integer not null check (version >= 1),
        reason text check (char_length(btrim(reason)) between 3 and 1000),
        actor_account_id uuid,
        actor_role text,
        at timestamptz not null default now(),
        constraint package_status_change_rejection_check check (action <> 'REJECTED' or reason is not null)
      )`);
    this.addSql(`create index package_status_change_package_idx on package_status_change (package_id, id)`);
  }
}
