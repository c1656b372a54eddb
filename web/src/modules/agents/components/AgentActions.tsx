import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ApproveAgentDocument,
  LicensingDefaultsDocument,
  ReinstateAgentDocument,
  SuspendAgentDocument,
  type AgentStatus,
} from '@/generated/graphql';
import { ReasonDialog, type ReasonValues } from '@/lib/ReasonDialog';
import { todayInRiyadh } from '@/lib/today';
import { cureEnd } from '@/modules/companies/lib/licenseActions';
import { agentActionsFor, type AgentAction } from '../lib/agentActions';

const REFETCH = ['ExternalAgent', 'ExternalAgents'];

/** An officer's decisions on an agent: approve a new one, suspend with a cure period, reinstate. */
export function AgentActions({ agentId, name, status }: { agentId: string; name: string; status: AgentStatus }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<AgentAction | null>(null);
  const { data: defaults } = useQuery(LicensingDefaultsDocument);
  const options = { refetchQueries: REFETCH, awaitRefetchQueries: true };
  const [approve] = useMutation(ApproveAgentDocument, options);
  const [suspend] = useMutation(SuspendAgentDocument, options);
  const [reinstate] = useMutation(ReinstateAgentDocument, options);

  const run = async (chosen: AgentAction, { reason, date }: ReasonValues) => {
    const input = { id: agentId, reason };
    if (chosen === 'approve') await approve({ variables: { input } });
    if (chosen === 'suspend')
      await suspend({ variables: { input: { ...input, ...(date ? { cureUntil: date } : {}) } } });
    if (chosen === 'reinstate') await reinstate({ variables: { input } });
  };

  const today = todayInRiyadh();
  const cureDays = defaults?.licensingPolicy.agentCureDays;
  return (
    <>
      <Space wrap>
        {agentActionsFor(status).map((a) => (
          <Button
            key={a}
            type={a === 'approve' ? 'primary' : 'default'}
            danger={a === 'suspend'}
            onClick={() => setAction(a)}
          >
            {t(`agentActions.${a}.button`)}
          </Button>
        ))}
      </Space>
      {action && (
        <ReasonDialog
          open
          title={t(`agentActions.${action}.title`)}
          description={<p>{t(`agentActions.${action}.description`)}</p>}
          confirmQuestion={t(`agentActions.${action}.question`, { name })}
          danger={action === 'suspend'}
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
