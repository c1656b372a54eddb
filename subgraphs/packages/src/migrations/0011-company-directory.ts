import { Migration } from '@umrah/db-kit';
import { COMPANY_DIRECTORY_SQL } from '@umrah/subgraph-kit';

/** The companies (and agents' contract companies) callers may name, kept from the companies feed. */
export class PackagesCompanyDirectory extends Migration {
  override name = '0011-company-directory';

  up(): void {
    for (const sql of COMPANY_DIRECTORY_SQL) this.addSql(sql);
  }
}
