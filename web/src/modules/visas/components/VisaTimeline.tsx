import { Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { useViewer } from '@/app/ViewerContext';
import type { VisaDetailFragment, VisaStatus } from '@/generated/graphql';
import { DualDate } from '@/lib/DualDate';
import { SectionCard } from '@/lib/SectionCard';
import { VisaStatusTag } from '@/modules/pilgrims/components/VisaStatusTag';
import { actorOf, recordedReason, type Actor } from '../lib/history';
import { pollIntervalFor } from '../lib/visaActions';

type Step = VisaDetailFragment['history'][number];

const COLOR: Partial<Record<VisaStatus, string>> = {
  ISSUED: 'green',
  ARRIVED: 'green',
  DEPARTED: 'gray',
  REJECTED: 'red',
  OVERSTAYED: 'red',
  CANCELLED: 'gray',
  EXPIRED: 'gray',
};

function ActorName({ actor }: { actor: Actor }) {
  const { t } = useTranslation();
  if (actor.kind === 'system') return <>{t('visas.detail.actorSystem')}</>;
  if (actor.kind === 'you') return <>{t('visas.detail.actorYou')}</>;
  if (actor.kind === 'manager') return <>{t('visas.detail.actorManager')}</>;
  return <>{t('visas.detail.actorAccount', { id: `…${actor.shortId}` })}</>;
}

function Reason({ step }: { step: Step }) {
  const { t } = useTranslation();
  if (!step.reason) return null;
  const reason = recordedReason(step.toStatus, step.reason);
  return (
    <p className="history-entry__reason">
      <span className="history-entry__label">{t('visas.detail.reason')}: </span>
      {reason.kind === 'port' && (
        <>
          <bdi>{reason.port}</bdi> ({t(`portKind.${reason.portKind}`)})
        </>
      )}
      {reason.kind === 'refusal' && (
        <>
          {t(`visaErrors.${reason.code}`)}{' '}
          <span className="muted" lang="en" dir="ltr">
            {reason.text}
          </span>
        </>
      )}
      {reason.kind === 'text' && <q dir="auto">{reason.text}</q>}
    </p>
  );
}

/**
 * The application's history as a timeline, oldest step first: the status reached, when, who (or
 * the system) and why. While payment and MOFA run, a last "pending" step shows the wait.
 */
export function VisaTimeline({ visa }: { visa: VisaDetailFragment }) {
  const { t } = useTranslation();
  const { id: viewerId } = useViewer();
  const steps = visa.history;
  return (
    <SectionCard title={t('visas.detail.history')}>
      {steps.length === 0 ? (
        <Empty description={t('visas.detail.noHistory')} />
      ) : (
        <Timeline
          className="visa-timeline"
          items={[
            ...steps.map((step) => ({
              key: step.id,
              color: COLOR[step.toStatus] ?? 'blue',
              content: (
                <article className="history-entry">
                  <h3 className="history-entry__title">
                    <span className="history-entry__status">
                      {step.fromStatus && (
                        <>
                          <span className="sr-only">{t('visas.detail.historyFrom')}</span>
                          <VisaStatusTag status={step.fromStatus} />
                          <span aria-hidden="true" className="history-entry__arrow">
                            →
                          </span>
                          <span className="sr-only">{t('visas.detail.historyTo')}</span>
                        </>
                      )}
                      <VisaStatusTag status={step.toStatus} />
                    </span>
                  </h3>
                  <p className="history-entry__meta">
                    <DualDate value={step.changedAt} withTime inline /> · <ActorName actor={actorOf(step, viewerId)} />
                  </p>
                  <Reason step={step} />
                </article>
              ),
            })),
            ...(pollIntervalFor(visa) !== null
              ? [{ key: 'pending', loading: true, content: <p className="muted">{t('visas.detail.live')}</p> }]
              : []),
          ]}
        />
      )}
    </SectionCard>
  );
}
