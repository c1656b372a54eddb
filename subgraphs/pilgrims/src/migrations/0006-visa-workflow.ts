import { Migration } from '@umrah/db-kit';

/**
 * The visa workflow past submission: who approved and when, payment, MOFA, the entry window,
 * arrival and departure, overstays, the processing queue of the payment and MOFA steps, the
 * per-company quota counter, and the maintained statistics the dashboards read.
 */
export class VisaWorkflow extends Migration {
  override name = '0006-visa-workflow';

  up(): void {
    this.addSql(`
      alter table visa_application
        add column agent_id uuid,
        add column season text check (season ~ '^[0-9]{4}$'),
        add column nationality char(2) check (nationality ~ '^[A-Z]{2}$'),
        add column submitted_by uuid,
        add column approved_at timestamptz,
        add column paid_at timestamptz,
        add column payment_reference text check (char_length(payment_reference) between 6 and 64),
        add column fee_halalas integer check (fee_halalas >= 0),
        add column sent_to_mofa_at timestamptz,
        add column issued_at timestamptz,
        add column enter_by date,
        add column arrived_on date,
        add column arrival_port text check (char_length(arrival_port) between 2 and 80),
        add column arrival_port_kind text check (arrival_port_kind in ('AIR', 'LAND', 'SEA')),
        add column stay_until date,
        add column departed_on date,
        add column departure_port text check (char_length(departure_port) between 2 and 80),
        add column overstayed_at timestamptz,
        -- Milliseconds from submission to issuance, recorded once at issuance.
        add column processing_ms bigint check (processing_ms >= 0),
        -- The processing queue of the payment and MOFA steps: when the next attempt is due.
        add column attempts integer not null default 0 check (attempts >= 0),
        add column next_attempt_at timestamptz,
        add column last_error text check (char_length(last_error) <= 500),
        -- Whether the application holds one of its company's quota places (approved, not given back).
        add column holds_quota boolean not null default false,
        add constraint visa_arrival_check check (
          (arrived_on is null) = (arrival_port is null) and (arrived_on is null) = (arrival_port_kind is null)
        ),
        add constraint visa_departure_after_arrival check (departed_on is null or departed_on >= arrived_on),
        add constraint visa_arrived_has_date check (status not in ('ARRIVED', 'DEPARTED', 'OVERSTAYED') or arrived_on is not null)`);
    // Demo rows from before this migration: copy what the statistics need from the pilgrim.
    this.addSql(`
      update visa_application v set agent_id = p.agent_id, season = p.season, nationality = p.nationality
        from pilgrim p where p.id = v.pilgrim_id`);
    this.addSql(`alter table visa_application alter column season set not null, alter column nationality set not null`);
    // One live application per pilgrim: after a rejection or cancellation the pilgrim may apply again.
    this.addSql(`alter table visa_application drop constraint visa_application_pilgrim_id_key`);
    this.addSql(`
      create unique index visa_application_live_pilgrim_key on visa_application (pilgrim_id)
        where status not in ('REJECTED', 'CANCELLED')`);
    this.addSql(`create index visa_application_pilgrim_idx on visa_application (pilgrim_id, submitted_at)`);
    this.addSql(`create unique index visa_application_mofa_reference_key on visa_application (mofa_reference)`);
    this.addSql(`create index visa_application_agent_idx on visa_application (agent_id, id)`);
    this.addSql(`create index visa_application_company_idx on visa_application (company_id, id)`);
    // The queue: only applications with work due are indexed, so polling stays cheap at any volume
    // (payment, MOFA, or a refund owed after a cancellation or rejection).
    this.addSql(`
      create index visa_application_due_idx on visa_application (next_attempt_at) where next_attempt_at is not null`);
    // The scheduled jobs' candidates: issued visas by entry deadline, pilgrims in the Kingdom by stay.
    this.addSql(`create index visa_application_enter_by_idx on visa_application (enter_by) where status = 'ISSUED'`);
    this.addSql(
      `create index visa_application_stay_until_idx on visa_application (stay_until) where status = 'ARRIVED'`,
    );

    // Quota places used per company and season. Taking a place is one conditional update on this
    // row (used < quota), which locks it: concurrent approvals queue here and never overrun.
    this.addSql(`
      create table company_visa_usage (
        season text not null check (season ~ '^[0-9]{4}$'),
        company_id uuid not null,
        used integer not null default 0 check (used >= 0),
        primary key (season, company_id)
      )`);

    // Maintained statistics: counts by (season, company, nationality, status), kept by a trigger in
    // the same transaction as every change, so dashboards read a few hundred rows, never the season.
    this.addSql(`
      create table visa_stat (
        season text not null,
        company_id uuid not null,
        nationality char(2) not null,
        status text not null,
        overstayed boolean not null,
        n integer not null check (n >= 0),
        primary key (season, company_id, nationality, status, overstayed)
      )`);
    // Transitions per Riyadh day: submitted, issued, arrived... each day, per company and status.
    this.addSql(`
      create table visa_day_stat (
        day date not null,
        season text not null,
        company_id uuid not null,
        status text not null,
        n integer not null check (n >= 0),
        primary key (season, day, company_id, status)
      )`);
    this.addSql(`
      create function visa_stat_apply(s text, c uuid, nat char(2), st text, o boolean, delta integer)
        returns void language plpgsql as $$
      begin
        insert into visa_stat (season, company_id, nationality, status, overstayed, n)
          values (s, c, nat, st, o, greatest(delta, 0))
          on conflict (season, company_id, nationality, status, overstayed)
          do update set n = visa_stat.n + delta;
      end
      $$`);
    this.addSql(`
      create function visa_stat_maintain() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          perform visa_stat_apply(old.season, old.company_id, old.nationality, old.status,
                                  old.overstayed_at is not null, -1);
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          perform visa_stat_apply(new.season, new.company_id, new.nationality, new.status,
                                  new.overstayed_at is not null, 1);
        end if;
        return null;
      end
      $$`);
    this.addSql(`
      create trigger visa_stat_maintain after insert or delete or update of status, overstayed_at, season, company_id, nationality
        on visa_application for each row execute function visa_stat_maintain()`);
    // Transitions per day come from the history, by the Riyadh day each change happened.
    this.addSql(`
      create function visa_day_stat_maintain() returns trigger language plpgsql as $$
      begin
        insert into visa_day_stat (day, season, company_id, status, n)
          select (new.changed_at at time zone 'Asia/Riyadh')::date, v.season, v.company_id, new.to_status, 1
            from visa_application v where v.id = new.visa_application_id
          on conflict (season, day, company_id, status) do update set n = visa_day_stat.n + 1;
        return null;
      end
      $$`);
    this.addSql(`
      create trigger visa_day_stat_maintain after insert on visa_status_change
        for each row execute function visa_day_stat_maintain()`);
    // Counts for the rows that exist already.
    this.addSql(`
      insert into visa_stat (season, company_id, nationality, status, overstayed, n)
        select season, company_id, nationality, status, overstayed_at is not null, count(*)
          from visa_application group by 1, 2, 3, 4, 5`);
    this.addSql(`
      insert into visa_day_stat (day, season, company_id, status, n)
        select (h.changed_at at time zone 'Asia/Riyadh')::date, v.season, v.company_id, h.to_status, count(*)
          from visa_status_change h join visa_application v on v.id = h.visa_application_id
         group by 1, 2, 3, 4`);
  }
}
