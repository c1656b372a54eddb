import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActionError } from '@/lib/ActionError';
import { useLanguage } from '@/lib/useLanguage';
import { complianceFailure } from '../lib/complianceErrors';

/** Why a complaint or violation change was refused: a translated sentence with the API's own below it. */
export function ComplianceActionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const failure = complianceFailure(error);
  if (!failure) return <ActionError error={error} />;
  const sentence = language === 'en' ? failure.message : t(`complianceErrors.${failure.code}`);
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
