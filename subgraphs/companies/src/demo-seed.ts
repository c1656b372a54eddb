import type { Database } from '@umrah/db-kit';
import { DEMO_PASSWORD, demoAccounts, demoAgents, demoCompanies, demoId } from '@umrah/demo';
import { AccountEntity } from './account/account.entity';
import { hashPassword } from './account/password';
import { AgentEntity } from './agent/agent.entity';
import { demoCompanyContact } from './company/company.demo';
import { CompanyEntity } from './company/company.entity';
import { seedAgencyContractsDemo } from './contract/contract.demo';
import { LicenseStatusChangeEntity } from './license/license-history.entity';
import { demoLicenseHistory } from './license/license.demo';
import { LicenseEntity } from './license/license.entity';

/** Seeds the demo cast into an empty database; does nothing when companies already exist. */
export async function seedCompaniesDemo(db: Database): Promise<void> {
  const em = db.fork();
  if ((await em.count(CompanyEntity, {})) > 0) return;
  for (const c of demoCompanies) {
    const license = em.create(LicenseEntity, {
      id: demoId(`license:${c.id}`),
      number: c.licenseNumber,
      status: c.licenseStatus,
      issuedOn: c.issuedOn,
      expiresOn: c.expiresOn,
      suspendedUntil: c.suspendedUntil ?? null,
    });
    em.create(CompanyEntity, {
      id: c.id,
      nameAr: c.nameAr,
      nameEn: c.nameEn,
      crNumber: c.crNumber,
      city: c.city,
      ...demoCompanyContact(c, demoCompanies.indexOf(c)),
      license,
    });
  }
  for (const a of demoAgents) {
    em.create(AgentEntity, {
      id: a.id,
      name: a.name,
      countryCode: a.countryCode,
      homeLicenseNumber: a.homeLicenseNumber,
      status: 'ACTIVE',
    });
  }
  // Accounts refer to companies and agents by plain id columns: write those first.
  await em.flush();
  await seedAgencyContractsDemo(em);
  for (const c of demoCompanies) {
    for (const change of demoLicenseHistory(c)) em.create(LicenseStatusChangeEntity, change);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of demoAccounts) {
    em.create(AccountEntity, {
      id: a.id,
      email: a.email,
      displayName: a.displayName,
      passwordHash,
      role: a.role,
      companyId: a.companyId ?? null,
      agentId: a.agentId ?? null,
      providerId: a.providerId ?? null,
    });
  }
  await em.flush();
}
