import { Migration } from '@umrah/db-kit';

const KEY = 'party_kind, party_id, month, subject, kind, status, upheld, sla_breached';

/**
 * Compliance figures per party and month, kept by triggers in the same transaction as every
 * complaint, violation, inspection and counted visa, so the statistics and the trend read a few
 * rows per party and month, never the season's rows. Each row is counted in the Riyadh month it
 * belongs to (a complaint's filing, a violation's recording, an inspection's visit, a visa's
 * counting) under its current status: a later change moves it between rows of the same month.
 */
export class ComplianceStats extends Migration {
  override name = '0009-compliance-statistics';

  up(): void {
    this.addSql(`
      create table compliance_stat (
        party_kind text not null check (party_kind in ('COMPANY', 'PROVIDER')),
        party_id uuid not null,
        month date not null check (month = date_trunc('month', month)::date),
        subject text not null check (subject in ('COMPLAINT', 'VIOLATION', 'INSPECTION', 'VISA')),
        -- The complaint's category or the violation's type; '' for inspections and visas.
        kind text not null,
        -- The complaint's or the violation's status; '' for inspections and visas.
        status text not null,
        upheld boolean not null,
        sla_breached boolean not null,
        n integer not null check (n >= 0),
        points bigint not null check (points >= 0),
        fines_halalas bigint not null check (fines_halalas >= 0),
        primary key (${KEY})
      )`);
    // The trend and the ministry's overall figures read one kind of party over a range of months.
    this.addSql(`create index compliance_stat_month_idx on compliance_stat (party_kind, month)`);

    this.addSql(`
      create function compliance_month(at timestamptz) returns date language sql stable as $$
        select date_trunc('month', at at time zone 'Asia/Riyadh')::date
      $$`);
    this.addSql(`
      create function compliance_stat_apply(pk text, pid uuid, m date, subj text, k text, st text,
                                            up boolean, br boolean, dn integer, dp bigint, df bigint)
        returns void language plpgsql as $$
      begin
        insert into compliance_stat (${KEY}, n, points, fines_halalas)
          values (pk, pid, m, subj, k, st, up, br, greatest(dn, 0), greatest(dp, 0), greatest(df, 0))
          on conflict (${KEY}) do update set
            n = compliance_stat.n + dn,
            points = compliance_stat.points + dp,
            fines_halalas = compliance_stat.fines_halalas + df;
      end
      $$`);

    this.addSql(`
      create function compliance_stat_complaint() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          perform compliance_stat_apply(
            case when old.company_id is not null then 'COMPANY' else 'PROVIDER' end,
            coalesce(old.company_id, old.provider_id), compliance_month(old.filed_at), 'COMPLAINT',
            old.category, old.status, coalesce(old.upheld, false), old.sla_breached_at is not null, -1, 0, 0);
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          perform compliance_stat_apply(
            case when new.company_id is not null then 'COMPANY' else 'PROVIDER' end,
            coalesce(new.company_id, new.provider_id), compliance_month(new.filed_at), 'COMPLAINT',
            new.category, new.status, coalesce(new.upheld, false), new.sla_breached_at is not null, 1, 0, 0);
        end if;
        return null;
      end
      $$`);
    this.addSql(`
      create trigger compliance_stat_complaint
        after insert or delete or update of company_id, provider_id, filed_at, category, status, upheld, sla_breached_at
        on complaint for each row execute function compliance_stat_complaint()`);

    this.addSql(`
      create function compliance_stat_violation() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          perform compliance_stat_apply(
            case when old.company_id is not null then 'COMPANY' else 'PROVIDER' end,
            coalesce(old.company_id, old.provider_id), compliance_month(old.recorded_at), 'VIOLATION',
            old.type, old.status, false, false, -1, -old.points, -old.fine_halalas);
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          perform compliance_stat_apply(
            case when new.company_id is not null then 'COMPANY' else 'PROVIDER' end,
            coalesce(new.company_id, new.provider_id), compliance_month(new.recorded_at), 'VIOLATION',
            new.type, new.status, false, false, 1, new.points, new.fine_halalas);
        end if;
        return null;
      end
      $$`);
    this.addSql(`
      create trigger compliance_stat_violation
        after insert or delete or update of company_id, provider_id, recorded_at, type, status, points, fine_halalas
        on violation for each row execute function compliance_stat_violation()`);

    // An inspection may name a company and a provider: it counts for each.
    this.addSql(`
      create function compliance_stat_inspection() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          if old.company_id is not null then
            perform compliance_stat_apply('COMPANY', old.company_id, date_trunc('month', old.visited_on)::date,
                                          'INSPECTION', '', '', false, false, -1, 0, 0);
          end if;
          if old.provider_id is not null then
            perform compliance_stat_apply('PROVIDER', old.provider_id, date_trunc('month', old.visited_on)::date,
                                          'INSPECTION', '', '', false, false, -1, 0, 0);
          end if;
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          if new.company_id is not null then
            perform compliance_stat_apply('COMPANY', new.company_id, date_trunc('month', new.visited_on)::date,
                                          'INSPECTION', '', '', false, false, 1, 0, 0);
          end if;
          if new.provider_id is not null then
            perform compliance_stat_apply('PROVIDER', new.provider_id, date_trunc('month', new.visited_on)::date,
                                          'INSPECTION', '', '', false, false, 1, 0, 0);
          end if;
        end if;
        return null;
      end
      $$`);
    this.addSql(`
      create trigger compliance_stat_inspection
        after insert or delete or update of company_id, provider_id, visited_on
        on inspection for each row execute function compliance_stat_inspection()`);

    // Visas issued, for the overstay term of a month's score: each visa is counted once (counted_visa's key).
    this.addSql(`
      create function compliance_stat_visa() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          perform compliance_stat_apply('COMPANY', old.company_id, compliance_month(old.counted_at),
                                        'VISA', '', '', false, false, -1, 0, 0);
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          perform compliance_stat_apply('COMPANY', new.company_id, compliance_month(new.counted_at),
                                        'VISA', '', '', false, false, 1, 0, 0);
        end if;
        return null;
      end
      $$`);
    this.addSql(`
      create trigger compliance_stat_visa
        after insert or delete or update of company_id, counted_at
        on counted_visa for each row execute function compliance_stat_visa()`);

    // The rows that exist already.
    this.addSql(`
      insert into compliance_stat (${KEY}, n, points, fines_halalas)
        select case when company_id is not null then 'COMPANY' else 'PROVIDER' end, coalesce(company_id, provider_id),
               compliance_month(filed_at), 'COMPLAINT', category, status, coalesce(upheld, false),
               sla_breached_at is not null, count(*), 0, 0
          from complaint group by 1, 2, 3, 4, 5, 6, 7, 8`);
    this.addSql(`
      insert into compliance_stat (${KEY}, n, points, fines_halalas)
        select case when company_id is not null then 'COMPANY' else 'PROVIDER' end, coalesce(company_id, provider_id),
               compliance_month(recorded_at), 'VIOLATION', type, status, false, false,
               count(*), sum(points), sum(fine_halalas)
          from violation group by 1, 2, 3, 4, 5, 6, 7, 8`);
    this.addSql(`
      insert into compliance_stat (${KEY}, n, points, fines_halalas)
        select kind, party_id, month, 'INSPECTION', '', '', false, false, count(*), 0, 0
          from (
            select 'COMPANY' as kind, company_id as party_id, date_trunc('month', visited_on)::date as month
              from inspection where company_id is not null
            union all
            select 'PROVIDER', provider_id, date_trunc('month', visited_on)::date
              from inspection where provider_id is not null
          ) visits
         group by 1, 2, 3`);
    this.addSql(`
      insert into compliance_stat (${KEY}, n, points, fines_halalas)
        select 'COMPANY', company_id, compliance_month(counted_at), 'VISA', '', '', false, false, count(*), 0, 0
          from counted_visa group by 1, 2, 3`);
  }
}
