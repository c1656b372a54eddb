import { Alert, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisaDetailFragment } from '@/generated/graphql';
import { formatDual } from '@/lib/dates';
import { SectionCard } from '@/lib/SectionCard';
import { useLanguage } from '@/lib/useLanguage';
import { isRetrying, isStopped, pollIntervalFor } from '../lib/visaActions';
import { journeyIndex, VISA_JOURNEY } from '../lib/visaStatus';

const OFF_JOURNEY = new Set(['REJECTED', 'CANCELLED', 'EXPIRED', 'OVERSTAYED']);

/**
 * Where the application stands on its usual journey, updated live while payment and MOFA run,
 * with a calm note when an automatic step waits for a retry and a clear one when it stopped.
 */
export function VisaProgress({ visa }: { visa: VisaDetailFragment }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const reached = visa.history.map((step) => step.toStatus);
  const current = journeyIndex(visa.status, reached);
  const offJourney = OFF_JOURNEY.has(visa.status);
  const finished = visa.status === 'DEPARTED';
  const retryAt = visa.nextAttemptAt ? formatDual(visa.nextAttemptAt, language, { withTime: true }) : null;

  return (
    <SectionCard title={t('visas.detail.progress')}>
      {/* Announces each new status while the page follows payment and MOFA. */}
      <p className="visa-progress__status" aria-live="polite" aria-atomic="true">
        {t('visas.detail.statusNow', { status: t(`visaStatus.${visa.status}`) })}
        {pollIntervalFor(visa) !== null && <span className="muted"> · {t('visas.detail.live')}</span>}
      </p>
      <Steps
        className="visa-progress"
        size="small"
        responsive
        current={current}
        status={offJourney ? 'error' : finished ? 'finish' : 'process'}
        items={VISA_JOURNEY.map((status) => ({ key: status, title: t(`visaStatus.${status}`) }))}
      />
      {isRetrying(visa) && retryAt && (
        <Alert
          className="visa-progress__note"
          type="warning"
          showIcon
          title={t('visas.detail.retrying', { time: `${retryAt.hijri} (${retryAt.gregorian})` })}
          description={
            <p className="action-error__detail">
              {t('visas.detail.lastErrorLabel')}:{' '}
              <span lang="en" dir="ltr">
                {visa.lastError}
              </span>
            </p>
          }
        />
      )}
      {isStopped(visa) && (
        <Alert
          className="visa-progress__note"
          type="error"
          showIcon
          title={t('visas.detail.stopped')}
          description={
            <>
              <p className="action-error__sentence">{t('visas.detail.stoppedHint')}</p>
              <p className="action-error__detail" lang="en" dir="ltr">
                {visa.lastError}
              </p>
            </>
          }
        />
      )}
    </SectionCard>
  );
}
