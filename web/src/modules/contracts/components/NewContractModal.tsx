import { useMutation } from '@apollo/client/react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateAgencyContractDocument, type ContractPartiesQuery } from '@/generated/graphql';
import { ActionError } from '@/lib/ActionError';
import { countryName } from '@/lib/countries';
import { formatDual } from '@/lib/dates';
import { todayInRiyadh } from '@/lib/today';
import { useLanguage } from '@/lib/useLanguage';

interface NewContractValues {
  agentId: string;
  validFrom: string;
  validTo: string;
}

interface NewContractModalProps {
  parties: ContractPartiesQuery | undefined;
  onClose: () => void;
}

/** A manager drafts a contract with an active agent; it goes to the ministry when submitted. */
export function NewContractModal({ parties, onClose }: NewContractModalProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<NewContractValues>();
  const [error, setError] = useState<unknown>(null);
  const [create, { loading }] = useMutation(CreateAgencyContractDocument, {
    refetchQueries: ['AgencyContracts', 'MyCompany'],
    awaitRefetchQueries: true,
  });
  const agents = (parties?.externalAgents.edges ?? [])
    .map((edge) => edge.node)
    .filter((agent) => agent.status === 'ACTIVE');
  const cutoff = parties?.licensingPolicy.contractCutoffOn;
  const today = todayInRiyadh();

  const save = async (values: NewContractValues) => {
    setError(null);
    try {
      await create({ variables: { input: values } });
      onClose();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Modal
      open
      title={t('contracts.newTitle')}
      okText={t('contracts.createDraft')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={loading}
      maskClosable={false}
      destroyOnHidden
    >
      <p>{t('contracts.newIntro')}</p>
      {cutoff && (
        <Alert
          className="page-alert"
          type={cutoff < today ? 'warning' : 'info'}
          showIcon
          title={t(cutoff < today ? 'contracts.cutoffPassed' : 'contracts.cutoff', {
            date: `${formatDual(cutoff, language).hijri} (${formatDual(cutoff, language).gregorian})`,
          })}
        />
      )}
      <Form<NewContractValues>
        form={form}
        name="newContract"
        layout="vertical"
        initialValues={{ validFrom: today }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          label={t('contracts.agent')}
          name="agentId"
          rules={[{ required: true, message: t('contracts.agentRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={agents.map((agent) => ({
              value: agent.id,
              label: `${agent.name} — ${countryName(agent.countryCode, language)}`,
            }))}
            notFoundContent={t('contracts.noActiveAgents')}
          />
        </Form.Item>
        <Form.Item
          label={t('contracts.validFrom')}
          name="validFrom"
          rules={[{ required: true, message: t('contracts.dateRequired') }]}
        >
          <Input type="date" dir="ltr" />
        </Form.Item>
        <Form.Item
          label={t('contracts.validTo')}
          name="validTo"
          dependencies={['validFrom']}
          rules={[
            { required: true, message: t('contracts.dateRequired') },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                const from = getFieldValue('validFrom') as string | undefined;
                if (value && from && value <= from) throw new Error(t('contracts.endAfterStart'));
              },
            }),
          ]}
        >
          <Input type="date" dir="ltr" />
        </Form.Item>
      </Form>
      {error !== null && <ActionError error={error} />}
    </Modal>
  );
}
