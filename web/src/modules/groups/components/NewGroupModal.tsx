import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContractedCompaniesDocument, CreatePilgrimGroupDocument, type GroupFactsFragment } from '@/generated/graphql';
import { QueryError } from '@/lib/QueryError';
import { useLanguage } from '@/lib/useLanguage';
import {
  inputFieldOf,
  readRegistrationFailure,
  type RegistrationFailure,
} from '@/modules/pilgrims/register/registrationErrors';
import { RegistrationAlert, ServerSentence } from '@/modules/pilgrims/register/ServerMessages';
import { contractedCompanyOptions } from '../lib/contractedCompanies';

const GROUP_FIELDS = ['name', 'groupNumber', 'companyId'] as const;
type GroupField = (typeof GROUP_FIELDS)[number];
// A manager's form has no company field: a refusal about their company is shown above the form.
const agentFieldOf = inputFieldOf(GROUP_FIELDS);
const managerFieldOf = inputFieldOf<GroupField>(['name', 'groupNumber']);

export const MAX_GROUP_NAME = 120;
export const GROUP_NUMBER = /^[0-9]{5,6}$/;

interface NewGroupValues {
  name: string;
  groupNumber?: string;
  companyId?: string;
}

interface NewGroupModalProps {
  /** Agents name the company the group travels with; a manager's is their own. */
  isAgent: boolean;
  onClose: () => void;
  onCreated: (group: GroupFactsFragment) => void;
}

/** A manager or agent registers a group for the current season. */
export function NewGroupModal({ isAgent, onClose, onCreated }: NewGroupModalProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<NewGroupValues>();
  const [failure, setFailure] = useState<RegistrationFailure<GroupField> | null>(null);
  const companies = useQuery(ContractedCompaniesDocument, { skip: !isAgent });
  const companyOptions = contractedCompanyOptions(companies.data, language);
  const [create, { loading }] = useMutation(CreatePilgrimGroupDocument, {
    refetchQueries: ['PilgrimGroups'],
    awaitRefetchQueries: true,
  });

  const save = async (values: NewGroupValues) => {
    setFailure(null);
    const groupNumber = values.groupNumber?.trim();
    try {
      const result = await create({
        variables: {
          input: {
            name: values.name.trim(),
            ...(groupNumber ? { groupNumber } : {}),
            ...(isAgent && values.companyId ? { companyId: values.companyId } : {}),
          },
        },
      });
      if (result.data) onCreated(result.data.createPilgrimGroup);
    } catch (error) {
      setFailure(readRegistrationFailure(error, isAgent ? agentFieldOf : managerFieldOf));
    }
  };

  const serverProblem = (field: GroupField) => {
    const message = failure?.fields[field];
    return message ? { validateStatus: 'error' as const, help: <ServerSentence message={message} /> } : {};
  };

  const noCompanies = isAgent && companies.data && companyOptions.length === 0;

  return (
    <Modal
      open
      title={t('groups.newTitle')}
      okText={t('groups.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={loading}
      okButtonProps={{ disabled: Boolean(noCompanies) }}
      maskClosable={false}
      destroyOnHidden
    >
      <p>{t('groups.newIntro')}</p>
      {isAgent && companies.error && <QueryError error={companies.error} onRetry={() => void companies.refetch()} />}
      {noCompanies && <Alert className="page-alert" type="warning" showIcon title={t('groups.noContracts')} />}
      <Form<NewGroupValues>
        form={form}
        name="newGroup"
        layout="vertical"
        onFinish={(values) => void save(values)}
        onValuesChange={(changed: Partial<NewGroupValues>) => {
          // A field's refusal holds until that field is changed.
          if (!failure) return;
          const fields = { ...failure.fields };
          for (const key of Object.keys(changed) as GroupField[]) delete fields[key];
          setFailure({ ...failure, fields });
        }}
      >
        {isAgent && (
          <Form.Item
            label={t('groups.company')}
            name="companyId"
            extra={t('groups.companyHelp')}
            rules={[{ required: true, message: t('groups.companyRequired') }]}
            {...serverProblem('companyId')}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={companyOptions}
              loading={companies.loading}
              notFoundContent={t('groups.noContracts')}
            />
          </Form.Item>
        )}
        <Form.Item
          label={t('groups.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('groups.nameRequired') },
            { max: MAX_GROUP_NAME, message: t('groups.nameTooLong', { max: MAX_GROUP_NAME }) },
          ]}
          {...serverProblem('name')}
        >
          <Input autoComplete="off" maxLength={MAX_GROUP_NAME} />
        </Form.Item>
        <Form.Item
          label={t('groups.groupNumberOptional')}
          name="groupNumber"
          extra={t('groups.groupNumberHelp')}
          rules={[{ pattern: GROUP_NUMBER, message: t('groups.groupNumberFormat') }]}
          {...serverProblem('groupNumber')}
        >
          <Input dir="ltr" inputMode="numeric" autoComplete="off" maxLength={6} className="group-number-input" />
        </Form.Item>
      </Form>
      {failure && <RegistrationAlert messages={failure.general} other={failure.other} />}
    </Modal>
  );
}
