import { Migration } from '@umrah/db-kit';
import { OUTBOX_SQL } from '@umrah/events';

/**
 * Registration of groups and pilgrims by agents and managers: the group table, the passport dates
 * and MRZ a registration records, idempotency keys for retried calls, and the outbox (this subgraph
 * now emits `PilgrimRegistered`). Pilgrims loaded before this migration (the demo) keep null dates.
 */
export class Registration extends Migration {
  override name = '0005-registration';

  up(): void {
    for (const sql of OUTBOX_SQL) this.addSql(sql);
    // Group numbers not chosen by the caller come from here: 5 to 6 digits, as the format rule says.
    this.addSql(`create sequence pilgrim_group_number_seq minvalue 10000 maxvalue 999999 start 10000`);
    this.addSql(`
      create table pilgrim_group (
        id uuid primary key,
        company_id uuid not null,
        agent_id uuid,
        group_number text not null check (group_number ~ '^[0-9]{5,6}$'),
        name text not null check (char_length(btrim(name)) between 1 and 120),
        season text not null check (season ~ '^[0-9]{4}$'),
        created_by uuid not null,
        created_at timestamptz not null default now(),
        constraint pilgrim_group_number_key unique (group_number),
        -- Target of pilgrim's composite key: a pilgrim's group belongs to the pilgrim's company.
        constraint pilgrim_group_id_company_key unique (id, company_id)
      )`);
    this.addSql(`create index pilgrim_group_company_idx on pilgrim_group (company_id, id)`);
    this.addSql(`create index pilgrim_group_agent_idx on pilgrim_group (agent_id, id)`);
    this.addSql(`
      alter table pilgrim
        add column group_id uuid,
        add column passport_issued_on date,
        add column passport_expires_on date,
        add column planned_departure_on date,
        add column mrz text check (mrz ~ '^[A-Z0-9<]{44}\\n[A-Z0-9<]{44}$'),
        add column registered_by uuid,
        add constraint pilgrim_group_fk foreign key (group_id, company_id) references pilgrim_group (id, company_id),
        add constraint pilgrim_passport_dates_check check (passport_expires_on > passport_issued_on)`);
    this.addSql(`create index pilgrim_group_idx on pilgrim (group_id, id)`);
    this.addSql(`
      create table idempotency_key (
        key text not null check (char_length(key) between 1 and 200),
        actor uuid not null,
        operation text not null,
        result_id uuid not null,
        created_at timestamptz not null default now(),
        primary key (actor, operation, key)
      )`);
  }
}
