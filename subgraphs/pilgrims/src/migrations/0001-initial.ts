import { Migration } from '@umrah/db-kit';

const VISA_STATUSES = `('SUBMITTED', 'APPROVED', 'REJECTED', 'PAID', 'SENT_TO_MOFA', 'ISSUED', 'ARRIVED', 'DEPARTED', 'CANCELLED', 'EXPIRED', 'OVERSTAYED')`;

// Statuses a visa only reaches after MOFA has answered: it carries a reference and a visa number.
const AFTER_MOFA = `('ISSUED', 'ARRIVED', 'DEPARTED', 'EXPIRED', 'OVERSTAYED')`;

const namePart = (column: string): string =>
  `${column} text not null check (char_length(btrim(${column})) between 1 and 80)`;

export class InitialPilgrims extends Migration {
  override name = '0001-initial';

  up(): void {
    this.addSql(`
      create table pilgrim (
        id uuid primary key,
        company_id uuid not null,
        agent_id uuid,
        season text not null check (season ~ '^[0-9]{4}$'),
        ${namePart('given_name_ar')},
        ${namePart('father_name_ar')},
        ${namePart('grandfather_name_ar')},
        ${namePart('family_name_ar')},
        ${namePart('given_name_en')},
        ${namePart('father_name_en')},
        ${namePart('grandfather_name_en')},
        ${namePart('family_name_en')},
        passport_number text not null check (passport_number ~ '^[A-Z0-9]{5,20}$'),
        nationality char(2) not null check (nationality ~ '^[A-Z]{2}$'),
        date_of_birth date not null check (date_of_birth >= date '1900-01-01'),
        sex text not null check (sex in ('MALE', 'FEMALE')),
        created_at timestamptz not null default now(),
        -- No duplicate pilgrim per passport and season.
        constraint pilgrim_passport_season_key unique (season, nationality, passport_number),
        -- Target of visa_application's composite key, which keeps its copied company_id honest.
        constraint pilgrim_id_company_key unique (id, company_id)
      )`);
    this.addSql(`create index pilgrim_company_idx on pilgrim (company_id, id)`);
    this.addSql(`create index pilgrim_agent_idx on pilgrim (agent_id, id)`);
    this.addSql(`create index pilgrim_nationality_idx on pilgrim (nationality)`);
    this.addSql(`
      create table visa_application (
        id uuid primary key,
        pilgrim_id uuid not null unique,
        -- Copied from the pilgrim for per-company statistics; the foreign key below keeps it equal.
        company_id uuid not null,
        status text not null check (status in ${VISA_STATUSES}),
        submitted_at timestamptz not null,
        mofa_reference text check (mofa_reference ~ '^[0-9]{8,9}$'),
        visa_number text check (visa_number ~ '^[0-9A-Z]{6,20}$'),
        updated_at timestamptz not null default now(),
        foreign key (pilgrim_id, company_id) references pilgrim (id, company_id) on update cascade,
        check (status not in ${AFTER_MOFA} or (mofa_reference is not null and visa_number is not null))
      )`);
    this.addSql(`create index visa_application_company_status_idx on visa_application (company_id, status)`);
    this.addSql(`create index visa_application_status_idx on visa_application (status)`);
    this.addSql(`
      create table visa_status_change (
        id uuid primary key,
        visa_application_id uuid not null references visa_application (id),
        from_status text check (from_status in ${VISA_STATUSES}),
        to_status text not null check (to_status in ${VISA_STATUSES}),
        changed_by uuid,
        changed_at timestamptz not null default now(),
        reason text check (char_length(reason) <= 500),
        check (from_status is distinct from to_status)
      )`);
    this.addSql(`create index visa_status_change_visa_idx on visa_status_change (visa_application_id, changed_at)`);
  }
}
