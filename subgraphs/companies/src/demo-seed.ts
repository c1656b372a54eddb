import type { Database, EntityManager } from '@umrah/db-kit';
import { recordEvent } from '@umrah/events';
import { DEMO_PASSWORD, demoAccounts, demoAgents, demoCompanies, demoId } from '@umrah/demo';
import { AccountEntity } from './account/account.entity';
import { hashPassword } from './account/password';
import { AgentEntity } from './agent/agent.entity';
import { demoCompanyContact } from './company/company.demo';
import { CompanyEntity } from './company/company.entity';
import { seedAgencyContractsDemo } from './contract/contract.demo';
import { AgencyContractEntity } from './contract/contract.entity';
import { recordContractChange } from './contract/contract.service';
import { LicenseStatusChangeEntity } from './license/license-history.entity';
import { demoLicenseHistory } from './license/license.demo';
import { LicenseEntity, type LicenseRow } from './license/license.entity';
import { effectiveStatus } from './license/license.service';
import { LicenseStatus } from './license/license.type';
import { isoDate } from './policy/policy.service';

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
  await em.flush();
  await publishDemoStandings(em);
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

/**
 * The seeded licences and contracts enter the outbox like any change does, so subgraphs that keep
 * a projection of who may operate (pilgrims) learn the demo's starting state from the feed.
 */
async function publishDemoStandings(em: EntityManager): Promise<void> {
  const on = isoDate();
  for (const company of await em.find(CompanyEntity, {})) {
    const license = company.license as unknown as LicenseRow;
    recordEvent(em, {
      type: 'LicenseStatusChanged',
      aggregateType: 'Company',
      aggregateId: company.id,
      payload: {
        licenseId: license.id,
        from: null,
        to: license.status,
        action: 'ISSUE',
        reason: 'Demo data',
        cureUntil: license.suspendedUntil ?? null,
        expiresOn: license.expiresOn,
        mayOperate: effectiveStatus(license) === LicenseStatus.ACTIVE,
      },
    });
  }
  for (const contract of await em.find(AgencyContractEntity, {})) recordContractChange(em, contract, on);
  await em.flush();
}
