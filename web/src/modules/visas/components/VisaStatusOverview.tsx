import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisaStatus } from '@/generated/graphql';
import { formatNumber } from '@/lib/money';
import { SectionCard } from '@/lib/SectionCard';
import { useLanguage } from '@/lib/useLanguage';
import { VisaStatusTag } from '@/modules/pilgrims/components/VisaStatusTag';
import { statusRows } from '../lib/chartData';

interface VisaStatusOverviewProps {
  season: string;
  byStatus: readonly { status: VisaStatus; count: number }[] | null;
  loading: boolean;
  failed: boolean;
  /** The status the list is limited to, if exactly one. */
  selected: VisaStatus | null;
  onSelect: (status: VisaStatus | null) => void;
}

/**
 * How many applications are in each status, each a toggle that limits the list below to it.
 * Filtering changes nothing, so supervisors get the toggles too.
 */
export function VisaStatusOverview({ season, byStatus, loading, failed, selected, onSelect }: VisaStatusOverviewProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <SectionCard className="visa-overview" title={t('visas.overviewTitle', { season })}>
      {loading && !byStatus ? (
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      ) : failed || !byStatus ? (
        <p className="muted">{t('visas.overviewUnavailable')}</p>
      ) : (
        <>
          <p className="muted visa-overview__hint">{t('visas.overviewHint')}</p>
          <ul className="visa-overview__list">
            {statusRows(byStatus).map(({ status, count }) => (
              <li key={status}>
                <button
                  type="button"
                  className="visa-overview__chip"
                  aria-pressed={selected === status}
                  onClick={() => onSelect(selected === status ? null : status)}
                >
                  <VisaStatusTag status={status} />
                  <span className="visa-overview__count">{formatNumber(count, language)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </SectionCard>
  );
}
