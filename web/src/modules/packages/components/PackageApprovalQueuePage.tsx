import { useTranslation } from 'react-i18next';
import { isReadOnly } from '@/app/navigation';
import { useViewer } from '@/app/ViewerContext';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { usePackageApprovalQueue } from '../hooks/usePackages';
import { PackageTable } from './PackageTable';
import './maqam.css';

/** The ministry's queue of packages waiting for a decision, the longest waiting first. */
export function PackageApprovalQueuePage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  useDocumentTitle(t('nav.packageApprovals'));
  const list = usePackageApprovalQueue();
  const exportCsv = () =>
    downloadCsv(
      `${t('maqam.queueCsv')}-${todayInRiyadh()}.csv`,
      toCsv(
        [t('packages.name'), t('maqam.company'), t('maqam.priceSar'), t('maqam.submittedAt')],
        list.rows.map((r) => [
          localized(language, r.nameAr, r.nameEn),
          localized(language, r.company.nameAr ?? '', r.company.nameEn ?? ''),
          (r.priceHalalas / 100).toFixed(2),
          r.submittedAt ?? '',
        ]),
      ),
    );
  return (
    <>
      <PageHeader
        title={t('nav.packageApprovals')}
        tags={isReadOnly(role) ? <StatusTag tone="info">{t('common.readOnly')}</StatusTag> : undefined}
        subtitle={
          list.hasData
            ? t('maqam.waiting', { count: list.totalCount, formatted: formatNumber(list.totalCount, language) })
            : undefined
        }
      />
      <ConnectionSection list={list} onExport={exportCsv}>
        <PackageTable
          rows={list.rows}
          loading={list.loading}
          label={t('nav.packageApprovals')}
          showCompany
          showSubmitted
          emptyText={t('maqam.queueEmpty')}
        />
      </ConnectionSection>
    </>
  );
}
