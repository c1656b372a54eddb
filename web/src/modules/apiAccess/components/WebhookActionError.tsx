import { Alert } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ActionError } from '@/lib/ActionError';
import { actionFailure } from '@/lib/actionErrors';
import { webhookErrorKey } from '../lib/webhooks';

/** A refused webhook change as one sentence, for a toast. */
export function webhookErrorText(t: TFunction, error: unknown): string {
  const key = webhookErrorKey(error);
  if (key) return t(`webhooks.errors.${key}`);
  const failure = actionFailure(error);
  return failure.kind === 'code' ? t(`actionErrors.${failure.code}`) : t(`actionErrors.general.${failure.errorKind}`);
}

/** Why a webhook change was refused, in the user's language; other errors as every form shows them. */
export function WebhookActionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const key = webhookErrorKey(error);
  if (!key) return <ActionError error={error} />;
  return (
    <Alert
      className="action-error"
      type="error"
      showIcon
      title={t('actionErrors.title')}
      description={<p className="action-error__sentence">{t(`webhooks.errors.${key}`)}</p>}
    />
  );
}
