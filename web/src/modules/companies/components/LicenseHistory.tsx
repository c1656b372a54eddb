import { Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LicenseHistoryEntryFragment } from '@/generated/graphql';
import { DualDate } from '@/lib/DualDate';
import { SectionCard } from '@/lib/SectionCard';
import { LicenseStatusTag } from './LicenseStatusTag';

const COLOR: Record<LicenseHistoryEntryFragment['action'], string> = {
  SUSPEND: 'orange',
  REVOKE: 'red',
  REINSTATE: 'green',
  RENEW: 'green',
  ISSUE: 'blue',
};

/** Who did what to the licence, when and why; newest first. */
export function LicenseHistory({ entries }: { entries: readonly LicenseHistoryEntryFragment[] }) {
  const { t } = useTranslation();
  const newestFirst = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <SectionCard title={t('company.history')}>
      {newestFirst.length === 0 ? (
        <Empty description={t('company.noHistory')} />
      ) : (
        <Timeline
          className="license-history"
          items={newestFirst.map((entry, index) => ({
            key: `${entry.at}-${index}`,
            color: COLOR[entry.action],
            content: (
              <article className="history-entry">
                <h3 className="history-entry__title">
                  {t(`licenseHistoryAction.${entry.action}`)}
                  <span className="history-entry__status">
                    {entry.fromStatus && (
                      <>
                        <LicenseStatusTag status={entry.fromStatus} />
                        <span aria-hidden="true" className="history-entry__arrow">
                          →
                        </span>
                        <span className="sr-only">{t('company.historyTo')}</span>
                      </>
                    )}
                    <LicenseStatusTag status={entry.toStatus} />
                  </span>
                </h3>
                <p className="history-entry__meta">
                  <DualDate value={entry.at} withTime inline /> · <span dir="auto">{entry.actorName}</span>
                  {entry.actorRole && <> ({t(`roles.${entry.actorRole}`)})</>}
                </p>
                {entry.cureUntil && (
                  <p className="history-entry__meta">
                    {t('company.historyCureUntil')}: <DualDate value={entry.cureUntil} inline />
                  </p>
                )}
                {entry.newExpiresOn && (
                  <p className="history-entry__meta">
                    {t('company.historyNewExpiry')}: <DualDate value={entry.newExpiresOn} inline />
                  </p>
                )}
                <p className="history-entry__reason">
                  <span className="history-entry__label">{t('company.historyReason')}: </span>
                  <q dir="auto">{entry.reason}</q>
                </p>
              </article>
            ),
          }))}
        />
      )}
    </SectionCard>
  );
}
