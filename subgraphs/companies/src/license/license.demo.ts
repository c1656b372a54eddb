import { demoId, type DemoCompany } from '@umrah/demo';
import { addDays } from '../policy/policy.service';
import type { LicenseStatusChangeRow } from './license-history.entity';

const OFFICER = demoId('account:officer');

/** The licence history of a demo company: its issue, then the decision that left it as the cast has it. */
export function demoLicenseHistory(company: DemoCompany): LicenseStatusChangeRow[] {
  const licenseId = demoId(`license:${company.id}`);
  const entry = (
    label: string,
    fields: Pick<LicenseStatusChangeRow, 'fromStatus' | 'toStatus' | 'action' | 'reason' | 'at'> &
      Partial<Pick<LicenseStatusChangeRow, 'suspendedUntil' | 'newExpiresOn'>>,
  ): LicenseStatusChangeRow => ({
    id: demoId(`license-change:${company.id}:${label}`),
    licenseId,
    companyId: company.id,
    suspendedUntil: null,
    newExpiresOn: null,
    actorAccountId: OFFICER,
    ...fields,
  });
  const history = [
    entry('issue', {
      fromStatus: null,
      toStatus: 'ACTIVE',
      action: 'ISSUE',
      reason: 'Licence issued after the ministry’s review of the application / صدر الترخيص بعد مراجعة الوزارة للطلب',
      newExpiresOn: company.expiresOn,
      at: new Date(`${company.issuedOn}T07:30:00.000Z`),
    }),
  ];
  if (company.licenseStatus === 'SUSPENDED' && company.suspendedUntil) {
    history.push(
      entry('suspend', {
        fromStatus: 'ACTIVE',
        toStatus: 'SUSPENDED',
        action: 'SUSPEND',
        reason: 'Housing not as sold — complaints upheld / سكن غير مطابق للمباع — ثبتت صحة الشكاوى',
        suspendedUntil: company.suspendedUntil,
        at: new Date(`${addDays(company.suspendedUntil, -30)}T09:15:00.000Z`),
      }),
    );
  }
  if (company.licenseStatus === 'REVOKED') {
    history.push(
      entry('revoke', {
        fromStatus: 'ACTIVE',
        toStatus: 'REVOKED',
        action: 'REVOKE',
        reason: 'Repeated overstays and unpaid fines / تكرار حالات التخلف وعدم سداد الغرامات',
        at: new Date(`${addDays(company.expiresOn, -120)}T10:00:00.000Z`),
      }),
    );
  }
  return history;
}
