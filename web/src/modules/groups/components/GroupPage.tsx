import { Alert, Col, Descriptions, Empty, Row } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isReadOnly } from '@/app/navigation';
import { PageLoading } from '@/app/PageLoading';
import { useViewer } from '@/app/ViewerContext';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { countryName } from '@/lib/countries';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { formatHijri } from '@/lib/dates';
import { formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { SectionCard } from '@/lib/SectionCard';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { VisaStatusTag } from '@/modules/pilgrims/components/VisaStatusTag';
import { usePilgrimGroup, type GroupPilgrimRow } from '../hooks/usePilgrimGroup';
import { canRegisterInto } from '../lib/groupAccess';
import { PilgrimNameCell } from './PilgrimNameCell';

/** One group: its facts, its pilgrims with their visa status, and (for its own side) registration. */
export function GroupPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const { id = '' } = useParams();
  const readOnly = isReadOnly(role);
  const { group, hasData, loading, error, refetch, pilgrims } = usePilgrimGroup(id);
  const title = group ? t('groups.groupTitle', { number: group.groupNumber, name: group.name }) : null;
  useDocumentTitle(title ?? t('groups.groupPage'));

  const back = (
    <p className="back-link">
      <Link to="/groups">{t('groups.back')}</Link>
    </p>
  );

  if (loading && !hasData) return <PageLoading />;
  if (!group) {
    return (
      <>
        {back}
        <PageHeader title={t('groups.groupPage')} />
        {error ? <QueryError error={error} onRetry={refetch} /> : <Empty description={t('groups.notFound')} />}
      </>
    );
  }

  const company = localized(language, group.company.nameAr, group.company.nameEn);
  const createdBy = group.agent?.name ?? t('groups.byCompany');
  const mayRegister = canRegisterInto(role, group);

  const columns: ColumnsType<GroupPilgrimRow> = [
    {
      key: 'name',
      title: t('pilgrims.name'),
      render: (_, row) => <PilgrimNameCell nameAr={row.fullNameAr} nameEn={row.fullNameEn} />,
    },
    { key: 'passport', title: t('pilgrims.passport'), render: (_, row) => <bdi>{row.passportNumber}</bdi> },
    {
      key: 'nationality',
      title: t('pilgrims.nationality'),
      render: (_, row) => countryName(row.nationality, language),
    },
    { key: 'dob', title: t('pilgrims.dateOfBirth'), render: (_, row) => <DualDate value={row.dateOfBirth} /> },
    { key: 'sex', title: t('pilgrims.sex'), render: (_, row) => t(`sex.${row.sex}`) },
    {
      key: 'visa',
      title: t('pilgrims.visaStatus'),
      render: (_, row) => (row.visa ? <VisaStatusTag status={row.visa.status} /> : t('pilgrims.noVisa')),
    },
    {
      key: 'submitted',
      title: t('pilgrims.submittedAt'),
      render: (_, row) => (row.visa ? <DualDate value={row.visa.submittedAt} withTime /> : '—'),
    },
  ];

  const exportCsv = () => {
    const header = [
      t('groups.groupNumber'),
      t('pilgrims.nameAr'),
      t('pilgrims.nameEn'),
      t('pilgrims.passport'),
      t('pilgrims.nationality'),
      `${t('pilgrims.nationality')} (ISO)`,
      t('pilgrims.dateOfBirth'),
      t('pilgrims.sex'),
      t('pilgrims.visaStatus'),
      t('pilgrims.submittedAt'),
      `${t('pilgrims.submittedAt')} (${t('common.hijri')})`,
    ];
    const data = pilgrims.rows.map((row) => [
      group.groupNumber,
      row.fullNameAr,
      row.fullNameEn,
      row.passportNumber,
      countryName(row.nationality, language),
      row.nationality,
      row.dateOfBirth,
      t(`sex.${row.sex}`),
      row.visa ? t(`visaStatus.${row.visa.status}`) : '',
      row.visa?.submittedAt,
      row.visa ? formatHijri(row.visa.submittedAt, language, { withTime: true }) : '',
    ]);
    downloadCsv(
      `${t('groups.csvPilgrimsName', { number: group.groupNumber })}-${todayInRiyadh()}.csv`,
      toCsv(header, data),
    );
  };

  return (
    <>
      {back}
      <PageHeader
        title={title}
        tags={readOnly ? <StatusTag tone="info">{t('common.readOnly')}</StatusTag> : undefined}
        subtitle={t('groups.subtitle', { season: group.season, company })}
      />
      {mayRegister && (
        <div className="page-actions">
          <Link
            className="link-button link-button--primary"
            to={`/pilgrims/new?groupId=${encodeURIComponent(group.id)}`}
          >
            {t('groups.registerInto')}
          </Link>
          <Link className="link-button" to={`/pilgrims/import?groupId=${encodeURIComponent(group.id)}`}>
            {t('groups.importInto')}
          </Link>
        </div>
      )}
      {role === 'COMPANY_MANAGER' && !mayRegister && (
        <Alert className="page-alert" type="info" showIcon title={t('groups.agentGroupNotice', { agent: createdBy })} />
      )}
      {error && <QueryError error={error} onRetry={refetch} />}
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <SectionCard title={t('groups.details')}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2, xl: 3 }}
              items={[
                { key: 'number', label: t('groups.groupNumber'), children: <bdi>{group.groupNumber}</bdi> },
                { key: 'name', label: t('groups.name'), children: group.name },
                { key: 'season', label: t('groups.season'), children: <bdi>{group.season}</bdi> },
                { key: 'company', label: t('groups.company'), children: company },
                { key: 'createdBy', label: t('groups.createdBy'), children: createdBy },
                {
                  key: 'createdAt',
                  label: t('groups.createdAt'),
                  children: <DualDate value={group.createdAt} withTime />,
                },
                {
                  key: 'pilgrims',
                  label: t('groups.pilgrimCount'),
                  children: pilgrims.hasData ? formatNumber(pilgrims.totalCount, language) : '—',
                },
              ]}
            />
          </SectionCard>
        </Col>
        <Col span={24}>
          <SectionCard title={t('groups.pilgrims')}>
            <ConnectionSection list={pilgrims} onExport={exportCsv}>
              <DataTable<GroupPilgrimRow>
                label={t('groups.pilgrims')}
                rowKey="id"
                columns={columns}
                dataSource={pilgrims.rows}
                loading={pilgrims.loading}
                locale={{ emptyText: pilgrims.loading ? ' ' : t('groups.noPilgrims') }}
              />
            </ConnectionSection>
          </SectionCard>
        </Col>
      </Row>
    </>
  );
}
