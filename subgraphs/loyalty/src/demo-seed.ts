import type { Database } from '@umrah/db-kit';
import { demoCompanies, demoId } from '@umrah/demo';
import { LoyaltyAccountEntity } from './loyalty-account/loyalty-account.entity';
import { openAccount } from './loyalty-account/loyalty-account.service';

/**
 * Opens an Al-Barakat account for every demo company that has earned points; does nothing when
 * accounts exist. A company with no points (the revoked one) never joined, so it has no account.
 */
export async function seedLoyaltyDemo(db: Database): Promise<void> {
  const em = db.fork();
  if ((await em.count(LoyaltyAccountEntity, {})) > 0) return;
  for (const company of demoCompanies) {
    if (company.loyaltyBalance <= 0) continue;
    await openAccount(em, {
      id: demoId(`loyalty-account:${company.id}`),
      entryId: demoId(`loyalty-entry:${company.id}:opening`),
      companyId: company.id,
      openingBalance: company.loyaltyBalance,
      source: 'demo:season-1447-points',
    });
  }
}
