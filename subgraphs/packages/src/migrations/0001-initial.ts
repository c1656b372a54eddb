import { Migration } from '@umrah/db-kit';

export class InitialPackages extends Migration {
  override name = '0001-initial';

  up(): void {
    this.addSql(`
      create table service_provider (
        id uuid primary key,
        name_ar text not null check (char_length(name_ar) between 2 and 200),
        name_en text not null check (char_length(name_en) between 2 and 200),
        kind text not null check (kind in ('HOTEL', 'TRANSPORT', 'CATERING', 'ENRICHMENT', 'INSURANCE', 'TRAVEL_AGENT')),
        city text not null check (char_length(city) between 2 and 80),
        license_number text not null unique,
        created_at timestamptz not null default now()
      )`);
    this.addSql(`create index service_provider_kind_city_idx on service_provider (kind, city)`);
    this.addSql(`
      create table service_package (
        id uuid primary key,
        company_id uuid not null,
        name_ar text not null check (char_length(name_ar) between 2 and 200),
        name_en text not null check (char_length(name_en) between 2 and 200),
        status text not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')),
        price_halalas integer not null check (price_halalas > 0),
        makkah_nights integer not null check (makkah_nights >= 0),
        madinah_nights integer not null check (madinah_nights >= 0),
        sale_starts_on date not null,
        sale_ends_on date not null,
        created_at timestamptz not null default now(),
        check (makkah_nights + madinah_nights between 1 and 90),
        check (sale_ends_on > sale_starts_on)
      )`);
    // A company's packages are read page by page in id order (keyset), alone or for many companies at once.
    this.addSql(`create index service_package_company_idx on service_package (company_id, id)`);
  }
}
