import { Migration } from '@umrah/db-kit';

/**
 * How many pilgrims each company and each group has, kept beside the rows so a page's `totalCount`
 * reads one row instead of counting a company's whole season. Statement triggers with transition
 * tables keep it in the same transaction as every insert, delete and move: a bulk registration of
 * 500 rows updates its company's count once. Counts move a company's or group's row under its
 * lock, company before group, so two registrations never wait on each other in opposite orders.
 */
export class PilgrimCounts extends Migration {
  override name = '0016-pilgrim-counts';

  up(): void {
    this.addSql(`
      create table pilgrim_count (
        parent_kind text not null check (parent_kind in ('COMPANY', 'GROUP')),
        parent_id uuid not null,
        n integer not null check (n >= 0),
        primary key (parent_kind, parent_id)
      )`);
    // Adds signed changes per company and group, in one order (companies first, then groups); a
    // count that falls is updated in place (an insert's row must pass the check before it conflicts).
    const apply = (changes: string, before = ''): string => `${before}
      insert into pilgrim_count (parent_kind, parent_id, n)
      select kind, id, n from (${changes}) c where n > 0 order by kind, id
      on conflict (parent_kind, parent_id) do update set n = pilgrim_count.n + excluded.n;
      ${before}
      update pilgrim_count p set n = p.n + c.n from (${changes}) c
       where c.n < 0 and p.parent_kind = c.kind and p.parent_id = c.id`;
    const perParent = (rows: string, sign: string): string => `
      select 'COMPANY' as kind, company_id as id, ${sign}count(*)::int as n from ${rows} group by company_id
      union all
      select 'GROUP', group_id, ${sign}count(*)::int from ${rows} where group_id is not null group by group_id`;
    // Only rows that changed company or group move a count.
    const moved = `with moved as (
        select o.company_id as old_company, o.group_id as old_group, n.company_id, n.group_id
          from old_rows o join new_rows n on n.id = o.id
         where o.company_id <> n.company_id or o.group_id is distinct from n.group_id
      ), moved_in as (select company_id, group_id from moved),
         moved_out as (select old_company as company_id, old_group as group_id from moved)`;
    const trigger = (event: string, referencing: string, body: string): string[] => [
      `create function pilgrim_count_${event}() returns trigger language plpgsql as $$
       begin
         ${body};
         return null;
       end
       $$`,
      `create trigger pilgrim_count_${event} after ${event} on pilgrim
         referencing ${referencing} for each statement execute function pilgrim_count_${event}()`,
    ];
    const statements = [
      ...trigger('insert', 'new table as new_rows', apply(perParent('new_rows', ''))),
      ...trigger('delete', 'old table as old_rows', apply(perParent('old_rows', '-'))),
      ...trigger(
        'update',
        'old table as old_rows new table as new_rows',
        apply(
          `select kind, id, sum(n)::int as n from (${perParent('moved_in', '')} union all ${perParent('moved_out', '-')}) m group by kind, id`,
          moved,
        ),
      ),
    ];
    for (const sql of statements) this.addSql(sql);
    this.addSql(`
      insert into pilgrim_count (parent_kind, parent_id, n)
      select 'COMPANY', company_id, count(*) from pilgrim group by company_id
      union all select 'GROUP', group_id, count(*) from pilgrim where group_id is not null group by group_id`);
  }
}
