import { Migration } from '@umrah/db-kit';

/**
 * A manager's pilgrim list filtered by visa status reads the company's visas in that status as a
 * semi-join (pilgrims.filter.visaStatus). With the pilgrim id in the index the semi-join is an
 * index-only scan of the company's rows, whatever the other companies hold; the index replaces the
 * narrower (company_id, status) one, which it covers.
 */
export class VisaStatusFilter extends Migration {
  override name = '0015-visa-status-filter';

  up(): void {
    this.addSql(
      `create index visa_application_company_status_pilgrim_idx on visa_application (company_id, status, pilgrim_id)`,
    );
    this.addSql(`drop index visa_application_company_status_idx`);
  }
}
