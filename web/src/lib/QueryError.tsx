import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorKind } from './errors';

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
}

/** The error state of a page or card: a localized sentence and, where it can help, a retry. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  const kind = errorKind(error);
  const canRetry = onRetry && kind !== 'FORBIDDEN' && kind !== 'UNAUTHENTICATED';
  return (
    <Alert
      type="error"
      showIcon
      title={t('errors.title')}
      description={t(`errors.${kind}`)}
      action={
        canRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
