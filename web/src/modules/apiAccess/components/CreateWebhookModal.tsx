import { useMutation } from '@apollo/client/react';
import { Checkbox, Form, Input, Modal } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateWebhookSubscriptionDocument, type WebhookEventType } from '@/generated/graphql';
import { urlProblem } from '../lib/webhooks';
import { WebhookActionError } from './WebhookActionError';

const EVENT_TYPES: readonly WebhookEventType[] = ['VISA_STATUS_CHANGED'];

interface CreateWebhookValues {
  url: string;
  description?: string;
  eventTypes: WebhookEventType[];
}

export interface CreatedWebhook {
  url: string;
  secret: string;
}

/** A new endpoint: its URL, a note and the events it receives; the secret comes back once. */
export function CreateWebhookModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (created: CreatedWebhook) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateWebhookValues>();
  const [error, setError] = useState<unknown>(null);
  // One key per opened form: a retried submit (lost answer) does not create a second endpoint.
  const idempotencyKey = useRef(crypto.randomUUID());
  const [create, { loading }] = useMutation(CreateWebhookSubscriptionDocument, {
    refetchQueries: ['WebhookSubscriptions'],
    awaitRefetchQueries: true,
  });

  const save = async (values: CreateWebhookValues) => {
    setError(null);
    try {
      const result = await create({
        variables: {
          input: {
            url: values.url.trim(),
            description: values.description?.trim() || null,
            eventTypes: values.eventTypes,
          },
          idempotencyKey: idempotencyKey.current,
        },
      });
      const payload = result.data?.createWebhookSubscription;
      if (payload?.secret) onCreated({ url: payload.subscription.url, secret: payload.secret });
      else onClose();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Modal
      open
      title={t('webhooks.createTitle')}
      okText={t('webhooks.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={loading}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<CreateWebhookValues>
        form={form}
        name="createWebhook"
        layout="vertical"
        initialValues={{ eventTypes: EVENT_TYPES }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          label={t('webhooks.url')}
          name="url"
          extra={t('webhooks.urlHelp')}
          rules={[
            { required: true, whitespace: true, message: t('webhooks.urlRequired') },
            { max: 2000, message: t('webhooks.errors.URL_TOO_LONG') },
            {
              validator: async (_, value: string | undefined) => {
                const problem = value?.trim() ? urlProblem(value) : null;
                if (problem) throw new Error(t(`webhooks.errors.${problem}`));
              },
            },
          ]}
        >
          <Input dir="ltr" inputMode="url" autoComplete="off" placeholder="https://" />
        </Form.Item>
        <Form.Item
          label={t('webhooks.description')}
          name="description"
          extra={t('webhooks.descriptionHelp')}
          rules={[{ max: 200, message: t('webhooks.descriptionTooLong') }]}
        >
          <Input autoComplete="off" dir="auto" />
        </Form.Item>
        <Form.Item
          label={t('webhooks.events')}
          name="eventTypes"
          rules={[{ required: true, type: 'array', min: 1, message: t('webhooks.eventsRequired') }]}
        >
          <Checkbox.Group
            options={EVENT_TYPES.map((type) => ({ value: type, label: t(`webhookEventType.${type}`) }))}
          />
        </Form.Item>
      </Form>
      {error !== null && <WebhookActionError error={error} />}
    </Modal>
  );
}
