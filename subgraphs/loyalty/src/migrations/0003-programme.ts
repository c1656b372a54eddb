import { Migration } from '@umrah/db-kit';
import { INBOX_ORDER_SQL, INBOX_SQL } from '@umrah/events';

const text = (column: string, max: number): string =>
  `${column} text not null check (char_length(btrim(${column})) between 1 and ${max})`;

// Fixed ids so every environment names the seeded rule versions alike.
const RULES_1447_V1 = '01900000-0000-7000-8000-000020001447';
const RULES_1448_V2 = '01900000-0000-7000-8000-000020001448';

/**
 * The Al-Barakat programme: earning rules as versioned season policy, a ledger the database keeps
 * consistent with every balance, points lots that expire oldest first, the rewards catalogue and
 * redemptions, and the inbox for the pilgrims subgraph's events.
 */
export class LoyaltyProgramme extends Migration {
  override name = '0003-programme';

  up(): void {
    // A new inbox: both parts of the gap-free feed at once (see INBOX_ORDER_SQL).
    for (const sql of [...INBOX_SQL, ...INBOX_ORDER_SQL]) this.addSql(sql);

    // Versions are history: the database refuses to rewrite or delete them (and ledger lines).
    this.addSql(`
      create function loyalty_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '% rows are append-only', tg_table_name;
      end
      $$`);

    // Earning rules: one chain of versions; the version in force at an instant is the latest
    // effective by then. An entry keeps the version it was earned under.
    this.addSql(`
      create table loyalty_earning_rules (
        id uuid primary key,
        version integer not null unique check (version >= 1),
        season text not null check (season ~ '^[0-9]{4}$'),
        effective_from timestamptz not null,
        points_per_pilgrim integer not null check (points_per_pilgrim between 1 and 100000),
        visa_issued_bonus integer not null check (visa_issued_bonus between 0 and 100000),
        silver_from integer not null check (silver_from >= 1),
        gold_from integer not null,
        platinum_from integer not null,
        silver_multiplier_pct integer not null check (silver_multiplier_pct between 100 and 500),
        gold_multiplier_pct integer not null check (gold_multiplier_pct between 100 and 500),
        platinum_multiplier_pct integer not null check (platinum_multiplier_pct between 100 and 500),
        expiry_months integer not null check (expiry_months between 1 and 120),
        expiry_notice_days integer not null check (expiry_notice_days between 1 and 365),
        changed_by uuid,
        reason text not null check (char_length(btrim(reason)) between 3 and 1000),
        created_at timestamptz not null default now(),
        constraint loyalty_earning_rules_tiers_ordered check (silver_from < gold_from and gold_from < platinum_from),
        constraint loyalty_earning_rules_multipliers_ordered check (
          silver_multiplier_pct <= gold_multiplier_pct and gold_multiplier_pct <= platinum_multiplier_pct
        )
      )`);
    this.addSql(`create index loyalty_earning_rules_in_force_idx on loyalty_earning_rules (effective_from, version)`);
    this.addSql(
      `create trigger loyalty_earning_rules_append_only before update or delete on loyalty_earning_rules for each row execute function loyalty_refuse_change()`,
    );
    this.addSql(`
      insert into loyalty_earning_rules (
        id, version, season, effective_from, points_per_pilgrim, visa_issued_bonus,
        silver_from, gold_from, platinum_from, silver_multiplier_pct, gold_multiplier_pct, platinum_multiplier_pct,
        expiry_months, expiry_notice_days, reason
      ) values
        ('${RULES_1447_V1}', 1, '1447', timestamptz '2025-01-01 00:00:00+03', 10, 0, 250, 750, 1250, 110, 125, 150, 24, 90,
         'Al-Barakat rules for the season 1447 as announced by the service centre'),
        ('${RULES_1448_V2}', 2, '1448', timestamptz '2026-05-31 00:00:00+03', 12, 0, 250, 750, 1250, 110, 125, 150, 24, 90,
         'Season 1448: 12 points per registered pilgrim')`);

    // The account keeps the number of its last ledger line; both change only through the ledger.
    this.addSql(`alter table loyalty_account drop column tier`);
    this.addSql(`alter table loyalty_account add column last_line integer not null default 0 check (last_line >= 0)`);

    // What each line records: why, under which rule and tier, from which event or request.
    this.addSql(`
      alter table loyalty_ledger_entry
        add column line integer,
        add column cause text,
        add column occurred_at timestamptz,
        add column rule_id uuid references loyalty_earning_rules (id),
        add column tier text check (tier in ('BRONZE', 'SILVER', 'GOLD', 'PLATINUM')),
        add column multiplier_pct integer check (multiplier_pct between 100 and 500),
        add column pilgrims integer not null default 0 check (pilgrims >= 0),
        add column event_id uuid,
        add column reference text check (char_length(reference) <= 200),
        add column redemption_id uuid,
        add column reason text check (char_length(btrim(reason)) between 3 and 1000),
        add column created_by uuid`);
    // Lines written before this migration: the demo's opening balances.
    this.addSql(`
      update loyalty_ledger_entry e set line = numbered.n, cause = 'OPENING_BALANCE', occurred_at = e.created_at
        from (select id, row_number() over (partition by account_id order by created_at, id) as n from loyalty_ledger_entry) numbered
       where numbered.id = e.id`);
    this.addSql(`
      update loyalty_account a set last_line = coalesce((select max(line) from loyalty_ledger_entry e where e.account_id = a.id), 0)`);
    this.addSql(`
      do $$
      begin
        if exists (
          select 1 from loyalty_account a
           where a.balance <> coalesce((select sum(points) from loyalty_ledger_entry e where e.account_id = a.id), 0)
        ) then
          raise exception 'a loyalty balance differs from the sum of its ledger';
        end if;
      end
      $$`);
    this.addSql(`
      alter table loyalty_ledger_entry
        alter column line set not null,
        alter column cause set not null,
        alter column occurred_at set not null,
        add constraint loyalty_ledger_line_key unique (account_id, line),
        add constraint loyalty_ledger_cause check (cause in (
          'OPENING_BALANCE', 'PILGRIM_REGISTERED', 'VISA_ISSUED', 'REDEMPTION_REQUESTED', 'REDEMPTION_REJECTED',
          'REDEMPTION_CANCELLED', 'POINTS_EXPIRED', 'OFFICER_ADJUSTMENT')),
        add constraint loyalty_ledger_kind_sign check (
          (kind in ('EARN', 'REFUND') and points > 0) or (kind in ('REDEEM', 'EXPIRE') and points < 0) or kind = 'ADJUST'),
        add constraint loyalty_ledger_adjust_reason check (kind <> 'ADJUST' or reason is not null),
        add constraint loyalty_ledger_redemption check (kind not in ('REDEEM', 'REFUND') or redemption_id is not null)`);
    // Earning rules and a company's pilgrims in the last 12 months are read from these.
    this.addSql(
      `create index loyalty_ledger_pilgrims_idx on loyalty_ledger_entry (account_id, occurred_at) where pilgrims > 0`,
    );
    this.addSql(`create index loyalty_ledger_kind_time_idx on loyalty_ledger_entry (occurred_at, kind)`);
    // One accrual per pilgrim registered and per visa issued, whatever event id carried it.
    this.addSql(
      `create unique index loyalty_ledger_accrual_key on loyalty_ledger_entry (cause, reference) where cause in ('PILGRIM_REGISTERED', 'VISA_ISSUED')`,
    );
    this.addSql(`drop index loyalty_ledger_entry_account_idx`);

    // Posting: the line number and running balance come from the locked account row, and the
    // account follows the line. Nothing else may change a balance (see loyalty_guard_account).
    this.addSql(`
      create function loyalty_number_entry() returns trigger language plpgsql as $$
      declare
        current_balance integer;
        current_line integer;
      begin
        select balance, last_line into current_balance, current_line
          from loyalty_account where id = new.account_id for update;
        if not found then
          raise exception 'loyalty account % does not exist', new.account_id;
        end if;
        new.line := current_line + 1;
        new.balance_after := current_balance + new.points;
        return new;
      end
      $$`);
    this.addSql(`
      create function loyalty_apply_entry() returns trigger language plpgsql as $$
      begin
        perform set_config('loyalty.posting', 'on', true);
        update loyalty_account set balance = new.balance_after, last_line = new.line, updated_at = now()
         where id = new.account_id and last_line = new.line - 1 and balance = new.balance_after - new.points;
        if not found then
          raise exception 'ledger line % of account % does not follow the account', new.line, new.account_id;
        end if;
        perform set_config('loyalty.posting', 'off', true);
        return null;
      end
      $$`);
    this.addSql(`
      create function loyalty_guard_account() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          if new.balance <> 0 or new.last_line <> 0 then
            raise exception 'a loyalty account opens empty; points arrive through its ledger';
          end if;
        elsif (new.balance, new.last_line) is distinct from (old.balance, old.last_line)
              and coalesce(current_setting('loyalty.posting', true), 'off') <> 'on' then
          raise exception 'a loyalty balance changes only through its ledger';
        end if;
        return new;
      end
      $$`);
    this.addSql(
      `create trigger loyalty_ledger_entry_number before insert on loyalty_ledger_entry for each row execute function loyalty_number_entry()`,
    );
    this.addSql(
      `create trigger loyalty_ledger_entry_apply after insert on loyalty_ledger_entry for each row execute function loyalty_apply_entry()`,
    );
    this.addSql(
      `create trigger loyalty_ledger_entry_append_only before update or delete on loyalty_ledger_entry for each row execute function loyalty_refuse_change()`,
    );
    this.addSql(
      `create trigger loyalty_account_guard before insert or update on loyalty_account for each row execute function loyalty_guard_account()`,
    );
    this.addSql(
      `create trigger loyalty_account_no_delete before delete on loyalty_account for each row execute function loyalty_refuse_change()`,
    );

    // Points as lots, one per account and expiry day: credits add to the lot of the day they
    // expire on, debits take from the lots that expire first. Lots' remaining points sum to the balance.
    this.addSql(`
      create table loyalty_points_lot (
        id uuid primary key,
        account_id uuid not null references loyalty_account (id),
        expires_on date not null,
        points integer not null check (points > 0),
        remaining integer not null check (remaining between 0 and points),
        expirations integer not null default 0 check (expirations >= 0),
        constraint loyalty_points_lot_key unique (account_id, expires_on)
      )`);
    this.addSql(
      `create index loyalty_points_lot_open_idx on loyalty_points_lot (account_id, expires_on) where remaining > 0`,
    );
    this.addSql(`create index loyalty_points_lot_due_idx on loyalty_points_lot (expires_on) where remaining > 0`);
    // What each line did to which lot: credited (+), took (-) or gave back (+); per line they sum to its points.
    this.addSql(`
      create table loyalty_lot_use (
        entry_id uuid not null references loyalty_ledger_entry (id),
        lot_id uuid not null references loyalty_points_lot (id),
        points integer not null check (points <> 0),
        primary key (entry_id, lot_id)
      )`);
    this.addSql(`create index loyalty_lot_use_lot_idx on loyalty_lot_use (lot_id)`);
    // The opening balances written before this migration expire 24 months after they were earned (rules v1).
    this.addSql(`
      insert into loyalty_points_lot (id, account_id, expires_on, points, remaining)
      select e.id, e.account_id, ((e.occurred_at at time zone 'Asia/Riyadh') + make_interval(months => 24))::date,
             e.points, e.points
        from loyalty_ledger_entry e where e.points > 0`);
    this.addSql(
      `insert into loyalty_lot_use (entry_id, lot_id, points) select id, id, points from loyalty_ledger_entry where points > 0`,
    );

    // The rewards catalogue, managed by the ministry's programme staff.
    this.addSql(`
      create table loyalty_reward (
        id uuid primary key,
        category text not null check (category in (
          'COMPUTER_SYSTEMS', 'NETWORK_EQUIPMENT', 'TOURISM_FORUM', 'TRAINING', 'OTHER')),
        ${text('name_ar', 120)},
        ${text('name_en', 120)},
        ${text('description_ar', 2000)},
        ${text('description_en', 2000)},
        cost_points integer not null check (cost_points between 1 and 100000000),
        stock integer not null check (stock >= 0),
        active_from date not null,
        active_until date,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint loyalty_reward_dates check (active_until is null or active_until >= active_from)
      )`);

    this.addSql(`
      create table loyalty_redemption (
        id uuid primary key,
        account_id uuid not null references loyalty_account (id),
        company_id uuid not null,
        reward_id uuid not null references loyalty_reward (id),
        quantity integer not null check (quantity between 1 and 100),
        points integer not null check (points > 0),
        status text not null check (status in ('REQUESTED', 'APPROVED', 'FULFILLED', 'REJECTED', 'CANCELLED')),
        requested_by uuid,
        requested_at timestamptz not null default now(),
        decided_by uuid,
        decided_at timestamptz,
        decision_note text check (char_length(btrim(decision_note)) between 1 and 1000),
        fulfilled_by uuid,
        fulfilled_at timestamptz,
        fulfilment_note text check (char_length(btrim(fulfilment_note)) between 1 and 1000),
        hold_entry_id uuid not null unique references loyalty_ledger_entry (id),
        refund_entry_id uuid unique references loyalty_ledger_entry (id),
        updated_at timestamptz not null default now(),
        constraint loyalty_redemption_refund check ((status in ('REJECTED', 'CANCELLED')) = (refund_entry_id is not null)),
        constraint loyalty_redemption_decided check (status in ('REQUESTED', 'CANCELLED') or decided_at is not null),
        constraint loyalty_redemption_rejection_reason check (status <> 'REJECTED' or decision_note is not null),
        constraint loyalty_redemption_fulfilled check ((status = 'FULFILLED') = (fulfilled_at is not null))
      )`);
    this.addSql(`create index loyalty_redemption_status_idx on loyalty_redemption (status, id)`);
    this.addSql(`create index loyalty_redemption_company_idx on loyalty_redemption (company_id, id)`);
    this.addSql(
      `alter table loyalty_ledger_entry add constraint loyalty_ledger_entry_redemption_fk foreign key (redemption_id) references loyalty_redemption (id) deferrable initially deferred`,
    );
  }
}
