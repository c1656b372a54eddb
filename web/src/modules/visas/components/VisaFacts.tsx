import { Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisaDetailFragment } from '@/generated/graphql';
import { DualDate } from '@/lib/DualDate';
import { formatSar } from '@/lib/money';
import { SectionCard } from '@/lib/SectionCard';
import { useLanguage } from '@/lib/useLanguage';
import { VisaStatusTag } from '@/modules/pilgrims/components/VisaStatusTag';
import { formatDuration } from '../lib/visaStatus';

/** The application's key facts: dates of each step, MOFA and visa numbers, fee, entry and stay. */
export function VisaFacts({ visa }: { visa: VisaDetailFragment }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const notYet = <span className="muted">{t('visas.detail.notYet')}</span>;
  const date = (value: string | null, withTime = true): ReactNode =>
    value ? <DualDate value={value} withTime={withTime} /> : notYet;
  const text = (value: string | null): ReactNode => (value ? <bdi className="visa-code">{value}</bdi> : notYet);
  const duration =
    visa.processingSeconds === null
      ? notYet
      : (formatDuration(visa.processingSeconds, language) ?? t('visas.detail.lessThanSecond'));

  const items: { key: string; label: string; children: ReactNode; show?: boolean }[] = [
    { key: 'status', label: t('visas.detail.status'), children: <VisaStatusTag status={visa.status} /> },
    { key: 'season', label: t('visas.detail.season'), children: t('visas.seasonOption', { year: visa.season }) },
    { key: 'mofa', label: t('visas.detail.mofaReference'), children: text(visa.mofaReference) },
    { key: 'visaNumber', label: t('visas.detail.visaNumber'), children: text(visa.visaNumber) },
    {
      key: 'fee',
      label: t('visas.detail.fee'),
      children: visa.feeHalalas === null ? notYet : <bdi>{formatSar(visa.feeHalalas, language)}</bdi>,
    },
    { key: 'paymentReference', label: t('visas.detail.paymentReference'), children: text(visa.paymentReference) },
    { key: 'enterBy', label: t('visas.detail.enterBy'), children: date(visa.enterBy, false) },
    {
      key: 'processing',
      label: t('visas.detail.processingTime'),
      children: (
        <>
          {duration}
          <span className="visa-facts__help muted">{t('visas.detail.processingTimeHelp')}</span>
        </>
      ),
    },
    { key: 'submittedAt', label: t('visas.detail.submittedAt'), children: date(visa.submittedAt) },
    { key: 'approvedAt', label: t('visas.detail.approvedAt'), children: date(visa.approvedAt) },
    { key: 'paidAt', label: t('visas.detail.paidAt'), children: date(visa.paidAt) },
    { key: 'sentToMofaAt', label: t('visas.detail.sentToMofaAt'), children: date(visa.sentToMofaAt) },
    { key: 'issuedAt', label: t('visas.detail.issuedAt'), children: date(visa.issuedAt) },
    {
      key: 'arrival',
      label: t('visas.detail.arrival'),
      children: visa.arrivedOn ? (
        <>
          <DualDate value={visa.arrivedOn} />
          {visa.arrivalPort && (
            <div>
              {t('visas.detail.arrivalValue', {
                port: visa.arrivalPort,
                kind: visa.arrivalPortKind ? t(`portKind.${visa.arrivalPortKind}`) : '—',
              })}
            </div>
          )}
        </>
      ) : (
        notYet
      ),
    },
    { key: 'stayUntil', label: t('visas.detail.stayUntil'), children: date(visa.stayUntil, false) },
    {
      key: 'departure',
      label: t('visas.detail.departure'),
      children: visa.departedOn ? (
        <>
          <DualDate value={visa.departedOn} />
          {visa.departurePort && (
            <div>
              <bdi>{visa.departurePort}</bdi>
            </div>
          )}
        </>
      ) : (
        notYet
      ),
    },
    {
      key: 'overstayedAt',
      label: t('visas.detail.overstayedAt'),
      children: date(visa.overstayedAt),
      show: Boolean(visa.overstayedAt),
    },
  ];

  return (
    <SectionCard title={t('visas.detail.facts')}>
      <Descriptions
        className="visa-facts"
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
        bordered
        items={items
          .filter((item) => item.show !== false)
          .map(({ key, label, children }) => ({ key, label, children }))}
      />
    </SectionCard>
  );
}
