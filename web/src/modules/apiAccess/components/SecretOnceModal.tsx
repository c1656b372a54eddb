import { Alert, Button, Checkbox, Descriptions, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ExplorerCredentials } from '../lib/scopes';

interface SecretOnceModalProps {
  clientName: string;
  credentials: ExplorerCredentials;
  /** "created" for a new client, "rotated" after a new secret replaced the old one. */
  reason: 'created' | 'rotated';
  onClose: () => void;
}

/**
 * The one time a client secret is shown: the API stores only its hash. Closing asks the user to
 * confirm they stored it; the explorer can use it right away without it ever entering a URL.
 */
export function SecretOnceModal({ clientName, credentials, reason, onClose }: SecretOnceModalProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [stored, setStored] = useState(false);

  return (
    <Modal
      open
      width={640}
      title={t(reason === 'created' ? 'apiAccess.secret.createdTitle' : 'apiAccess.secret.rotatedTitle', {
        name: clientName,
      })}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={[
        <Button key="explorer" onClick={() => void navigate('/api-access/explorer', { state: credentials })}>
          {t('apiAccess.secret.openExplorer')}
        </Button>,
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
          description={t('apiAccess.secret.warning')}
        />
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            {
              key: 'clientId',
              label: t('apiAccess.clientId'),
              children: (
                <Typography.Text
                  code
                  copyable={{ text: credentials.clientId, tooltips: [t('apiAccess.copy'), t('apiAccess.copied')] }}
                  dir="ltr"
                >
                  {credentials.clientId}
                </Typography.Text>
              ),
            },
            {
              key: 'secret',
              label: t('apiAccess.clientSecret'),
              children: (
                <Typography.Text
                  code
                  className="secret-once__secret"
                  data-testid="client-secret"
                  copyable={{ text: credentials.clientSecret, tooltips: [t('apiAccess.copy'), t('apiAccess.copied')] }}
                  dir="ltr"
                >
                  {credentials.clientSecret}
                </Typography.Text>
              ),
            },
          ]}
        />
        <Checkbox checked={stored} onChange={(e) => setStored(e.target.checked)}>
          {t('apiAccess.secret.stored')}
        </Checkbox>
      </Space>
    </Modal>
  );
}
