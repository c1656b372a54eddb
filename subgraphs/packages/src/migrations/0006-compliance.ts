import { Migration } from '@umrah/db-kit';
import { INBOX_ORDER_SQL, INBOX_SQL } from '@umrah/events';

// Written out rather than imported from the modules: a migration says what the database held when
// it ran. A later change of categories, types or the score formula is a new migration (tests
// compare the score column with `complianceScore` and the check lists with the enums).
const COMPLAINT_CATEGORIES = [
  'ACCOMMODATION',
  'TRANSPORT',
  'CATERING',
  'ENRICHMENT',
  'HEALTH_AND_SAFETY',
  'SERVICE_QUALITY',
  'FINANCIAL',
  'VISA_AND_DOCUMENTS',
  'OTHER',
];
const VIOLATION_TYPES = [
  'OVERSTAY',
  'HOUSING_NOT_AS_SOLD',
  'NO_TRANSPORT',
  'UNLICENSED_HOUSING',
  'CATERING_NOT_AS_SOLD',
  'SERVICE_NOT_DELIVERED',
  'UNLICENSED_OPERATION',
  'COMPLAINT_UPHELD',
  'OTHER',
];
const INITIAL_SLA_HOURS = {
  ACCOMMODATION: 24,
  TRANSPORT: 24,
  CATERING: 24,
  ENRICHMENT: 72,
  HEALTH_AND_SAFETY: 6,
  SERVICE_QUALITY: 48,
  FINANCIAL: 120,
  VISA_AND_DOCUMENTS: 72,
  OTHER: 72,
};
// SAR 50,000, the statutory ceiling of one fine.
const MAX_FINE_HALALAS = 5_000_000;
const OVER = 'greatest(visas_issued, overstays, 1)';
const SCORE_SQL = `greatest(0, 100 - (
  open_violation_points + 2 * escalated_violation_points + cured_violations
  + 3 * complaints_upheld + 2 * sla_breaches
  + (200 * overstays + ${OVER} - 1) / ${OVER}))`;

const list = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');
const text = (column: string, min: number, max: number, nullable = false): string =>
  `${column} text ${nullable ? '' : 'not null '}check (char_length(btrim(${column})) between ${min} and ${max})`;

/**
 * Complaints with their SLA clock, field inspections, violations with their cure period, and each
 * party's compliance tally (the score is a generated column over it). This subgraph now also
 * consumes the pilgrims subgraph's feed (`PilgrimOverstayed`, `VisaStatusChanged`): its inbox.
 */
export class Compliance extends Migration {
  override name = '0006-compliance';

  up(): void {
    for (const sql of [...INBOX_SQL, ...INBOX_ORDER_SQL]) this.addSql(sql);

    // The numbers of the compliance rules, as versioned data the ministry edits; the latest version applies.
    this.addSql(`
      create table compliance_policy_version (
        version integer primary key check (version >= 1),
        cure_period_days integer not null check (cure_period_days between 1 and 180),
        sla_hours jsonb not null check (jsonb_typeof(sla_hours) = 'object'),
        changed_by uuid,
        ${text('reason', 3, 500)},
        created_at timestamptz not null default now()
      )`);
    this.addSql(
      `insert into compliance_policy_version (version, cure_period_days, sla_hours, reason)
       values (1, 30, '${JSON.stringify(INITIAL_SLA_HOURS)}'::jsonb, 'Initial rules: a 30-day cure period and an SLA per complaint category.')`,
    );

    this.addSql(`
      create table complaint (
        id uuid primary key,
        company_id uuid,
        provider_id uuid references service_provider (id),
        category text not null check (category in (${list(COMPLAINT_CATEGORIES)})),
        ${text('description', 10, 2000)},
        ${text('city', 2, 60)},
        ${text('site', 2, 200, true)},
        pilgrim_id uuid,
        channel text not null check (channel in ('MINISTRY_HOTLINE', 'COMPANY', 'AGENT')),
        filed_by uuid not null,
        filed_by_company_id uuid,
        filed_by_agent_id uuid,
        status text not null default 'OPEN' check (status in ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'ESCALATED')),
        filed_at timestamptz not null,
        sla_hours integer not null check (sla_hours between 1 and 720),
        sla_due_at timestamptz not null,
        sla_breached_at timestamptz,
        ${text('resolution', 3, 2000, true)},
        upheld boolean,
        resolved_at timestamptz,
        resolved_by uuid,
        constraint complaint_one_party_check check (num_nonnulls(company_id, provider_id) = 1),
        constraint complaint_filer_check check (
          case channel
            when 'COMPANY' then filed_by_company_id is not null and filed_by_agent_id is null
            when 'AGENT' then filed_by_agent_id is not null and filed_by_company_id is null
            else filed_by_company_id is null and filed_by_agent_id is null
          end
        ),
        constraint complaint_due_check check (sla_due_at = filed_at + make_interval(hours => sla_hours)),
        constraint complaint_resolved_check check (
          (status = 'RESOLVED') = (resolved_at is not null and resolution is not null and resolved_by is not null)
        ),
        -- Only a ministry decision says whether a complaint was upheld; a resolved complaint may have none.
        constraint complaint_upheld_check check (upheld is null or status = 'RESOLVED')
      )`);
    // Lists per party and per filer, read page by page in id order (keyset).
    this.addSql(`create index complaint_company_idx on complaint (company_id, id) where company_id is not null`);
    this.addSql(`create index complaint_provider_idx on complaint (provider_id, id) where provider_id is not null`);
    this.addSql(
      `create index complaint_filer_company_idx on complaint (filed_by_company_id, id) where filed_by_company_id is not null`,
    );
    this.addSql(
      `create index complaint_filer_agent_idx on complaint (filed_by_agent_id, id) where filed_by_agent_id is not null`,
    );
    // The SLA job finds the complaints whose clock ran out and are not yet counted.
    this.addSql(
      `create index complaint_sla_due_idx on complaint (sla_due_at) where sla_breached_at is null and status <> 'RESOLVED'`,
    );
    // Foreign keys between rows written in one transaction (a complaint and its first step, an
    // inspection and its violations) are checked at commit, whatever order the ORM inserts them in.
    this.addSql(`
      create table complaint_status_change (
        id uuid primary key,
        complaint_id uuid not null references complaint (id) deferrable initially deferred,
        from_status text,
        to_status text not null,
        ${text('note', 3, 2000, true)},
        changed_by uuid,
        changed_by_role text,
        changed_at timestamptz not null
      )`);
    this.addSql(`create index complaint_status_change_complaint_idx on complaint_status_change (complaint_id, id)`);

    this.addSql(`
      create table inspection (
        id uuid primary key,
        company_id uuid,
        provider_id uuid references service_provider (id),
        ${text('city', 2, 60)},
        ${text('site', 2, 200)},
        visited_on date not null,
        ${text('findings', 10, 4000)},
        recorded_by uuid not null,
        recorded_at timestamptz not null,
        constraint inspection_party_check check (num_nonnulls(company_id, provider_id) >= 1)
      )`);
    this.addSql(`create index inspection_company_idx on inspection (company_id, id) where company_id is not null`);
    this.addSql(`create index inspection_provider_idx on inspection (provider_id, id) where provider_id is not null`);

    this.addSql(`
      create table violation (
        id uuid primary key,
        company_id uuid,
        provider_id uuid references service_provider (id),
        type text not null check (type in (${list(VIOLATION_TYPES)})),
        ${text('details', 3, 2000)},
        fine_halalas bigint not null check (fine_halalas >= 0),
        points integer not null check (points >= 0),
        source text not null check (source in ('OVERSTAY_DETECTION', 'INSPECTION', 'OFFICER')),
        source_visa_application_id uuid,
        pilgrim_id uuid,
        season text,
        inspection_id uuid references inspection (id) deferrable initially deferred,
        complaint_id uuid references complaint (id) deferrable initially deferred,
        status text not null default 'OPEN' check (status in ('OPEN', 'CURED', 'ESCALATED', 'CANCELLED')),
        recorded_at timestamptz not null,
        recorded_by uuid,
        cure_due_on date not null,
        closed_at timestamptz,
        closed_by uuid,
        ${text('close_note', 3, 2000, true)},
        constraint violation_one_party_check check (num_nonnulls(company_id, provider_id) = 1),
        -- The statutory ceiling of a fine; an overstay's fine per pilgrim comes from the season policy.
        constraint violation_fine_ceiling_check check (type = 'OVERSTAY' or fine_halalas <= ${MAX_FINE_HALALAS}),
        -- Exactly one violation per overstaying pilgrim's visa, however often the event arrives.
        constraint violation_visa_application_key unique (source_visa_application_id),
        constraint violation_source_fields_check check (
          case source
            when 'OVERSTAY_DETECTION' then type = 'OVERSTAY' and source_visa_application_id is not null and company_id is not null
            when 'INSPECTION' then inspection_id is not null and source_visa_application_id is null
            else inspection_id is null and source_visa_application_id is null
          end
        ),
        constraint violation_complaint_check check (type <> 'COMPLAINT_UPHELD' or complaint_id is not null),
        constraint violation_closed_check check ((status = 'OPEN') = (closed_at is null))
      )`);
    this.addSql(`create index violation_company_idx on violation (company_id, id) where company_id is not null`);
    this.addSql(`create index violation_provider_idx on violation (provider_id, id) where provider_id is not null`);
    // One live COMPLAINT_UPHELD violation per complaint.
    this.addSql(
      `create unique index violation_complaint_upheld_key on violation (complaint_id) where type = 'COMPLAINT_UPHELD' and status <> 'CANCELLED'`,
    );
    this.addSql(
      `create index violation_inspection_idx on violation (inspection_id, id) where inspection_id is not null`,
    );
    this.addSql(`
      create table violation_status_change (
        id uuid primary key,
        violation_id uuid not null references violation (id) deferrable initially deferred,
        from_status text,
        to_status text not null,
        ${text('note', 3, 2000, true)},
        changed_by uuid,
        changed_by_role text,
        changed_at timestamptz not null
      )`);
    this.addSql(`create index violation_status_change_violation_idx on violation_status_change (violation_id, id)`);

    // One row per company or provider, kept in the same transaction as every change it counts; the
    // score is computed by the database from these counters (see compliance.score.ts).
    this.addSql(`
      create table compliance_tally (
        party_kind text not null check (party_kind in ('COMPANY', 'PROVIDER')),
        party_id uuid not null,
        visas_issued integer not null default 0 check (visas_issued >= 0),
        overstays integer not null default 0 check (overstays >= 0),
        violations_total integer not null default 0 check (violations_total >= 0),
        open_violations integer not null default 0 check (open_violations >= 0),
        open_violation_points integer not null default 0 check (open_violation_points >= 0),
        escalated_violations integer not null default 0 check (escalated_violations >= 0),
        escalated_violation_points integer not null default 0 check (escalated_violation_points >= 0),
        cured_violations integer not null default 0 check (cured_violations >= 0),
        fines_halalas bigint not null default 0 check (fines_halalas >= 0),
        complaints_total integer not null default 0 check (complaints_total >= 0),
        complaints_open integer not null default 0 check (complaints_open >= 0),
        complaints_upheld integer not null default 0 check (complaints_upheld >= 0),
        sla_breaches integer not null default 0 check (sla_breaches >= 0),
        score integer generated always as (${SCORE_SQL}) stored,
        updated_at timestamptz not null default now(),
        primary key (party_kind, party_id)
      )`);
    // Each issued visa counted once for its company's overstay rate, even if the feed is read again from the start.
    this.addSql(`
      create table counted_visa (
        visa_application_id uuid primary key,
        company_id uuid not null,
        counted_at timestamptz not null default now()
      )`);
    // The ranking reads parties of one kind in score order (keyset on score and id).
    this.addSql(`create index compliance_tally_rank_idx on compliance_tally (party_kind, score, party_id)`);
  }
}
