import { useMutation } from '@apollo/client/react';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '@/app/ViewerContext';
import {
  ApproveAgencyContractDocument,
  RejectAgencyContractDocument,
  SubmitAgencyContractDocument,
  TerminateAgencyContractDocument,
  type ContractRowFragment,
} from '@/generated/graphql';
import { actionFailure } from '@/lib/actionErrors';
import { ReasonDialog } from '@/lib/ReasonDialog';
import { localized, useLanguage } from '@/lib/useLanguage';
import { contractActionsFor, type ContractAction } from '../lib/contractActions';

const REFETCH = ['AgencyContracts', 'CompanyDetail', 'MyCompany', 'ExternalAgent', 'AuditTrail'];

type ReasonAction = Exclude<ContractAction, 'submit'>;

/** The buttons a row offers the signed-in role: submit a draft, or an officer's decision. */
export function ContractActions({ contract }: { contract: ContractRowFragment }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<ReasonAction | null>(null);
  const options = { refetchQueries: REFETCH, awaitRefetchQueries: true };
  const [submit, { loading: submitting }] = useMutation(SubmitAgencyContractDocument, options);
  const [approve] = useMutation(ApproveAgencyContractDocument, options);
  const [reject] = useMutation(RejectAgencyContractDocument, options);
  const [terminate] = useMutation(TerminateAgencyContractDocument, options);

  const actions = contractActionsFor(role, contract.status);
  if (actions.length === 0) return null;
  const parties = t('contracts.parties', {
    company: localized(language, contract.company.nameAr, contract.company.nameEn),
    agent: contract.agent.name,
  });

  const doSubmit = async () => {
    try {
      await submit({ variables: { id: contract.id } });
      void message.success(t('contracts.submitted'));
    } catch (e) {
      const failure = actionFailure(e);
      void message.error(
        failure.kind === 'code' ? t(`actionErrors.${failure.code}`) : t(`actionErrors.general.${failure.errorKind}`),
      );
    }
  };

  const run = async (action: ReasonAction, reason: string) => {
    const input = { id: contract.id, reason };
    if (action === 'approve') await approve({ variables: { input } });
    if (action === 'reject') await reject({ variables: { input } });
    if (action === 'terminate') await terminate({ variables: { input } });
  };

  return (
    <>
      <Space wrap size="small">
        {actions.map((action) =>
          action === 'submit' ? (
            <Popconfirm
              key={action}
              title={t('contracts.submitQuestion')}
              description={parties}
              okText={t('contractActions.submit.button')}
              cancelText={t('common.cancel')}
              onConfirm={() => doSubmit()}
            >
              <Button size="small" type="primary" loading={submitting}>
                {t('contractActions.submit.button')}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              key={action}
              size="small"
              danger={action !== 'approve'}
              type={action === 'approve' ? 'primary' : 'default'}
              onClick={() => setDialog(action)}
            >
              {t(`contractActions.${action}.button`)}
            </Button>
          ),
        )}
      </Space>
      {dialog && (
        <ReasonDialog
          open
          title={t(`contractActions.${dialog}.title`)}
          description={<p>{parties}</p>}
          confirmQuestion={t(`contractActions.${dialog}.question`, { parties })}
          danger={dialog !== 'approve'}
          onConfirm={({ reason }) => run(dialog, reason)}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
