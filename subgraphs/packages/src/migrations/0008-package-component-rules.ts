import { Migration } from '@umrah/db-kit';

/**
 * Two composition rules the code checks, now kept by the database too: every component lies within
 * the package's stay (hotel nights within nights 0..N−1, other services within days 0..N), and no
 * two hotel components give the same night. An exclusion constraint would need `btree_gist` (for
 * the package id) and a denormalised kind on the component; the extension is not loaded into the
 * embedded PGlite and managed servers may not allow it, so both rules are one constraint trigger,
 * checked at commit (a package and its components are written in one flush in any order). It fires
 * when components are written and when a package's nights change; the refusal names the rule as its
 * constraint and the components by position, and the service maps it to the code's error.
 */
export class PackageComponentRules extends Migration {
  override name = '0008-package-component-rules';

  up(): void {
    this.addSql(`
      create function package_component_rules(pkg uuid) returns void language plpgsql as $$
      declare
        nights integer;
        bad record;
      begin
        -- One writer of a package's components at a time: the second checks what the first committed.
        select makkah_nights + madinah_nights into nights from service_package where id = pkg for no key update;
        if not found then
          return;
        end if;
        select c.position, i.kind = 'HOTEL' as hotel into bad
          from package_component c join inventory_item i on i.id = c.item_id
         where c.package_id = pkg
           and c.day_offset + c.days > nights + case when i.kind = 'HOTEL' then 0 else 1 end
         order by c.position limit 1;
        if found then
          raise exception 'package_component_within_stay: position=% nights=% hotel=%', bad.position, nights, bad.hotel
            using errcode = '23514', constraint = 'package_component_within_stay';
        end if;
        select b.position, a.position as other, greatest(a.day_offset, b.day_offset) as night into bad
          from package_component a
          join package_component b on b.package_id = a.package_id and b.position > a.position
          join inventory_item ia on ia.id = a.item_id
          join inventory_item ib on ib.id = b.item_id
         where a.package_id = pkg and ia.kind = 'HOTEL' and ib.kind = 'HOTEL'
           and greatest(a.day_offset, b.day_offset) < least(a.day_offset + a.days, b.day_offset + b.days)
         order by b.position, a.position limit 1;
        if found then
          raise exception 'package_component_hotel_nights: position=% other=% night=%', bad.position, bad.other, bad.night
            using errcode = '23P01', constraint = 'package_component_hotel_nights';
        end if;
      end $$`);
    this.addSql(`
      create function package_component_rules_of_component() returns trigger language plpgsql as $$
      begin
        perform package_component_rules(new.package_id);
        return null;
      end $$`);
    this.addSql(`
      create constraint trigger package_component_rules after insert or update on package_component
        deferrable initially deferred
        for each row execute function package_component_rules_of_component()`);
    this.addSql(`
      create function package_component_rules_of_package() returns trigger language plpgsql as $$
      begin
        perform package_component_rules(new.id);
        return null;
      end $$`);
    this.addSql(`
      create constraint trigger service_package_component_rules after update of makkah_nights, madinah_nights
        on service_package deferrable initially deferred
        for each row when (new.makkah_nights <> old.makkah_nights or new.madinah_nights <> old.madinah_nights)
        execute function package_component_rules_of_package()`);
  }
}
