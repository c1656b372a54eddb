import { Alert, Button, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActionError } from '@/lib/ActionError';
import { formatNumber } from '@/lib/money';
import { SectionCard } from '@/lib/SectionCard';
import { useLanguage } from '@/lib/useLanguage';
import type { ImportRunState } from './useImportRun';

interface ImportProgressProps {
  state: ImportRunState;
  onStop: () => void;
  onResume: () => void;
  onResults: () => void;
}

/** Step 4: rows answered out of rows sent, a way to stop, and what to do after a stop or a failure. */
export function ImportProgress({ state, onStop, onResume, onResults }: ImportProgressProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { status, done, total } = state;
  const text = t('pilgrimImport.progress.text', {
    done: formatNumber(done, language),
    total: formatNumber(total, language),
  });
  return (
    <SectionCard title={t('pilgrimImport.progress.title')}>
      <Progress
        percent={total > 0 ? Math.floor((done * 100) / total) : 0}
        status={status === 'failed' ? 'exception' : status === 'running' || status === 'stopping' ? 'active' : 'normal'}
        aria-label={t('pilgrimImport.progress.title')}
        aria-valuetext={text}
      />
      <p className="import-summary" aria-live="polite">
        {text}
        {status === 'stopping' && ` — ${t('pilgrimImport.progress.stopping')}`}
      </p>
      {status === 'stopped' && (
        <Alert
          className="import-alert"
          type="info"
          showIcon
          title={t('pilgrimImport.progress.stopped', {
            count: total - done,
            formatted: formatNumber(total - done, language),
          })}
        />
      )}
      {status === 'failed' && (
        <>
          <ActionError error={state.error} />
          <p className="import-summary">{t('pilgrimImport.progress.failedHint')}</p>
        </>
      )}
      <div className="import-footer">
        {(status === 'running' || status === 'stopping') && (
          <Button danger onClick={onStop} disabled={status === 'stopping'}>
            {t('pilgrimImport.progress.stop')}
          </Button>
        )}
        {(status === 'stopped' || status === 'failed') && (
          <>
            <Button type="primary" onClick={onResume}>
              {t('pilgrimImport.progress.resume')}
            </Button>
            <Button onClick={onResults}>{t('pilgrimImport.progress.results')}</Button>
          </>
        )}
      </div>
    </SectionCard>
  );
}
