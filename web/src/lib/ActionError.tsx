import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { actionFailure } from './actionErrors';
import { useLanguage } from './useLanguage';

/** Why a change was refused, as a sentence in the user's language (role="alert" via antd). */
export function ActionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const failure = actionFailure(error);
  let description: string;
  let detail: string | null = null;
  if (failure.kind === 'code') {
    description = t(`actionErrors.${failure.code}`);
    detail = failure.message;
  } else if (failure.message && language === 'en') {
    description = failure.message;
  } else {
    description = t(`actionErrors.general.${failure.errorKind}`);
    detail = failure.message;
  }
  return (
    <Alert
      className="action-error"
      type="error"
      showIcon
      title={t('actionErrors.title')}
      description={
        <>
          <p className="action-error__sentence">{description}</p>
          {/* The API's own words, in English: useful to quote when asking the ministry's help desk. */}
          {detail && detail !== description && (
            <p className="action-error__detail" lang="en" dir="ltr">
              {detail}
            </p>
          )}
        </>
      }
    />
  );
}
