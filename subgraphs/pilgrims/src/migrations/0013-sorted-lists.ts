import { Migration } from '@umrah/db-kit';

// Pilgrim and visa columns a manager sorts the tables by (pilgrims.orderBy, visaApplications.orderBy).
const PILGRIM_SORTS = [
  'family_name_en',
  'given_name_en',
  'family_name_ar',
  'given_name_ar',
  'nationality',
  'date_of_birth',
  'passport_expires_on',
  'created_at',
];
const VISA_SORTS = ['submitted_at', 'status', 'nationality', 'issued_at', 'processing_ms', 'stay_until'];

/**
 * Server-side sorting of the pilgrim and visa lists. Each sort is a keyset on (column, id) under
 * the company filter, so one btree index per sort on (company_id, column, id) makes a page an index
 * scan (forwards or backwards, nulls last ascending as the keyset expects) instead of sorting the
 * company's whole season. Timestamps a cursor carries are kept at millisecond precision, the
 * precision of the JavaScript Date the cursor is read back into, or a page could repeat a row.
 */
export class SortedLists extends Migration {
  override name = '0013-sorted-lists';

  up(): void {
    // Bulk registration lets the default fill created_at: truncate it there too.
    this.addSql(`update pilgrim set created_at = date_trunc('milliseconds', created_at)
      where created_at <> date_trunc('milliseconds', created_at)`);
    this.addSql(`
      alter table pilgrim
        alter column created_at set default date_trunc('milliseconds', now()),
        add constraint pilgrim_created_at_ms check (created_at = date_trunc('milliseconds', created_at))`);
    this.addSql(`update visa_application set submitted_at = date_trunc('milliseconds', submitted_at),
        issued_at = date_trunc('milliseconds', issued_at)
      where submitted_at <> date_trunc('milliseconds', submitted_at)
        or issued_at <> date_trunc('milliseconds', issued_at)`);
    this.addSql(`
      alter table visa_application
        add constraint visa_application_submitted_at_ms check (submitted_at = date_trunc('milliseconds', submitted_at)),
        add constraint visa_application_issued_at_ms check (issued_at = date_trunc('milliseconds', issued_at))`);
    for (const column of PILGRIM_SORTS) {
      this.addSql(`create index pilgrim_sort_${column}_idx on pilgrim (company_id, ${column}, id)`);
    }
    for (const column of VISA_SORTS) {
      this.addSql(`create index visa_application_sort_${column}_idx on visa_application (company_id, ${column}, id)`);
    }
  }
}
