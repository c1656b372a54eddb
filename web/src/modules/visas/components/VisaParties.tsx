import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewer } from '@/app/ViewerContext';
import type { VisaDetailFragment } from '@/generated/graphql';
import { countryName } from '@/lib/countries';
import { DualDate } from '@/lib/DualDate';
import { SectionCard } from '@/lib/SectionCard';
import { localized, useLanguage } from '@/lib/useLanguage';

const MINISTRY = new Set(['MINISTRY_SUPERVISOR', 'MINISTRY_OFFICER']);

/** The pilgrim (names, passport) and the parties: the hosting company and the agent who registered them. */
export function VisaParties({ visa }: { visa: VisaDetailFragment }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  // Only the ministry has company and agent pages to link to.
  const links = MINISTRY.has(role);
  const { pilgrim, company, agent } = visa;
  const companyName = localized(language, company.nameAr, company.nameEn);
  return (
    <SectionCard title={t('visas.detail.pilgrimCard')}>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'name',
            label: t('visas.detail.name'),
            children: (
              <div className="two-line visa-names">
                <span lang="ar" dir="rtl">
                  {pilgrim.fullNameAr}
                </span>
                <span lang="en" dir="ltr">
                  {pilgrim.fullNameEn}
                </span>
              </div>
            ),
          },
          { key: 'passport', label: t('visas.detail.passport'), children: <bdi>{pilgrim.passportNumber}</bdi> },
          {
            key: 'passportExpiresOn',
            label: t('visas.detail.passportExpiresOn'),
            children: <DualDate value={pilgrim.passportExpiresOn} />,
          },
          {
            key: 'nationality',
            label: t('visas.detail.nationality'),
            children: countryName(pilgrim.nationality, language),
          },
          { key: 'dob', label: t('visas.detail.dateOfBirth'), children: <DualDate value={pilgrim.dateOfBirth} /> },
          {
            key: 'company',
            label: t('visas.detail.company'),
            children: links ? <Link to={`/companies/${company.id}`}>{companyName}</Link> : companyName,
          },
          {
            key: 'agent',
            label: t('visas.detail.agent'),
            children: agent ? (
              links ? (
                <Link to={`/agents/${agent.id}`}>{agent.name}</Link>
              ) : (
                <span>{agent.name}</span>
              )
            ) : (
              <span className="muted">{t('visas.noAgent')}</span>
            ),
          },
        ]}
      />
    </SectionCard>
  );
}
