import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActionError } from '@/lib/ActionError';
import { useLanguage } from '@/lib/useLanguage';
import { loyaltyFailure } from '../lib/loyaltyErrors';

/**
 * Why an Al-Barakat change was refused. In English the API's own sentence (with the balance, the
 * cost, the stock); in Arabic a translated sentence with the API's below it.
 */
export function LoyaltyActionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const failure = loyaltyFailure(error);
  if (!failure) return <ActionError error={error} />;
  const sentence = language === 'en' ? failure.message : t(`loyaltyErrors.${failure.code}`);
  return (
    <Alert
      className="action-error"
      type="error"
      showIcon
      title={t('actionErrors.title')}
      description={
        <>
          <p className="action-error__sentence">{sentence}</p>
          {sentence !== failure.message && (
            <p className="action-error__detail" lang="en" dir="ltr">
              {failure.message}
            </p>
          )}
        </>
      }
    />
  );
}
