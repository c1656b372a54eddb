import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LicensingDefaultsDocument,
  ReinstateLicenseDocument,
  RenewLicenseDocument,
  RevokeLicenseDocument,
  SuspendLicenseDocument,
  type LicenseStatus,
} from '@/generated/graphql';
import { ReasonDialog, type ReasonValues } from '@/lib/ReasonDialog';
import { todayInRiyadh } from '@/lib/today';
import { cureEnd, isStopping, licenseActionsFor, type LicenseAction } from '../lib/licenseActions';

interface LicenseActionsProps {
  companyId: string;
  companyName: string;
  status: LicenseStatus;
}

// After a decision the page shows the new status, the new history line and the audit entry.
const REFETCH = ['CompanyDetail', 'AuditTrail', 'Companies'];

/** An officer's licence decisions: only those valid for the current status, each with a reason. */
export function LicenseActions({ companyId, companyName, status }: LicenseActionsProps) {
  const { t } = useTranslation();
  const [action, setAction] = useState<LicenseAction | null>(null);
  const { data: defaults } = useQuery(LicensingDefaultsDocument);
  const options = { refetchQueries: REFETCH, awaitRefetchQueries: true };
  const [suspend] = useMutation(SuspendLicenseDocument, options);
  const [reinstate] = useMutation(ReinstateLicenseDocument, options);
  const [revoke] = useMutation(RevokeLicenseDocument, options);
  const [renew] = useMutation(RenewLicenseDocument, options);

  const actions = licenseActionsFor(status);
  if (actions.length === 0) return null;

  const run = async (chosen: LicenseAction, { reason, date }: ReasonValues) => {
    const input = { companyId, reason };
    if (chosen === 'suspend')
      await suspend({ variables: { input: { ...input, ...(date ? { cureUntil: date } : {}) } } });
    if (chosen === 'reinstate') await reinstate({ variables: { input } });
    if (chosen === 'revoke') await revoke({ variables: { input } });
    if (chosen === 'renew') await renew({ variables: { input } });
  };

  const today = todayInRiyadh();
  const cureDays = defaults?.licensingPolicy.companyCureDays;
  return (
    <>
      <Space wrap>
        {actions.map((a) => (
          <Button key={a} danger={isStopping(a)} onClick={() => setAction(a)}>
            {t(`licenseActions.${a}.button`)}
          </Button>
        ))}
      </Space>
      {action && (
        <ReasonDialog
          open
          title={t(`licenseActions.${action}.title`)}
          description={<p>{t(`licenseActions.${action}.description`)}</p>}
          confirmQuestion={t(`licenseActions.${action}.question`, { name: companyName })}
          danger={isStopping(action)}
          dateField={
            action === 'suspend'
              ? {
                  label: t('licenseActions.suspend.cureUntil'),
                  help: cureDays ? t('licenseActions.suspend.cureHelp', { days: cureDays }) : undefined,
                  initial: cureDays ? cureEnd(today, cureDays) : undefined,
                  min: cureEnd(today, 1),
                }
              : undefined
          }
          onConfirm={(values) => run(action, values)}
          onClose={() => setAction(null)}
        />
      )}
    </>
  );
}
