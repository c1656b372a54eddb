import { useMutation } from '@apollo/client/react';
import { Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateApiClientDocument } from '@/generated/graphql';
import { ActionError } from '@/lib/ActionError';
import { API_SCOPES, type ApiScope } from '../lib/scopes';

interface CreateClientValues {
  name: string;
  scopes: ApiScope[];
}

export interface CreatedClient {
  name: string;
  clientId: string;
  clientSecret: string;
}

/** Names a new API client and picks its scopes; the secret comes back once. */
export function CreateClientModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (created: CreatedClient) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateClientValues>();
  const [error, setError] = useState<unknown>(null);
  const [create, { loading }] = useMutation(CreateApiClientDocument, {
    refetchQueries: ['ApiClients'],
    awaitRefetchQueries: true,
  });

  const save = async (values: CreateClientValues) => {
    setError(null);
    try {
      const result = await create({ variables: { input: { name: values.name.trim(), scopes: values.scopes } } });
      const payload = result.data?.createApiClient;
      if (payload)
        onCreated({ name: payload.client.name, clientId: payload.client.clientId, clientSecret: payload.clientSecret });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Modal
      open
      title={t('apiAccess.createTitle')}
      okText={t('apiAccess.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={loading}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<CreateClientValues>
        form={form}
        name="createApiClient"
        layout="vertical"
        initialValues={{ scopes: ['READ'] }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          label={t('apiAccess.name')}
          name="name"
          extra={t('apiAccess.nameHelp')}
          rules={[
            { required: true, whitespace: true, message: t('apiAccess.nameRequired') },
            { max: 100, message: t('apiAccess.nameTooLong') },
          ]}
        >
          <Input autoComplete="off" dir="auto" />
        </Form.Item>
        <Form.Item
          label={t('apiAccess.scopes')}
          name="scopes"
          rules={[{ required: true, type: 'array', min: 1, message: t('apiAccess.scopesRequired') }]}
        >
          <Checkbox.Group options={API_SCOPES.map((scope) => ({ value: scope, label: t(`apiScope.${scope}`) }))} />
        </Form.Item>
      </Form>
      {error !== null && <ActionError error={error} />}
    </Modal>
  );
}
