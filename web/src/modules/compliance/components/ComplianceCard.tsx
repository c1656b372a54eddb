import { Descriptions, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplianceFiguresFragment } from '@/generated/graphql';
import { DualDate } from '@/lib/DualDate';
import { formatNumber, formatSar } from '@/lib/money';
import { SectionCard } from '@/lib/SectionCard';
import { StatusTag, type Tone } from '@/lib/StatusTag';
import { useLanguage } from '@/lib/useLanguage';

export function scoreTone(score: number): Exclude<Tone, 'neutral'> {
  if (score >= 90) return 'success';
  if (score >= 70) return 'info';
  if (score >= 50) return 'warning';
  return 'error';
}

/** The score as a number with a word for its band, so colour is never the only signal. */
export function ScoreTag({ score }: { score: number }) {
  const { t } = useTranslation();
  const tone = scoreTone(score);
  return (
    <StatusTag tone={tone}>
      {score} · {t(`compliance.scoreBand.${tone}`)}
    </StatusTag>
  );
}

/** A company's (or provider's) compliance record: the score and what it is made of. */
export function ComplianceCard({ title, record }: { title: string; record: ComplianceFiguresFragment }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const n = (v: number) => formatNumber(v, language);
  return (
    <SectionCard title={title}>
      <div className="compliance-score" data-testid="compliance-score">
        <Progress type="circle" percent={record.score} format={() => n(record.score)} size={96} aria-hidden="true" />
        <div>
          <p className="compliance-score__figure">{t('compliance.scoreOf', { score: n(record.score) })}</p>
          <ScoreTag score={record.score} />
        </div>
      </div>
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        size="small"
        bordered
        items={[
          { key: 'open', label: t('compliance.openViolations'), children: n(record.openViolations) },
          { key: 'escalated', label: t('compliance.escalatedViolations'), children: n(record.escalatedViolations) },
          { key: 'cured', label: t('compliance.curedViolations'), children: n(record.curedViolations) },
          { key: 'fines', label: t('compliance.fines'), children: formatSar(record.finesHalalas, language) },
          { key: 'complaintsOpen', label: t('compliance.complaintsOpen'), children: n(record.complaintsOpen) },
          { key: 'complaintsTotal', label: t('compliance.complaintsAgainst'), children: n(record.complaintsTotal) },
          { key: 'upheld', label: t('compliance.complaintsUpheld'), children: n(record.complaintsUpheld) },
          { key: 'sla', label: t('compliance.slaBreaches'), children: n(record.slaBreaches) },
          { key: 'overstays', label: t('compliance.overstays'), children: n(record.overstays) },
          {
            key: 'rate',
            label: t('compliance.overstayRate'),
            children: new Intl.NumberFormat(language === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB', {
              style: 'percent',
              maximumFractionDigits: 1,
            }).format(record.overstayRate),
          },
          {
            key: 'updated',
            label: t('compliance.updatedAt'),
            children: <DualDate value={record.updatedAt} inline withTime />,
          },
        ]}
      />
    </SectionCard>
  );
}
