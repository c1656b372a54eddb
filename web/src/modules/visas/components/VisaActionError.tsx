import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActionError } from '@/lib/ActionError';
import { useLanguage } from '@/lib/useLanguage';
import { visaFailure } from '../lib/visaErrors';

/**
 * Why a visa step was refused. In English the API's own sentence (with the case's dates and
 * numbers); in Arabic a translated sentence with the API's below it. Other failures read as any
 * refused change does.
 */
export function VisaActionError({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const failure = visaFailure(error);
  if (!failure) return <ActionError error={error} />;
  const sentence = language === 'en' ? failure.message : t(`visaErrors.${failure.code}`);
  return (
    <Alert
      className="action-error"
      type="error"
      showIcon
      title={title ?? t('actionErrors.title')}
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
