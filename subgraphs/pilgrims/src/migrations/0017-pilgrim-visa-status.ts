import { Migration } from '@umrah/db-kit';

/**
 * A pilgrim's current visa status on the pilgrim row, and kept counts of a company's pilgrims by
 * nationality and current visa status.
 *
 * The list's visa-status filter meant "has an application in this status", while the list shows the
 * latest application (`Pilgrim.visa`): a pilgrim refused and then issued appeared under REJECTED with
 * an issued visa. It now means the current application's status, read from `pilgrim.visa_status`,
 * which statement triggers on `visa_application` keep. The filtered page walks an index instead of
 * semi-joining the company's visas, and its `totalCount` reads `pilgrim_filter_count` instead of
 * counting a season's matching rows (the one read whose cost still grew with the season at 1 M).
 *
 * `visa_status` is null until the pilgrim applies; the kept counts use `NONE` for it, so the key has
 * no nulls. The indexes are partial on applied pilgrims, so a registration writes no entry in them.
 */
export class PilgrimVisaStatus extends Migration {
  override name = '0017-pilgrim-visa-status';

  up(): void {
    this.addSql(`alter table pilgrim add column visa_status text`);
    this.addSql(`
      update pilgrim p set visa_status = l.status
        from (select distinct on (pilgrim_id) pilgrim_id, status from visa_application
               order by pilgrim_id, submitted_at desc, id desc) l
       where l.pilgrim_id = p.id`);
    this.addSql(
      `create index pilgrim_company_visa_status_idx on pilgrim (company_id, visa_status, nationality, id) where visa_status is not null`,
    );
    this.addSql(
      `create index pilgrim_visa_status_idx on pilgrim (visa_status, nationality, id) where visa_status is not null`,
    );

    // The latest application of each pilgrim whose applications changed, written where it differs.
    const follow = (changed: string): string => `
      update pilgrim p set visa_status = l.status
        from (select c.pilgrim_id, (select v.status from visa_application v where v.pilgrim_id = c.pilgrim_id
                                     order by v.submitted_at desc, v.id desc limit 1) as status
                from (select distinct pilgrim_id from ${changed}) c) l
       where p.id = l.pilgrim_id and p.visa_status is distinct from l.status`;
    const visaTrigger = (event: string, referencing: string, changed: string): string[] => [
      `create function pilgrim_visa_status_${event}() returns trigger language plpgsql as $$
       begin
         ${follow(changed)};
         return null;
       end
       $$`,
      `create trigger pilgrim_visa_status_${event} after ${event} on visa_application
         referencing ${referencing} for each statement execute function pilgrim_visa_status_${event}()`,
    ];
    const statusChanged = `(select n.pilgrim_id from new_rows n join old_rows o on o.id = n.id
                             where o.status <> n.status or o.submitted_at <> n.submitted_at) s`;
    for (const sql of [
      ...visaTrigger('insert', 'new table as new_rows', 'new_rows'),
      ...visaTrigger('update', 'old table as old_rows new table as new_rows', statusChanged),
      ...visaTrigger('delete', 'old table as old_rows', 'old_rows'),
    ])
      this.addSql(sql);

    this.addSql(`
      create table pilgrim_filter_count (
        company_id uuid not null,
        nationality text not null,
        visa_status text not null,
        n integer not null check (n >= 0),
        primary key (company_id, nationality, visa_status)
      )`);
    this.addSql(`create index pilgrim_filter_count_status_idx on pilgrim_filter_count (visa_status, nationality)`);
    // Signed changes per key, in key order; a count that falls is updated in place (as pilgrim_count).
    const apply = (changes: string, before = ''): string => `${before}
      insert into pilgrim_filter_count (company_id, nationality, visa_status, n)
      select company_id, nationality, visa_status, n from (${changes}) c where n > 0 order by 1, 2, 3
      on conflict (company_id, nationality, visa_status) do update set n = pilgrim_filter_count.n + excluded.n;
      ${before}
      update pilgrim_filter_count f set n = f.n + c.n from (${changes}) c
       where c.n < 0 and f.company_id = c.company_id and f.nationality = c.nationality and f.visa_status = c.visa_status`;
    const perKey = (rows: string, sign: string): string => `
      select company_id, nationality, coalesce(visa_status, 'NONE') as visa_status, ${sign}count(*)::int as n
        from ${rows} group by 1, 2, 3`;
    const moved = `with moved_in as (
        select n.company_id, n.nationality, n.visa_status from old_rows o join new_rows n on n.id = o.id
         where (o.company_id, o.nationality, o.visa_status) is distinct from (n.company_id, n.nationality, n.visa_status)
      ), moved_out as (
        select o.company_id, o.nationality, o.visa_status from old_rows o join new_rows n on n.id = o.id
         where (o.company_id, o.nationality, o.visa_status) is distinct from (n.company_id, n.nationality, n.visa_status)
      )`;
    const countTrigger = (event: string, referencing: string, body: string): string[] => [
      `create function pilgrim_filter_count_${event}() returns trigger language plpgsql as $$
       begin
         ${body};
         return null;
       end
       $$`,
      `create trigger pilgrim_filter_count_${event} after ${event} on pilgrim
         referencing ${referencing} for each statement execute function pilgrim_filter_count_${event}()`,
    ];
    for (const sql of [
      ...countTrigger('insert', 'new table as new_rows', apply(perKey('new_rows', ''))),
      ...countTrigger('delete', 'old table as old_rows', apply(perKey('old_rows', '-'))),
      ...countTrigger(
        'update',
        'old table as old_rows new table as new_rows',
        apply(
          `select company_id, nationality, visa_status, sum(n)::int as n
             from (${perKey('moved_in', '')} union all ${perKey('moved_out', '-')}) m group by 1, 2, 3`,
          moved,
        ),
      ),
    ])
      this.addSql(sql);
    this.addSql(`
      insert into pilgrim_filter_count (company_id, nationality, visa_status, n)
      select company_id, nationality, coalesce(visa_status, 'NONE'), count(*) from pilgrim group by 1, 2, 3`);
  }
}
