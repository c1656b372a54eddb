import { Alert, Button, Checkbox, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface WebhookSecretModalProps {
  url: string;
  secret: string;
  /** "created" for a new subscription, "rotated" after a new secret replaced the old one. */
  reason: 'created' | 'rotated';
  onClose: () => void;
}

/**
 * The one time a signing secret is shown. Closing asks the user to confirm they stored it: the
 * API never shows it again (only a new one, by rotation).
 */
export function WebhookSecretModal({ url, secret, reason, onClose }: WebhookSecretModalProps) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  return (
    <Modal
      open
      width={640}
      title={t(reason === 'created' ? 'webhooks.secret.createdTitle' : 'webhooks.secret.rotatedTitle')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={[
        <Button key="done" type="primary" disabled={!stored} onClick={onClose}>
          {t('apiAccess.secret.done')}
        </Button>,
      ]}
    >
      <Space orientation="vertical" size="middle" className="secret-once">
        <Alert
          type="warning"
          showIcon
          title={t('apiAccess.secret.warningTitle')}
          description={t('webhooks.secret.warning')}
        />
        <div>
          <Typography.Text type="secondary">{t('webhooks.url')}</Typography.Text>
          <div>
            <Typography.Text code dir="ltr" className="secret-once__secret">
              {url}
            </Typography.Text>
          </div>
        </div>
        <div>
          <Typography.Text type="secondary" id="webhook-secret-label">
            {t('webhooks.secret.label')}
          </Typography.Text>
          <div>
            <Typography.Text
              code
              className="secret-once__secret"
              data-testid="webhook-secret"
              aria-labelledby="webhook-secret-label"
              copyable={{ text: secret, tooltips: [t('apiAccess.copy'), t('apiAccess.copied')] }}
              dir="ltr"
            >
              {secret}
            </Typography.Text>
          </div>
        </div>
        <Checkbox checked={stored} onChange={(e) => setStored(e.target.checked)}>
          {t('apiAccess.secret.stored')}
        </Checkbox>
      </Space>
    </Modal>
  );
}
